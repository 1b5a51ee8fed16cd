"""``hamkor restore FILE``: load an archive of ``hamkor backup`` into this database.

The database must have been migrated to the same version and hold no user yet; ``--replace``
replaces what it holds. All records load, or none."""

import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hamkor.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore an archive of `hamkor backup` into this (migrated, empty) database."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the archive to read")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace the records this database already holds",
        )

    def handle(self, *args, file: Path, replace: bool, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file")
        try:
            restored = restore(file, replace=replace)
        except zipfile.BadZipFile as error:
            raise CommandError(f"{file}: not a zip archive") from error
        except BackupError as error:
            raise CommandError(f"{file}: {error}") from error
        self.stdout.write(f"{file}: {restored.records} records and {restored.files} files restored")
