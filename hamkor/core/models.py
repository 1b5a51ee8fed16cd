"""Shared model pieces: the business-model base, row scoping, the e-mail outbox."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hamkor.core.indexes import column_indexes
from hamkor.core.translit import latin_to_cyrillic
from hamkor.core.urls_helpers import reverse_pk

# Every business model can be imported and exported besides the four Django actions.
DEFAULT_PERMISSIONS = ("add", "change", "delete", "view", "import", "export")


class RestrictedQuerySet(models.QuerySet):
    """A queryset that knows which rows a user may act on.

    ``restrict(user, action)`` is the one place a model's row scoping lives; views and the
    API both call it. The default answers from the model permission alone: all rows or none.
    Models scoped by faculty override :meth:`scope` and keep this method.
    """

    def restrict(self, user, action: str = "view") -> RestrictedQuerySet:
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        opts = self.model._meta
        if not user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"):
            return self.none()
        return self.scope(user, action)

    def scope(self, user, action: str) -> RestrictedQuerySet:
        """Rows within the user's reach once the model permission is granted."""
        return self

    def within_reach(self, user, record: models.Model, action: str = "view") -> bool:
        """Whether ``user`` may take ``action`` on ``record``, a row of this queryset loaded
        before: one ``exists()`` for a scoped user, none for a user who reaches every row of a
        queryset without conditions of its own (a page asks this several times)."""
        restricted = self.restrict(user, action)
        if restricted is self and not self.query.where and not self.query.is_sliced:
            return record.pk is not None and not record._state.adding
        return restricted.filter(pk=record.pk).exists()

    def reaches_all(self, user, action: str = "view") -> bool:
        """Whether ``user`` may act on every row: the permission, and a scope that leaves the
        queryset itself (what a deleted row, which cannot be scoped any more, requires)."""
        return self.restrict(user, action) is self


class BaseModel(models.Model):
    """Base of every business model: timestamps and a version for optimistic concurrency.

    ``version`` grows by one on every save through :func:`hamkor.core.services.object_save`;
    an edit form carries the version it was based on, and a stale one is refused.
    """

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        abstract = True
        default_permissions = DEFAULT_PERMISSIONS

    def get_absolute_url(self) -> str:
        opts = self._meta
        return reverse_pk(f"{opts.app_label}:{opts.model_name}_detail", self.pk)


def translated(field: str):
    """A property answering ``<field>_<language>`` for the active language.

    Content has a column per language (uz, ru, en). Uzbek Cyrillic reads the model's
    ``<field>_uz_cyrl`` column when it has one and it is filled, else the Latin column
    transliterated. An empty column falls back to Uzbek, then English, then Russian.
    """

    def getter(self) -> str:
        language = (get_language() or settings.LANGUAGE_CODE).lower()
        if language == "uz-cyrl":
            # Written by hand: shown as typed (a Latin name such as Erasmus+ stays Latin).
            own = getattr(self, f"{field}_uz_cyrl", "")
            if own:
                return own
            value = getattr(self, f"{field}_uz", "")
            return latin_to_cyrillic(value) if value else _fallback(self, field)
        value = getattr(self, f"{field}_{language.split('-')[0]}", "")
        return value or _fallback(self, field)

    getter.__name__ = field
    return property(getter)


def _fallback(obj, field: str) -> str:
    for language in ("uz", "en", "ru"):
        value = getattr(obj, f"{field}_{language}", "")
        if value:
            return value
    return ""


class OutboxMessage(models.Model):
    """A copy of every e-mail the system sends, for administrators to read.

    In the embedded mode this is where mail goes (besides the console); with SMTP it is the
    record of what was sent and whether sending failed.
    """

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        KEPT = "kept", _("Kept (not sent)")
        FAILED = "failed", _("Failed")

    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    sender = models.CharField(_("from"), max_length=254)
    recipients = models.TextField(_("to"))
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML text"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    error = models.TextField(_("error"), blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail message")
        verbose_name_plural = _("outbox")
        ordering = ("-created_at", "-id")
        default_permissions = ("view",)
        indexes = [*column_indexes("outbox", "status")]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse_pk("core:outboxmessage_detail", self.pk)


class OutboxReading(models.Model):
    """Who opened which message of the outbox, and when: the outbox holds other people's
    mail, so reading it leaves a trace that administrators see on the message."""

    message = models.ForeignKey(
        OutboxMessage,
        verbose_name=_("e-mail message"),
        on_delete=models.CASCADE,
        related_name="readings",
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("read by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    read_at = models.DateTimeField(_("read at"), auto_now_add=True)

    class Meta:
        verbose_name = _("outbox reading")
        verbose_name_plural = _("outbox readings")
        ordering = ("-read_at", "-id")

    def __str__(self) -> str:
        return f"{self.reader} · {self.message}"


class ImportJob(models.Model):
    """One upload to a bulk import: the file, its preview, and whether it was applied.

    The file is kept in the database so that the preview and the apply step may be served
    by different app servers.
    """

    class Status(models.TextChoices):
        CHECKING = "checking", _("Being checked")
        PREVIEWED = "previewed", _("Previewed")
        APPLIED = "applied", _("Applied")
        REJECTED = "rejected", _("Rejected")

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    model = models.CharField(_("records"), max_length=100)
    filename = models.CharField(_("file"), max_length=255)
    content = models.BinaryField(_("content"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_created = models.PositiveIntegerField(_("created"), default=0)
    rows_updated = models.PositiveIntegerField(_("updated"), default=0)
    rows_rejected = models.PositiveIntegerField(_("Rejected"), default=0)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ("-created_at", "-id")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.model}: {self.filename}"


class JobQuerySet(models.QuerySet):
    def restrict(self, user, action: str = "view") -> JobQuerySet:
        """A user's own jobs; every job for who holds ``core.view_job`` (officers, admins)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.has_perm("core.view_job"):
            return self
        return self.filter(owner=user)


def job_result_path(job: Job, filename: str) -> str:
    # The stored name says nothing about the content; the download's name is kept in a column.
    return f"jobs/{timezone.now():%Y/%m}/{uuid.uuid4().hex}"


class Job(models.Model):
    """Long work done in the background (a Celery task): its progress, outcome and file.

    The task that runs it moves it from queued to running to done or failed, once (a retried
    message finds it no longer queued and does nothing). ``data`` holds what the task reads
    and what it answers (counts, an import's preview); ``message`` is the reason of a
    failure as a message id with ``message_params``, translated when shown. The result file
    is private: served only to the owner and to who may see every job.
    """

    class Kind(models.TextChoices):
        IMPORT = "import", _("Import")
        EXPORT = "export", _("Export")
        DIRECTORY = "directory", _("Directory load")
        LETTERS = "letters", _("Invitation letters")
        CERTIFICATES = "certs", _("Certificates")
        ANNUAL_REPORT = "annual", _("Annual report")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    model = models.CharField(_("records"), max_length=100, blank=True)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    message = models.TextField(_("message"), blank=True)
    message_params = models.JSONField(_("message values"), default=dict, blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)
    # What the task reads that JSON cannot hold: an export's query.
    payload = models.BinaryField(_("payload"), blank=True, default=b"")
    language = models.CharField(_("language"), max_length=10, default="en")
    import_job = models.ForeignKey(
        ImportJob,
        verbose_name=_("import"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jobs",
    )
    result = models.FileField(_("result"), upload_to=job_result_path, max_length=200, blank=True)
    result_name = models.CharField(_("file name"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = JobQuerySet.as_manager()

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ("-created_at", "-id")
        default_permissions = ("view",)
        indexes = [models.Index(fields=["owner", "-created_at"], name="core_job_owner_created")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("core:job_detail", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self) -> int:
        if self.status == self.Status.DONE:
            return 100
        return min(100, self.done * 100 // self.total) if self.total else 0

    @property
    def reason(self) -> str:
        """The failure's reason in the active language."""
        from django.utils.translation import gettext

        if not self.message:
            return ""
        text = gettext(self.message)
        return text % self.message_params if self.message_params else text


class Document(BaseModel):
    """A file attached to any record (an agreement's signed scan, a mobility's certificate).

    The file itself lives in :class:`DocumentVersion`: uploading a corrected scan adds a
    version and keeps the earlier ones. Documents are private: they are served only through
    a view that checks the user may see the record they belong to.
    """

    class Kind(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SIGNED = "signed", _("Signed copy")
        AMENDMENT = "amendment", _("Amendment")
        ANNEX = "annex", _("Annex")
        LETTER = "letter", _("Letter")
        LEARNING_AGREEMENT = "learning_agreement", _("Learning agreement")
        ACCEPTANCE = "acceptance", _("Acceptance letter")
        CERTIFICATE = "certificate", _("Certificate")
        TRANSCRIPT = "transcript", _("Transcript of records")
        REPORT = "report", _("Report")
        APPLICATION = "application", _("Application")
        GRANT_AGREEMENT = "grant_agreement", _("Grant agreement")
        RECEIPT = "receipt", _("Receipt")
        INVOICE = "invoice", _("Invoice")
        OTHER = "other", _("Other")

    content_type = models.ForeignKey(
        "contenttypes.ContentType", verbose_name=_("record type"), on_delete=models.PROTECT
    )
    object_id = models.PositiveBigIntegerField(_("record"))
    record = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ("content_type", "object_id", "kind", "-created_at")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return self.title or self.get_kind_display()

    @property
    def current(self) -> DocumentVersion | None:
        versions = getattr(self, "prefetched_versions", None)
        if versions is not None:
            return versions[0] if versions else None
        return self.versions.first()


def document_path(version: DocumentVersion, filename: str) -> str:
    # The stored name says nothing about the content; the original name is kept in a column.
    return f"documents/{version.uploaded_at:%Y/%m}/{uuid.uuid4().hex}"


class DocumentVersion(models.Model):
    """One uploaded file of a document; the newest is the current one."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    filename = models.CharField(_("file name"), max_length=255)
    file_type = models.CharField(_("file type"), max_length=10)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("checksum"), max_length=64)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ("document", "-number")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="core_documentversion_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.filename} (v{self.number})"

    def get_absolute_url(self) -> str:
        return reverse("core:document_download", kwargs={"pk": self.pk})


class EmailTemplate(BaseModel):
    """A message the office sends to many people at once (bulk actions on the lists).

    Subject and text have a column per language; each recipient gets the message in their
    own language (Uzbek Cyrillic transliterated from Uzbek). Placeholders in braces are
    replaced per recipient: ``{name}``, ``{first_name}``, ``{last_name}`` and, for a
    mobility, ``{partner}``, ``{start}`` and ``{end}``; others are left as typed.
    """

    code = models.SlugField(_("code"), max_length=50, unique=True)
    subject_uz = models.CharField(_("subject in Uzbek"), max_length=200)
    subject_ru = models.CharField(_("subject in Russian"), max_length=200, blank=True)
    subject_en = models.CharField(_("subject in English"), max_length=200, blank=True)
    body_uz = models.TextField(_("text in Uzbek"), max_length=20000)
    body_ru = models.TextField(_("text in Russian"), max_length=20000, blank=True)
    body_en = models.TextField(_("text in English"), max_length=20000, blank=True)

    history = HistoricalRecords()

    subject = translated("subject")
    body = translated("body")

    class Meta(BaseModel.Meta):
        verbose_name = _("e-mail template")
        verbose_name_plural = _("e-mail templates")
        ordering = ("code",)

    def __str__(self) -> str:
        return self.subject or self.code


class ReferenceCounter(models.Model):
    """The last number used for a reference prefix in a year (``MOU-2024-017``).

    Shared by every app that numbers its records (agreements, invitation letters); see
    :func:`hamkor.core.references.reference_next`.
    """

    prefix = models.CharField(_("prefix"), max_length=10)
    year = models.PositiveSmallIntegerField(_("year"))
    last = models.PositiveIntegerField(_("last number used"), default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")
        ordering = ("prefix", "year")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["prefix", "year"], name="core_counter_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"
