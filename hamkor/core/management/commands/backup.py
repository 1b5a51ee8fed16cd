"""``hamkor backup FILE``: every record, history included, every stored file and a manifest,
in one archive that any database of the same Hamkor version can be restored from."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hamkor.core.backup import backup_write


class Command(BaseCommand):
    help = "Write every record and stored file of this installation into one archive (.zip)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="the archive to write")

    def handle(self, *args, file: Path, **options):
        if not file.parent.is_dir():
            raise CommandError(f"{file.parent}: no such folder")
        manifest = backup_write(file)
        self.stdout.write(
            f"{file}: {manifest.records} records of {len(manifest.counts)} models, "
            f"{manifest.files} files"
        )
