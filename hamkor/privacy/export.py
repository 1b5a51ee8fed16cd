"""A person's personal data in one archive (a subject-access request).

``person_export(person, handle)`` writes a zip archive: ``personal-data.json`` (every record
about the person across the apps, field by field, and their consents), ``summary.txt`` (the
same, readable) and ``files/`` (every uploaded file of theirs). It is the one place an
export of a person's data happens; the security log records it from here.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import PurePath
from typing import BinaryIO

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.utils import timezone

from hamkor.core.files import download_filename
from hamkor.core.models import DocumentVersion, OutboxMessage
from hamkor.mobility.models import Person
from hamkor.privacy.services import _records_of, person_documents
from hamkor.security.log import Kind, record


def _inquiries(person: Person) -> dict[str, list]:
    from hamkor.website.inquiries.models import Inquiry
    from hamkor.website.reception.models import Booking

    if not person.email:
        return {}
    return {
        "website.inquiry": list(Inquiry.objects.filter(email__iexact=person.email)),
        "website.booking": list(Booking.objects.filter(email__iexact=person.email)),
    }


def person_records(person: Person) -> dict[str, list[dict]]:
    """Every record about ``person``, by model label, as plain field values."""
    groups = {
        **_records_of(person),
        "privacy.consent": list(person.consents.select_related("category")),
        **_inquiries(person),
    }
    if person.email:
        groups["core.outboxmessage"] = list(
            OutboxMessage.objects.filter(Q(recipients__icontains=person.email))
        )
    return {
        label: [
            {"id": row["pk"], **row["fields"]}
            for row in serializers.serialize("python", rows, use_natural_foreign_keys=False)
        ]
        for label, rows in groups.items()
        if rows
    }


def _summary(person: Person, records: dict[str, list[dict]], files: list[str]) -> str:
    lines = [
        f"Personal data of {person.full_name} (person #{person.pk})",
        f"Exported {timezone.localtime():%Y-%m-%d %H:%M} (Asia/Tashkent)",
        "",
    ]
    for label, rows in records.items():
        lines.append(f"{label}: {len(rows)}")
        for row in rows:
            shown = ", ".join(f"{k}={v}" for k, v in row.items() if v not in ("", None, [], {}))
            lines.append(f"  - {shown}")
    lines += ["", f"files: {len(files)}", *(f"  - {name}" for name in files)]
    return "\n".join(lines) + "\n"


def person_export(*, person: Person, handle: BinaryIO, by=None) -> dict[str, int]:
    """Write ``person``'s archive to ``handle``; answer how many records and files it holds."""
    records = person_records(person)
    versions = DocumentVersion.objects.filter(document__in=person_documents(person)).order_by(
        "document_id", "number"
    )
    names = []
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for version in versions:
            # Only the last part of the uploaded name: it must not climb out of files/.
            shown = PurePath(download_filename(version.filename, version.file_type)).name
            name = f"files/{version.document_id}-v{version.number}-{shown}"
            try:
                with version.file.open("rb") as stored, archive.open(name, "w") as member:
                    for chunk in iter(lambda stored=stored: stored.read(1 << 20), b""):
                        member.write(chunk)
            except FileNotFoundError:
                continue
            names.append(name)
        archive.writestr(
            "personal-data.json",
            json.dumps(
                {"person": person.pk, "records": records, "files": names},
                cls=DjangoJSONEncoder,
                ensure_ascii=False,
                indent=2,
            ),
        )
        archive.writestr("summary.txt", _summary(person, records, names))
    counts = {"records": sum(len(rows) for rows in records.values()), "files": len(names)}
    record(Kind.PERSONAL_DATA_EXPORTED, user=by, target=person, **counts)
    return counts
