"""``hamkor erasmus-rates load [--file F] [--replace]``: load the Erasmus+ rate tables.

The project's data file (``hamkor/grants/data/erasmus_rates.json``) holds every rate with
its source and verification status. Running it again creates only missing rows; rows the
office has edited are kept unless ``--replace``.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hamkor.grants.services import ERASMUS_RATES_FILE, RatesFileError, erasmus_rates_load


class Command(BaseCommand):
    help = "Load the Erasmus+ rate tables from the project's data file (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("task", choices=("load",))
        parser.add_argument("--file", type=Path, default=ERASMUS_RATES_FILE, metavar="F")
        parser.add_argument(
            "--replace", action="store_true",
            help="Overwrite rows that differ from the file (edits made in the admin are lost).",
        )  # fmt: skip

    def handle(self, *args, file, replace, **options):
        try:
            result = erasmus_rates_load(actor=None, path=file, replace=replace)
        except RatesFileError as exc:
            raise CommandError(str(exc)) from exc
        for label, tally in (
            ("created", result.created),
            ("updated", result.updated),
            ("kept as edited (use --replace to overwrite)", result.kept),
        ):
            if tally:
                counts = ", ".join(f"{count} {name}" for name, count in sorted(tally.items()))
                self.stdout.write(f"Erasmus+ rates {label}: {counts}")
        if not (result.created or result.updated or result.kept):
            self.stdout.write("Erasmus+ rates: the tables already match the file.")
