"""``hamkor hemis sync [--dry-run]``: HEMIS's staff and students into the registry.

Prints the report: created, updated, unchanged and skipped per kind, then each skipped
record with its reason. HEMIS unreachable or refusing exits with status 1 and one line.
"""

from __future__ import annotations

from django.core.management.base import CommandError

from hamkor.core.management.base import ScriptCommand
from hamkor.hemis.client import HemisError
from hamkor.hemis.services import hemis_sync


class Command(ScriptCommand):
    help = "HEMIS: import staff and students into the people registry."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        sync = actions.add_parser("sync", help="Read HEMIS and update the registry.")
        sync.add_argument(
            "--dry-run", action="store_true", help="Report what would change; save nothing."
        )
        sync.error = lambda message: parser.error(message)

    def handle(self, *args, **options):
        try:
            report = hemis_sync(actor=None, dry_run=options["dry_run"])
        except HemisError as exc:
            raise CommandError(str(exc), returncode=1) from exc
        self.stdout.write("\n".join(report.lines()))
