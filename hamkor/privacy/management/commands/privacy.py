"""``hamkor privacy``: the personal-data register's work from the console.

- ``hamkor privacy retention [--dry-run]``: apply the retention rules (the nightly task does
  the same) and print what was deleted or anonymised per category;
- ``hamkor privacy export PERSON_ID FILE``: one archive of everything about the person;
- ``hamkor privacy erase PERSON_ID --reason TEXT``: erase the person by anonymisation.

A bad argument (an unknown person, no reason) exits with status 2 and one line.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from hamkor.core.management.base import BAD_INPUT, ScriptCommand
from hamkor.mobility.models import Person


def _person(pk: int) -> Person:
    person = Person.objects.filter(pk=pk).first()
    if person is None:
        raise CommandError(f"No person #{pk}.", returncode=BAD_INPUT)
    return person


class Command(ScriptCommand):
    help = "Personal data: apply the retention rules, export or erase a person."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.called_from_command_line = True
        retention = sub.add_parser("retention", help="Apply the retention rules.")
        retention.add_argument("--dry-run", action="store_true", help="Only count.")
        export = sub.add_parser("export", help="Write a person's data to one zip archive.")
        export.add_argument("person", type=int)
        export.add_argument("file", type=Path)
        erase = sub.add_parser("erase", help="Erase (anonymise) a person.")
        erase.add_argument("person", type=int)
        erase.add_argument("--reason", required=True)

    def handle(self, *args, **options):
        getattr(self, f"_{options['action']}")(options)

    def _retention(self, options):
        from hamkor.privacy.retention import retention_apply

        run = retention_apply(dry_run=options["dry_run"])
        prefix = "would be " if run.dry_run else ""
        for code, done in run.counts.items():
            self.stdout.write(
                f"{code}: {done['records']} records, {done['files']} files {prefix}processed"
            )
        self.stdout.write(
            f"retention run #{run.pk}: {run.total_records} records, "
            f"{run.total_files} files {prefix}processed"
        )

    def _export(self, options):
        from hamkor.privacy.export import person_export

        person = _person(options["person"])
        try:
            with options["file"].open("wb") as handle:
                done = person_export(person=person, handle=handle)
        except OSError as exc:
            raise CommandError(
                f"Cannot write {options['file']}: {exc}", returncode=BAD_INPUT
            ) from exc
        self.stdout.write(f"{options['file']}: {done['records']} records, {done['files']} files")

    def _erase(self, options):
        from hamkor.privacy.services import person_anonymise

        person = _person(options["person"])
        try:
            erasure = person_anonymise(person=person, by=None, reason=options["reason"])
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=BAD_INPUT) from exc
        self.stdout.write(
            f"person #{person.pk} anonymised: {erasure.counts.get('records', 0)} records, "
            f"{erasure.counts.get('files', 0)} files deleted"
        )
