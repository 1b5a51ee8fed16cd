"""An inquiry sent through the public contact form, and its way through the office."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from hamkor.core.indexes import column_indexes
from hamkor.core.models import BaseModel
from hamkor.core.transitions import ProtectedStatusMixin


class Inquiry(ProtectedStatusMixin, BaseModel):
    """A question or suggestion from the public (``INQ-<year>-<NNN>``).

    The sender's name and address are personal data: only who holds the model's permission
    reads them. Staff assign it, answer it by e-mail (the answer is kept here and goes out
    in the inquiry's language) and close it, through the transitions below.
    """

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = FSMField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW, protected=True
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inquiries",
    )
    answer = models.TextField(_("answer"), blank=True, editable=False)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )

    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ("-created_at", "-pk")
        permissions = [("transition_inquiry", _("Can change the status of inquiries"))]
        indexes = [
            models.Index(fields=["status", "created_at"], name="website_inquiry_status_idx"),
            *column_indexes("inquiry", ("created_at", "id"), "language", "name", "subject"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} · {self.subject}"

    @transition(
        field=status,
        source=[Status.NEW, Status.ASSIGNED],
        target=Status.ASSIGNED,
        custom={"label": _("Assign")},
    )
    def assign(self):
        """Somebody of the office answers it."""

    @transition(
        field=status,
        source=[Status.NEW, Status.ASSIGNED, Status.ANSWERED],
        target=Status.ANSWERED,
        custom={"label": _("Answer by e-mail"), "button": "btn-primary"},
    )
    def reply(self):
        """The answer went to the sender (it may be followed by another)."""

    @transition(
        field=status,
        source=[Status.NEW, Status.ASSIGNED, Status.ANSWERED],
        target=Status.CLOSED,
        custom={"label": _("Close"), "button": "btn-outline-secondary"},
    )
    def close(self):
        """Nothing more to do."""

    @transition(
        field=status, source=Status.CLOSED, target=Status.ASSIGNED, custom={"label": _("Reopen")}
    )
    def reopen(self):
        """Back to work (the sender wrote again)."""
