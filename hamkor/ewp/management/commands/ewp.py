"""``hamkor ewp``: Erasmus Without Paper files from the command line (scripts rely on it).

``hamkor ewp validate FILE``
    validates any EWP file against the official schemas (``HAMKOR_EWP_SCHEMAS``, else the
    downloaded copies); prints ``FILE: valid``, or one line per error with its line number;
    exits 0 when valid, 1 when not.
``hamkor ewp hash FILE``
    prints ``<iia-id> <iia-hash>`` for each IIA of an IIAs v7 get response, computed by
    Hamkor (the first partner's iia-id, else the second's).
``hamkor ewp import FILE [--dry-run] [--create-institutions]``
    imports a partner's IIA (see hamkor/ewp/importing.py) and prints what changes; with
    ``--dry-run`` nothing is written. An institution that is not known stops the import
    unless ``--create-institutions`` creates it (named by its hei-id, in the country of its
    domain).
``hamkor ewp export iias --out DIR``
    writes one get response per IIA, ``DIR/<iia-id>.xml``.
"""

from __future__ import annotations

import re
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from hamkor.core.management.base import BAD_INPUT, ScriptCommand
from hamkor.ewp import iias, importing, parsing, schemas
from hamkor.ewp.parsing import XmlRefused

INVALID = 1


class Command(ScriptCommand):
    help = "Erasmus Without Paper: validate, hash, import and export EWP files."
    requires_migrations_checks = False

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        validate = actions.add_parser("validate", help="Validate a file against the schemas.")
        validate.add_argument("file", metavar="FILE")
        hashes = actions.add_parser("hash", help="Print the iia-hash of each IIA of a file.")
        hashes.add_argument("file", metavar="FILE")
        imports = actions.add_parser("import", help="Import a partner's IIA get response.")
        imports.add_argument("file", metavar="FILE")
        imports.add_argument("--dry-run", action="store_true", help="Show, write nothing.")
        imports.add_argument(
            "--create-institutions", action="store_true", help="Create unknown institutions."
        )
        export = actions.add_parser("export", help="Write IIAs as get responses.")
        export.add_argument("what", choices=["iias"])
        export.add_argument("--out", required=True, metavar="DIR")
        for sub in (validate, hashes, imports, export):
            sub.error = lambda message: parser.error(message)

    def handle(self, *args, **options):
        getattr(self, f"do_{options['action']}")(options)

    def read(self, name: str) -> bytes:
        try:
            return Path(name).read_bytes()
        except OSError as exc:
            raise CommandError(f"{name}: {exc.strerror}", returncode=BAD_INPUT) from exc

    def refuse(self, name: str, refusal: XmlRefused):
        for problem in refusal.problems:
            line = f":{problem.line}" if problem.line else ""
            self.stderr.write(f"{name}{line}: {problem.message}")
        raise CommandError(f"{name}: not imported", returncode=INVALID)

    def do_validate(self, options):
        name = options["file"]
        try:
            schemas.validate(self.read(name))
        except XmlRefused as refusal:
            for problem in refusal.problems:
                line = f":{problem.line}" if problem.line else ""
                self.stdout.write(f"{name}{line}: {problem.message}")
            raise CommandError(
                f"{name}: {len(refusal.problems)} error(s)", returncode=INVALID
            ) from None
        self.stdout.write(f"{name}: valid")

    def do_hash(self, options):
        name = options["file"]
        try:
            tree = parsing.parse(self.read(name))
        except XmlRefused as refusal:
            self.refuse(name, refusal)
        for line in iias.hash_lines(tree):
            self.stdout.write(line)

    def do_import(self, options):
        name = options["file"]
        try:
            plans = importing.read(self.read(name))
        except XmlRefused as refusal:
            self.refuse(name, refusal)
        created = {}
        for plan in plans:
            target = str(plan.agreement) if plan.agreement else "new agreement"
            self.stdout.write(f"{plan.label}: {target}")
            if plan.partner is None:
                self.stdout.write(f"  unknown institution {plan.partner_hei}")
                if options["create_institutions"] and plan.suggested_country:
                    created[plan.partner_hei] = {
                        "name": plan.partner_hei,
                        "country": plan.suggested_country,
                    }
            for name, email in plan.contacts:
                self.stdout.write(f"  + contact {name} <{email}>")
            for line in plan.removed:
                self.stdout.write(f"  - {line}")
            for line in plan.added:
                self.stdout.write(f"  + {line}")
        if options["dry_run"]:
            self.stdout.write("dry run: nothing written")
            return
        try:
            agreements = importing.apply(plans, actor=None, new_institutions=created)
        except XmlRefused as refusal:
            self.refuse(name, refusal)
        except ValidationError as error:
            message = f"{name}: {'; '.join(error.messages)}"
            raise CommandError(message, returncode=INVALID) from None
        for agreement in agreements:
            self.stdout.write(f"imported {agreement.reference}")

    def do_export(self, options):
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        agreements = iias.iias_queryset().prefetch_related(
            "parties__institution", "parties__unit", "quotas"
        )
        if agreements.exists() and iias.home() is None:
            raise CommandError("the home university has no SCHAC code", returncode=INVALID)
        count = 0
        for agreement in agreements.order_by("pk"):
            safe = re.sub(r"[^A-Za-z0-9._-]", "_", iias.our_iia_id(agreement))
            (out / f"{safe}.xml").write_bytes(iias.get_response([agreement]))
            count += 1
        self.stdout.write(f"{count} IIA(s) written to {out}")
