"""The low-level pieces erasure and retention share: removing documents' files, bringing a
record's history rows in line with the record, and replacing a person's identifiers in every
text column of the database.

These write with ``QuerySet.update`` on purpose: scrubbing must not add history rows that
would themselves hold what is removed, nor bump versions of records nobody edited.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from django.apps import apps
from django.db import models, transaction
from django.db.models import Q

from hamkor.core.models import Document, DocumentVersion

# Tables that hold no free text about people, or that Django and migrate own.
SWEEP_SKIPPED = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "privacy.datacategory",
    "privacy.historicaldatacategory",
}
# Identifiers shorter than this are not swept: they would match other people's text.
MIN_IDENTIFIER = 6


def documents_purge(documents: models.QuerySet, *, dry_run: bool = False) -> tuple[int, int]:
    """Delete every stored file of ``documents`` (their versions go; the documents stay with
    their kind, so that a count of "certificate uploaded" is unchanged) and blank their
    titles, history included. Answers (documents, files). The files leave the storage once
    the transaction commits, never before."""
    ids = list(documents.filter(versions__isnull=False).values_list("pk", flat=True).distinct())
    versions = DocumentVersion.objects.filter(document_id__in=ids)
    files = versions.count()
    if dry_run or not ids:
        return len(ids), files
    for name in versions.values_list("file", flat=True):
        if name:
            storage = DocumentVersion._meta.get_field("file").storage
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    versions.delete()
    Document.objects.filter(pk__in=ids).update(title="")
    Document.history.filter(id__in=ids).update(title="")
    return len(ids), files


def history_update(model: type[models.Model], ids: Iterable[int], **values) -> None:
    """Set ``values`` on the live rows ``ids`` of ``model`` and on all their history rows."""
    ids = list(ids)
    if not ids:
        return
    model._base_manager.filter(pk__in=ids).update(**values)
    history = getattr(model, "history", None)
    if history is not None:
        history.filter(id__in=ids).update(**values)


def _text_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField | models.JSONField)
        and not field.choices
    ]


def identifiers_sweep(identifiers: Iterable[str], replacement: str) -> int:
    """Replace each of ``identifiers`` (case-insensitively) by ``replacement`` in every text
    column of every table, history tables and the outbox included. Answers the number of
    values changed. Short identifiers are left out: they would hit other people's text."""
    wanted = sorted({i.strip() for i in identifiers if len(i.strip()) >= MIN_IDENTIFIER}, key=len)
    if not wanted:
        return 0
    pattern = re.compile("|".join(re.escape(i) for i in reversed(wanted)), re.IGNORECASE)
    changed = 0
    for model in apps.get_models():
        if model._meta.label_lower in SWEEP_SKIPPED or not model._meta.managed:
            continue
        for field in _text_fields(model):
            changed += _sweep_field(model, field, wanted, pattern, replacement)
    return changed


def _sweep_field(model, field, wanted, pattern, replacement) -> int:
    name = field.attname
    if isinstance(field, models.JSONField):
        # A JSON value is searched as its text; a match is rare, a scan of it is cheap.
        rows = model._base_manager.exclude(**{f"{name}__isnull": True}).values_list("pk", name)
        changed = 0
        for pk, value in rows.iterator(chunk_size=2000):
            text = json.dumps(value, ensure_ascii=False)
            if pattern.search(text):
                new = json.loads(pattern.sub(replacement, text))
                model._base_manager.filter(pk=pk).update(**{name: new})
                changed += 1
        return changed
    match = Q()
    for identifier in wanted:
        match |= Q(**{f"{name}__icontains": identifier})
    changed = 0
    for pk, value in model._base_manager.filter(match).values_list("pk", name):
        new = pattern.sub(replacement, value)[: field.max_length or None]
        if new != value:
            model._base_manager.filter(pk=pk).update(**{name: new})
            changed += 1
    return changed
