"""Agreements and memorandums with partner institutions, through their whole life."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty, in_faculty
from hamkor.core.indexes import column_indexes
from hamkor.core.models import BaseModel, Document, RestrictedQuerySet, translated
from hamkor.core.search import SearchableModel
from hamkor.core.transitions import ProtectedStatusMixin


class CooperationArea(BaseModel):
    """A field of cooperation an agreement covers (education, research, mobility…)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_uz = models.CharField(_("name in Uzbek"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    history = HistoricalRecords()

    name = translated("name")

    class Meta(BaseModel.Meta):
        verbose_name = _("area of cooperation")
        verbose_name_plural = _("areas of cooperation")
        ordering = ("code",)

    def __str__(self) -> str:
        return self.name


class AgreementQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        """A faculty coordinator reads every agreement and changes only their faculty's."""
        faculty = coordinator_faculty(user)
        if action == "view" or faculty is UNLIMITED:
            return self
        if faculty is None:
            return self.none()
        return self.filter(in_faculty("scope_units", faculty)).distinct()

    def in_force_on(self, day: datetime.date):
        """Agreements in force on ``day`` (see :meth:`Agreement.in_force`)."""
        return self.in_force_during(day, day)

    def in_force_during(self, start: datetime.date, end: datetime.date):
        """Agreements in force on every day from ``start`` to ``end``, both included.

        The same rule as :meth:`Agreement.in_force`, written as a query.
        """
        return self.filter(status__in=Agreement.SIGNED, signed_on__isnull=False).filter(
            Q(valid_from__lte=start) | Q(valid_from__isnull=True, signed_on__lte=start),
            Q(valid_to__isnull=True) | Q(valid_to__gte=end),
            Q(terminated_on__isnull=True) | Q(terminated_on__gte=end),
        )


class AgreementPartQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        """A part of an agreement (party, amendment, quota) is within reach with its agreement.

        Everyone who may read them reads all of them; changing one is changing its agreement.
        """
        if action == "view":
            return self
        return self.filter(agreement__in=Agreement.objects.scope(user, "change").values("pk"))


def has_signed_copy(agreement: Agreement) -> bool:
    return Document.objects.filter(
        content_type=ContentType.objects.get_for_model(Agreement),
        object_id=agreement.pk,
        kind=Document.Kind.SIGNED,
        versions__isnull=False,
    ).exists()


class Agreement(ProtectedStatusMixin, SearchableModel, BaseModel):
    """An agreement or memorandum between the home university and one or more partners.

    Its status changes only through the transitions declared below, each recorded in the
    history with who and when. A renewal is a new agreement whose ``predecessor`` is this
    one; an amendment changes this agreement and is kept as one of its versions.
    """

    class Kind(models.TextChoices):
        MOU = "mou", _("Memorandum of understanding")
        COOPERATION = "cooperation", _("Cooperation agreement")
        ERASMUS = "erasmus_iia", _("Erasmus+ inter-institutional agreement")
        EXCHANGE = "exchange", _("Exchange agreement")
        JOINT_DEGREE = "joint_degree", _("Joint or double degree agreement")
        RESEARCH = "research", _("Research agreement")
        INTERNSHIP = "internship", _("Internship agreement")
        OTHER = "other", _("Other agreement")

    PREFIXES = {
        Kind.MOU: "MOU", Kind.COOPERATION: "CA", Kind.ERASMUS: "IIA", Kind.EXCHANGE: "EXA",
        Kind.JOINT_DEGREE: "JDD", Kind.RESEARCH: "RES", Kind.INTERNSHIP: "INT",
        Kind.OTHER: "AGR",
    }  # fmt: skip

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        NEGOTIATION = "negotiation", _("Under negotiation")
        AWAITING_SIGNATURE = "awaiting_signature", _("Awaiting signature")
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")

    # The statuses of an agreement that has been signed by every party.
    SIGNED = (Status.ACTIVE, Status.EXPIRED, Status.TERMINATED)

    reference = models.CharField(_("reference number"), max_length=30, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    # Protected: it changes only through the transitions below (see core.transitions).
    status = FSMField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        protected=True,
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_reason = models.TextField(
        _("reason for the status change"),
        blank=True,
        editable=False,
        help_text=_("Why the last step was taken, as the user gave it."),
    )
    institutions = models.ManyToManyField(
        "partners.Institution",
        verbose_name=_("partners"),
        through="AgreementParty",
        related_name="agreements",
    )
    scope_units = models.ManyToManyField(
        "accounts.OrgUnit",
        verbose_name=_("faculties and units"),
        blank=True,
        related_name="agreements",
        help_text=_("Leave empty for an agreement of the whole university."),
    )
    areas = models.ManyToManyField(
        CooperationArea,
        verbose_name=_("areas of cooperation"),
        blank=True,
        related_name="agreements",
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(
        _("valid to"),
        null=True,
        blank=True,
        help_text=_("Leave empty for an open-ended agreement."),
    )
    auto_renewal = models.BooleanField(_("renews automatically"), default=False)
    notice_period_days = models.PositiveSmallIntegerField(
        _("notice period (days)"), null=True, blank=True
    )
    home_signatory = models.CharField(_("signed for us by"), max_length=200, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
    )
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("renewal of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="renewals",
    )
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    # Erasmus Without Paper (hamkor/ewp): our iia-id when the agreement came with one of its
    # own (an IIA of ours restored from an EWP file); otherwise the reference serves as it.
    iia_id = models.CharField(_("IIA id (EWP)"), max_length=64, blank=True)
    termination_reason = models.TextField(_("reason for termination"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # Opt-in: an agreement may be confidential while its partner is not (decision 0009).
    public = models.BooleanField(_("shown on the public website"), default=False)

    new_title = _("New agreement")  # the add page's title, in the gender of each language
    history = HistoricalRecords(excluded_fields=["search_text"])
    # A draft's parties and quotas are part of it and go with it (see core.services.dependents).
    owned_relations = ("parties", "quotas")
    objects = AgreementQuerySet.as_manager()

    # The documents an agreement carries (see hamkor.core.documents.document_kinds).
    document_kinds = ("draft", "signed", "amendment", "annex", "letter", "other")

    class Meta(BaseModel.Meta):
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ("-signed_on", "-created_at")
        permissions = [("transition_agreement", _("Can change the status of agreements"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="agreements_agreement_ends_after_start",
            ),
        ]
        indexes = [
            *column_indexes(
                "agreement", ("signed_on", "created_at"), "kind", "status", "title", "valid_to"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}".strip()

    def search_parts(self) -> list[str]:
        # The partners' names are searched through their own column (see hamkor.search).
        return [self.reference, self.title]

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("The agreement cannot end before it starts.")})
        if self.signed_on and self.signed_on > datetime.date.today():
            raise ValidationError({"signed_on": _("The signing date cannot be in the future.")})

    def in_force(self, start: datetime.date, end: datetime.date | None = None) -> bool:
        """In force on every day from ``start`` to ``end`` (both included; ``end`` defaults to
        ``start``): the one definition of "agreement in force".

        An agreement is in force once signed (active, or since expired or terminated: a
        past mobility under it stays covered) from its ``valid_from`` (its signing date when
        no start is given) to its ``valid_to`` (none: open-ended), and never after the day it
        was terminated on. A draft, an agreement under negotiation and one abandoned before
        signature (terminated without a signing date) are never in force.
        """
        end = end or start
        return (
            self.status in self.SIGNED
            and self.signed_on is not None
            and (self.valid_from or self.signed_on) <= start
            and (self.valid_to is None or end <= self.valid_to)
            and (self.terminated_on is None or end <= self.terminated_on)
        )

    def days_left(self, today: datetime.date | None = None) -> int | None:
        if self.valid_to is None:
            return None
        return (self.valid_to - (today or datetime.date.today())).days

    # Transitions. Services call them (agreement_transition) and record who and why.

    @transition(
        field=status,
        source=Status.DRAFT,
        target=Status.NEGOTIATION,
        custom={"label": _("Start negotiation")},
    )
    def negotiate(self):
        """Start negotiating the text with the partner."""

    @transition(
        field=status,
        source=[Status.DRAFT, Status.NEGOTIATION],
        target=Status.AWAITING_SIGNATURE,
        custom={"label": _("Send for signature")},
    )
    def send_for_signature(self):
        """The text is agreed; it waits for signatures."""

    @transition(
        field=status,
        source=[Status.NEGOTIATION, Status.AWAITING_SIGNATURE],
        target=Status.NEGOTIATION,
        custom={
            "label": _("Back to negotiation"),
            "button": "btn-outline-secondary",
            "asks_reason": True,
        },
    )
    def reopen(self):
        """Back to negotiation (a party asked for changes)."""

    @transition(
        field=status,
        source=[Status.DRAFT, Status.NEGOTIATION, Status.AWAITING_SIGNATURE],
        target=Status.ACTIVE,
        conditions=[has_signed_copy],
        custom={"label": _("Activate"), "button": "btn-success"},
    )
    def activate(self):
        """Signed by every party: in force. Requires a signed copy among the documents."""

    @transition(
        field=status,
        source=Status.ACTIVE,
        target=Status.EXPIRED,
        custom={"label": _("Expired"), "automatic": True},
    )
    def expire(self):
        """The validity period ended (the daily task does this)."""

    @transition(
        field=status,
        source=[Status.NEGOTIATION, Status.AWAITING_SIGNATURE, Status.ACTIVE],
        target=Status.TERMINATED,
        custom={"label": _("Terminate"), "button": "btn-outline-danger", "asks_reason": True},
    )
    def terminate(self):
        """Ended early by a party, or abandoned during the negotiation. A draft is nobody's
        commitment yet: it is deleted, not terminated."""


class AgreementParty(BaseModel):
    """A partner institution that is party to an agreement, and who signed for it."""

    class Role(models.TextChoices):
        PARTNER = "partner", _("Partner")
        COORDINATOR = "coordinator", _("Coordinator")
        ASSOCIATE = "associate", _("Associate partner")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="parties"
    )
    institution = models.ForeignKey(
        "partners.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="agreement_parties",
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTNER)
    signatory = models.CharField(_("signatory"), max_length=200, blank=True)
    signatory_title = models.CharField(_("signatory's position"), max_length=200, blank=True)
    # What the partner publishes about this agreement in Erasmus Without Paper (hamkor/ewp).
    iia_id = models.CharField(_("partner's IIA id (EWP)"), max_length=64, blank=True)
    iia_code = models.CharField(_("partner's IIA code (EWP)"), max_length=200, blank=True)
    iia_hash = models.CharField(_("partner's IIA hash (EWP)"), max_length=64, blank=True)
    # The partner's unit that is party to the agreement, when the agreement is between units
    # (an IIA's partner ``ounit-id``).
    unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreement_parties",
    )

    history = HistoricalRecords()
    objects = AgreementPartQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ("agreement", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "institution"], name="agreements_party_once_per_agreement"
            ),
        ]

    def __str__(self) -> str:
        return str(self.institution)

    def clean(self) -> None:
        if self.unit_id and self.institution_id and self.unit.institution_id != self.institution_id:
            raise ValidationError({"unit": _("Choose a unit of this institution.")})


class Amendment(BaseModel):
    """A change to a signed agreement: a version of it, with its own document."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="amendments"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    signed_on = models.DateField(_("signed on"))
    summary = models.TextField(_("what changed"))

    history = HistoricalRecords()
    objects = AgreementPartQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ("agreement", "number")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"], name="agreements_amendment_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return _("Amendment %(number)d") % {"number": self.number}

    def get_absolute_url(self) -> str:
        return f"{self.agreement.get_absolute_url()}#amendment-{self.number}"


class RenewalReminder(models.Model):
    """A renewal reminder that was sent, so that each goes out once per end date."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reminders")
    days_before = models.PositiveSmallIntegerField()
    valid_to = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipient = models.EmailField()

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "days_before", "valid_to"], name="agreements_reminder_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement_id}: {self.days_before} days before {self.valid_to}"


# Split by subject (modules stay small); imported here so that Django and callers find it.
from hamkor.agreements.quotas import MobilityQuota  # noqa: E402, F401
