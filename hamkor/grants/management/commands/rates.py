"""``hamkor rates fetch [--date D]``: store the Central Bank of Uzbekistan's daily rates.

Reads ``HAMKOR_CBU_RATES_URL`` (today's rates, or ``all/YYYY-MM-DD/`` under it for a date).
Running it again for the same date changes nothing. A malformed answer, or a date without
rates, stores nothing and exits with a non-zero status.
"""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError

from hamkor.grants.cbu import RatesFetchError
from hamkor.grants.services import exchange_rates_fetch


def iso_date(text: str) -> datetime.date:
    import argparse

    try:
        return datetime.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text} is not a date (YYYY-MM-DD)") from exc


class Command(BaseCommand):
    help = "Fetch the Central Bank of Uzbekistan's exchange rates of a day (default: today)."

    def add_arguments(self, parser):
        parser.add_argument("task", choices=("fetch",))
        parser.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD")

    def handle(self, *args, date, **options):
        try:
            result = exchange_rates_fetch(actor=None, on_date=date)
        except RatesFetchError as exc:
            raise CommandError(str(exc)) from exc
        since = "" if result.published == result.date else f" (in force since {result.published})"
        self.stdout.write(
            f"Rates of {result.date}{since}: {result.written} stored, {result.unchanged} unchanged."
        )
