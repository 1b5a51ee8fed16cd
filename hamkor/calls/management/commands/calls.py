"""``hamkor calls``: calls for applications from the command line.

``hamkor calls replay FILE.json`` recomputes a call's allocation from its exported selection
(the format is in :mod:`hamkor.calls.selection_file`) and prints
one JSON object, ``{"allocation": {"A1": "P2", ...}, "reserve": ["A7", ...]}``: the place of
each selected application in ranking order, and the reserve list in ranking order. It reads
no database, so that an auditor can check published results without access to Hamkor.
``hamkor calls expire-offers`` passes on the offered places whose time to answer has passed
(the daily job does it too).
Scripts rely on this interface: a file that cannot be read, is not JSON, has a malformed
field or names an unknown place exits with status 2 and one line naming the field.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import CommandError

from hamkor.calls.selection import SelectionError, select
from hamkor.calls.selection_file import selection_loads
from hamkor.core.management.base import BAD_INPUT, ScriptCommand


class Command(ScriptCommand):
    help = "Calls for applications: replay a selection from its exported file."
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        replay = actions.add_parser(
            "replay", help="Print the allocation recomputed from a call's exported selection."
        )
        replay.add_argument("file", metavar="FILE.json", help="The exported selection.")
        # The base sets the command's one-line error after this method; a subcommand's
        # mistakes (a missing FILE) should read the same.
        replay.error = lambda message: parser.error(message)
        actions.add_parser(
            "expire-offers",
            help="Pass on the offered places whose deadline to answer has passed (run daily "
            "by Celery beat; this runs it now).",
        )

    def handle(self, *args, **options):
        if options["action"] == "replay":
            self.replay(options["file"])
        elif options["action"] == "expire-offers":
            from hamkor.calls.results import offers_expire

            result = offers_expire()
            self.stdout.write(
                f"offers expired: {result['expired']}, passed on: {result['passed_on']}"
            )

    def replay(self, name: str) -> None:
        text = self.read(name)
        try:
            outcome = select(selection_loads(text))
        except SelectionError as exc:
            raise CommandError(str(exc), returncode=BAD_INPUT) from exc
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"{name}: not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
                returncode=BAD_INPUT,
            ) from exc
        except ValueError as exc:  # NaN or Infinity, which JSON does not allow
            raise CommandError(f"{name}: {exc}", returncode=BAD_INPUT) from exc
        self.stdout.write(json.dumps(outcome.as_dict()))

    def read(self, name: str) -> str:
        try:
            return Path(name).read_bytes().decode("utf-8-sig")
        except OSError as exc:
            raise CommandError(
                f"{name}: cannot be read ({exc.strerror or exc})", returncode=BAD_INPUT
            ) from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{name}: not UTF-8 text", returncode=BAD_INPUT) from exc
