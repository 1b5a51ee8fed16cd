"""Personal data by law (Law ZRU-547 "On personal data", the GDPR for EU partners' students):
the register of what the office keeps, why and for how long; consents; and the record of
what the retention rules and erasure requests did."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hamkor.core.models import BaseModel, RestrictedQuerySet, translated


class DataCategory(BaseModel):
    """A category of personal data in the register: its purpose, legal basis and retention.

    The categories are seeded by a data migration; their codes are fixed because the
    retention task knows, per code, which records and fields the category covers
    (:mod:`hamkor.privacy.retention`). Administrators edit purposes, bases and periods.
    ``retention_years`` empty: kept as long as the records it belongs to.
    """

    class Basis(models.TextChoices):
        CONSENT = "consent", _("Consent")
        CONTRACT = "contract", _("Contract")
        LEGAL_OBLIGATION = "legal_obligation", _("Legal obligation")
        PUBLIC_TASK = "public_task", _("Public task")
        LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest")

    class Anchor(models.TextChoices):
        MOBILITY_END = "mobility_end", _("End of the person's last mobility")
        DEPARTURE = "departure", _("Graduation or departure of the foreign student")
        REQUEST_CLOSED = "request_closed", _("Request resolved or declined")
        CALL_CLOSE = "call_close", _("Closing of the call")
        EVENT_DATE = "event_date", _("Date of the event")
        RECEIVED = "received", _("Date the message or booking was received")

    class Action(models.TextChoices):
        DELETE_FILES = "delete_files", _("Delete the files and the numbers")
        ANONYMISE = "anonymise", _("Anonymise")
        KEEP = "keep", _("Keep")

    code = models.SlugField(_("code"), max_length=30, unique=True, editable=False)
    name_uz = models.CharField(_("name in Uzbek"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    purpose_uz = models.TextField(_("purpose in Uzbek"), max_length=2000)
    purpose_ru = models.TextField(_("purpose in Russian"), max_length=2000, blank=True)
    purpose_en = models.TextField(_("purpose in English"), max_length=2000, blank=True)
    legal_basis = models.CharField(_("legal basis"), max_length=20, choices=Basis.choices)
    retention_years = models.PositiveSmallIntegerField(
        _("kept for (years)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Empty: kept as long as the records it belongs to."),
    )
    anchor = models.CharField(
        _("counted from"), max_length=20, choices=Anchor.choices, editable=False
    )
    action = models.CharField(_("then"), max_length=20, choices=Action.choices, editable=False)

    name = translated("name")
    purpose = translated("purpose")
    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("personal data category")
        verbose_name_plural = _("personal data register")
        ordering = ("code",)
        permissions = [
            ("export_person", _("Can export a person's personal data")),
            ("erase_person", _("Can erase (anonymise) a person")),
        ]

    def __str__(self) -> str:
        return self.name or self.code


class Consent(BaseModel):
    """A person's consent to one category whose legal basis is consent: when it was given,
    on which text, how; and when it was withdrawn (a withdrawn consent stays, as proof)."""

    class Method(models.TextChoices):
        PAPER = "paper", _("Signed paper form")
        ONLINE = "online", _("Online form")
        EMAIL = "email", _("E-mail")
        IN_PERSON = "in_person", _("In person, recorded by the office")

    person = models.ForeignKey(
        "mobility.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    category = models.ForeignKey(
        DataCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="consents",
    )
    given_at = models.DateTimeField(_("given at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    text_version = models.CharField(_("version of the consent text"), max_length=50)
    method = models.CharField(_("how obtained"), max_length=20, choices=Method.choices)

    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ("person", "-given_at", "-pk")

    def __str__(self) -> str:
        return f"{self.category} · {self.given_at:%Y-%m-%d}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class RetentionRun(models.Model):
    """One run of the retention rules (nightly or ``hamkor privacy retention``): what it did
    per category, for the office to read. A dry run says what it would do."""

    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # {category code: {"records": n, "files": n}}
    counts = models.JSONField(_("counts"), default=dict, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")
        ordering = ("-started_at", "-pk")
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("privacy:retentionrun_detail", kwargs={"pk": self.pk})

    @property
    def total_records(self) -> int:
        return sum(row.get("records", 0) for row in self.counts.values())

    @property
    def total_files(self) -> int:
        return sum(row.get("files", 0) for row in self.counts.values())


class Erasure(models.Model):
    """That a person was erased (anonymised) on request: when, by whom, why. The person's
    record stays, anonymised, so that every figure is unchanged."""

    person = models.OneToOneField(
        "mobility.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="erasure",
    )
    erased_at = models.DateTimeField(_("erased at"), auto_now_add=True)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erased by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), max_length=2000)
    counts = models.JSONField(_("counts"), default=dict, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ("-erased_at", "-pk")
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"#{self.person_id} · {self.erased_at:%Y-%m-%d}"
