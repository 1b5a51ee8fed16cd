"""``hamkor bench-data --scale N``: fill a database to N times a university's decade.

The rows are written by :mod:`hamkor.benchdata` (its docstring has the sizes), in batches,
without the services and their history: a database for benchmarks, never a real one. The
home university, its faculties and the demo's logins (``officer@hamkor.demo``…) are made
first; ``--with-demo`` loads the whole demo data set instead (minutes more). The
command marks the databases it fills and refuses a database holding records it did not
generate (people, agreements, mobilities, events, projects, students, calls, users) unless
``--force`` is given. A second run with the same scale and seed adds nothing.
"""

from __future__ import annotations

import logging
import os
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import override_settings
from django.utils import timezone, translation

from hamkor.benchdata import mark
from hamkor.benchdata.base import Plan
from hamkor.benchdata.run import counts, generate
from hamkor.partners.models import Institution


class Command(BaseCommand):
    help = "Fill a database with generated records at N times a university's decade."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1: a university's decade (default)"
        )
        parser.add_argument("--seed", type=int, default=2026, help="the draw (default 2026)")
        parser.add_argument(
            "--directory",
            help="load the world directory from this folder first (hamkor load-directory)",
        )
        parser.add_argument(
            "--with-demo",
            action="store_true",
            help="load the demo data set first (else only its home university, faculties "
            "and logins)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="write into a database that holds records this command did not generate",
        )

    def handle(self, *args, scale, seed, directory, with_demo, force, **options):
        if scale <= 0:
            raise CommandError("--scale must be greater than 0.")
        if directory and not os.path.isdir(directory):
            raise CommandError(f"{directory}: no such folder.")
        started = time.monotonic()
        if not mark.is_marked() and not force:
            with translation.override("en"):
                found = mark.holds_records()
            if found:
                raise CommandError(
                    f"this database holds {', '.join(found)} that bench-data did not "
                    "generate; refusing to write into it (--force to do so)."
                )
        mark.mark(seed, scale)
        # The demo's signed copies are hundreds of small PDFs: WeasyPrint's notices would
        # bury the summary.
        logging.getLogger("weasyprint").setLevel(logging.ERROR)
        quiet = open(os.devnull, "w")  # noqa: SIM115 - closed below
        try:
            with translation.override("en"):
                self._prepare(directory, with_demo, quiet)
                plan = Plan(scale=scale, seed=seed, today=timezone.localdate(), out=self._say)
                generate(plan)
        finally:
            quiet.close()
        self._summary(time.monotonic() - started)

    def _prepare(self, directory, with_demo, quiet) -> None:
        if directory and not Institution.objects.exclude(directory_key="").exists():
            self._say(f"loading the world directory from {directory}")
            call_command("load_directory", "--from", directory, stdout=quiet)
        if not with_demo:
            # The home university, its faculties and one login per role (the demo's): what
            # the generated rows hang on and what a benchmark logs in with.
            from hamkor.demo import accounts, partners

            if not Institution.objects.filter(is_home=True).exists():
                partners.load_home(quiet)
                accounts.load(quiet)
        else:
            self._say("loading the demo data set")
            # The demo's mail (confirmations, replies) would be printed by the console
            # backend of a development setting; a benchmark database sends none.
            with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
                call_command("demo_data", stdout=quiet)

    def _say(self, line: str) -> None:
        self.stdout.write(line)
        self.stdout.flush()

    def _summary(self, elapsed: float) -> None:
        self._say(f"{connection.vendor}, {elapsed:.1f} s; rows per table:")
        for table, count in counts():
            self._say(f"  {table:<32} {count:>10,}")
