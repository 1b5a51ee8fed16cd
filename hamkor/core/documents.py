"""Documents attached to records: adding them and their versions, reading them, who may.

Any record whose model uses :class:`~hamkor.core.models.RestrictedQuerySet` can carry
documents. Who may see or attach a record's documents is answered by the record's own
scoping (``restrict(user, "view" | "change")``), so a coordinator attaches files only to
their faculty's agreements, together with the ``core.document`` permissions of their role.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models, transaction
from django.db.models import Max, Prefetch, QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from hamkor.core import files
from hamkor.core.models import BaseModel, Document, DocumentVersion
from hamkor.core.services import object_save


def document_add(
    *,
    record: models.Model,
    kind: str,
    title: str = "",
    upload: File,
    actor,
    note: str = "",
) -> Document:
    """Attach ``upload`` to ``record`` as a new document of ``kind``; its first version.

    The file is checked (size, type by content) before anything is written, so a refused
    file leaves neither a row nor a stored file behind.
    """
    if record.pk is None:
        raise ValueError("Documents are attached to saved records only.")
    checked = _check_upload(upload)
    if kind not in {value for value, _label in document_kinds(record)}:
        raise ValidationError({"kind": _("Choose a kind of document from the list.")})
    with transaction.atomic():
        document = Document(
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            kind=kind,
            title=title.strip(),
        )
        object_save(instance=document, actor=actor, reason="core.document.added")
        _version_store(document=document, upload=upload, checked=checked, actor=actor, note=note)
    return document


def document_add_version(
    *,
    document: Document,
    upload: File,
    actor,
    note: str = "",
) -> DocumentVersion:
    """Add ``upload`` as the newest version of ``document``; earlier versions are kept."""
    checked = _check_upload(upload)
    with transaction.atomic():
        # object_save locks the document's row, so two uploads cannot take the same number.
        object_save(instance=document, actor=actor, reason="core.document.version_added")
        return _version_store(
            document=document, upload=upload, checked=checked, actor=actor, note=note
        )


@dataclass(frozen=True)
class _Checked:
    """What the checks learnt about an upload."""

    file_type: str
    size: int
    sha256: str


def _check_upload(upload: File) -> _Checked:
    limit = settings.FILE_UPLOAD_MAX_SIZE
    size = upload.size
    if size is not None and size > limit:
        raise ValidationError(
            {
                "file": _("The file is %(size)s; files larger than %(limit)s cannot be attached.")
                % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
            },
            code="too_large",
        )
    if not size:
        raise ValidationError({"file": _("The file is empty.")}, code="empty")
    file_type = files.detect_file_type(upload)
    if file_type is None:
        raise ValidationError(
            {
                "file": _(
                    "Only PDF, DOCX, XLSX, JPEG and PNG files can be attached; "
                    "this file is not one of them."
                )
            },
            code="file_type",
        )
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return _Checked(file_type=file_type, size=size, sha256=digest.hexdigest())


def _version_store(
    *, document: Document, upload: File, checked: _Checked, actor, note: str
) -> DocumentVersion:
    last = document.versions.aggregate(last=Max("number"))["last"] or 0
    version = DocumentVersion(
        document=document,
        number=last + 1,
        filename=_clip(_original_name(upload), DocumentVersion._meta.get_field("filename")),
        file_type=checked.file_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
        note=note.strip(),
    )
    # The field's upload_to gives an opaque name without extension; the original is a column.
    version.file.save(version.filename, upload, save=False)
    try:
        version.full_clean()
        version.save()
    except Exception:
        # The database rolls back by itself; the storage does not.
        version.file.storage.delete(version.file.name)
        raise
    return version


def _original_name(upload: File) -> str:
    name = str(getattr(upload, "name", "") or "")
    # Browsers send a bare name, but some old ones a whole Windows path.
    return name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "document"


def _clip(name: str, field: models.Field) -> str:
    """``name`` cut to the column's length, keeping its extension."""
    if len(name) <= field.max_length:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or len(extension) > 10:
        return name[: field.max_length]
    return f"{stem[: field.max_length - len(extension) - 1]}.{extension}"


# Selectors


def documents_for(record: models.Model) -> QuerySet[Document]:
    """``record``'s documents, each with its versions (newest first) and their uploaders."""
    return Document.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    ).prefetch_related(
        Prefetch(
            "versions",
            queryset=DocumentVersion.objects.select_related("uploaded_by").order_by("-number"),
            to_attr="prefetched_versions",
        )
    )


def documents_by_record(records: list[models.Model]) -> dict[int, list[Document]]:
    """:func:`documents_for` of several records of one model, in one query (and one for the
    versions): ``{record pk: [documents]}``."""
    if not records:
        return {}
    found: dict[int, list[Document]] = {record.pk: [] for record in records}
    documents = Document.objects.filter(
        content_type=ContentType.objects.get_for_model(records[0]), object_id__in=list(found)
    ).prefetch_related(
        Prefetch(
            "versions",
            queryset=DocumentVersion.objects.select_related("uploaded_by").order_by("-number"),
            to_attr="prefetched_versions",
        )
    )
    for document in documents:
        found[document.object_id].append(document)
    return found


def document_kinds(record: models.Model) -> list[tuple[str, str]]:
    """The kinds of document ``record`` may carry: its model's ``document_kinds``, or all."""
    allowed = getattr(type(record), "document_kinds", None)
    if not allowed:
        return list(Document.Kind.choices)
    return [(value, label) for value, label in Document.Kind.choices if value in allowed]


# Who may


def is_attachable(model: type[models.Model] | None) -> bool:
    """Whether records of ``model`` can carry documents (business models, not documents)."""
    return (
        model is not None
        and issubclass(model, BaseModel)
        and not issubclass(model, Document)
        and hasattr(model._default_manager.all(), "restrict")
    )


def record_allowed(user, model: type[models.Model], pk: int, action: str) -> bool:
    """Whether ``user`` may take ``action`` ("view", "change") on the record ``pk``."""
    if not is_attachable(model):
        return False
    return model._default_manager.restrict(user, action).filter(pk=pk).exists()


def can_view_record(user, record: models.Model) -> bool:
    return _record_within_reach(user, record, "view")


def can_change_record(user, record: models.Model) -> bool:
    return _record_within_reach(user, record, "change")


def _record_within_reach(user, record: models.Model, action: str) -> bool:
    """``record_allowed`` for a record already loaded (no query for a user who reaches all)."""
    model = type(record)
    return is_attachable(model) and model._default_manager.within_reach(user, record, action)


def can_view_documents(user, record: models.Model) -> bool:
    """The record is within the user's reach and their role may read documents."""
    return user.has_perm("core.view_document") and can_view_record(user, record)


def can_view_document(user, document: Document) -> bool:
    """``can_view_documents`` for one document, without loading its record."""
    return user.has_perm("core.view_document") and record_allowed(
        user, document.content_type.model_class(), document.object_id, "view"
    )


def can_attach_documents(user, record: models.Model) -> bool:
    """The user may change the record and their role may add and change documents."""
    return (
        user.has_perm("core.add_document")
        and user.has_perm("core.change_document")
        and can_change_record(user, record)
    )


def documents_context(user, record: models.Model) -> dict:
    """What ``core/partials/documents.html`` needs, for a detail view's context."""
    visible = can_view_documents(user, record)
    return {
        "documents": documents_for(record) if visible else Document.objects.none(),
        "can_view_documents": visible,
        "can_attach": visible and can_attach_documents(user, record),
        "document_kinds": document_kinds(record),
        "content_type_id": ContentType.objects.get_for_model(record).pk,
        "document_accept": files.ACCEPT,
        "document_max_size": settings.FILE_UPLOAD_MAX_SIZE,
    }


def document_response(version: DocumentVersion, *, request):
    """Serve one stored version as a private download, named and typed by its content, and
    note the download in the security log (documents hold passports, visas, transcripts).

    Callers check who may have it first; this only answers the file, or 404 when the
    storage has lost it.
    """
    from django.http import FileResponse, Http404

    from hamkor.security.log import Kind, record

    try:
        handle = version.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    document = version.document
    record(
        Kind.DOCUMENT_DOWNLOADED,
        request=request,
        target=document,
        version=version.number,
        record_type=ContentType.objects.get_for_id(document.content_type_id).model,
        record_id=document.object_id,
    )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=files.download_filename(version.filename, version.file_type),
        content_type=files.CONTENT_TYPES.get(version.file_type, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
