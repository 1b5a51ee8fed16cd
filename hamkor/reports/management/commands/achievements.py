"""``hamkor achievements``: the department's achievements for a period, for scripts and checks.

Scripts rely on this interface. With ``--json`` it prints one JSON object whose keys are
exactly :data:`hamkor.reports.achievements.KEYS`: numbers, and the sorted list of ISO country
codes for ``agreement_countries``. ``--from`` and ``--to`` bound the period (by default the
last four calendar years), ``--on`` is the day of the partners in force (by default today),
``--faculty`` a unit's code. A bad argument exits with status 2 and one line.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from hamkor.core.management.base import BAD_INPUT, ScriptCommand
from hamkor.reports.achievements import (
    BY_KEY,
    Period,
    PeriodError,
    achievements,
    faculty_by_code,
)


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            _("“%(value)s” is not a date; write it as YYYY-MM-DD.") % {"value": text},
            returncode=BAD_INPUT,
        ) from None


def _plain(value):
    return float(value) if isinstance(value, Decimal) else value


class Command(ScriptCommand):
    help = "Print the department's achievements for a period (by default the last four years)."

    def add_arguments(self, parser):
        parser.add_argument("--from", dest="start", metavar="DATE", help="First day, YYYY-MM-DD.")
        parser.add_argument("--to", dest="end", metavar="DATE", help="Last day, YYYY-MM-DD.")
        parser.add_argument("--on", metavar="DATE", help="Day of the partners in force.")
        parser.add_argument("--faculty", metavar="CODE", help="Only this faculty's records.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args, **options):
        try:
            period = Period.default(
                start=options["start"] and _day(options["start"]),
                end=options["end"] and _day(options["end"]),
                on=options["on"] and _day(options["on"]),
                faculty=options["faculty"] and faculty_by_code(options["faculty"]),
            )
        except PeriodError as exc:
            raise CommandError(str(exc), returncode=BAD_INPUT) from exc
        figures = achievements(period)
        if options["json"]:
            self.stdout.write(json.dumps({key: _plain(value) for key, value in figures.items()}))
            return
        self.stdout.write(f"{period.start.isoformat()} – {period.end.isoformat()}")
        for key, value in figures.items():
            shown = ", ".join(value) if isinstance(value, list) else value
            self.stdout.write(f"{BY_KEY[key].label}: {shown}")
