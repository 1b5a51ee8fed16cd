"""What the personal-data tests share: the figures, a dump of the whole database, files."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from hamkor.core.backup import backup_write
from hamkor.core.documents import document_add


def achievements(*period: str) -> dict:
    out = io.StringIO()
    today = timezone.localdate().isoformat()
    call_command("achievements", "--json", "--on", today, *period, stdout=out)
    return json.loads(out.getvalue())


def figures() -> list[dict]:
    """The achievements of the last four years and of each year of the demo's span."""
    spans = [()] + [
        ("--from", f"{year}-01-01", "--to", f"{year}-12-31") for year in range(2020, 2027)
    ]
    return [achievements(*span) for span in spans]


def dump_text(folder: Path) -> str:
    """Every record and every stored file of the database, as one text (the backup's
    archive: records as JSON lines, files as they are stored)."""
    path = folder / "dump.zip"
    backup_write(path)
    parts = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            parts.append(archive.read(name).decode("utf-8", "replace"))
    return "\n".join(parts)


def pdf(record, actor, *, kind="other", title="", text="scan"):
    body = b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"
    return document_add(
        record=record,
        kind=kind,
        title=title,
        upload=SimpleUploadedFile("scan.pdf", body),
        actor=actor,
    )
