"""Applications to calls: the applicant's ranked preferences and documents, the eligibility
found at submission, and the selection's outcome and the applicant's answer to it."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty, in_faculty
from hamkor.accounts.roles import Role
from hamkor.calls.models import Cefr, DocumentKind, StudyLevel
from hamkor.core.indexes import column_indexes
from hamkor.core.models import BaseModel, RestrictedQuerySet
from hamkor.core.transitions import ProtectedStatusMixin


def committee_only(user) -> bool:
    """A reviewer who holds no office role: they read the applications of their calls only."""
    return user.has_role(Role.REVIEWER) and not (
        user.has_role(Role.ADMINISTRATOR)
        or user.has_role(Role.OFFICER)
        or user.has_role(Role.LEADERSHIP)
        or user.has_role(Role.COORDINATOR)
    )


class ApplicationQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        """Staff never see drafts (they are the applicant's until submitted). A coordinator
        reads and changes the applications of their faculty's people; a committee member
        reads those of the calls they review."""
        rows = self.exclude(status=Application.Status.DRAFT)
        if committee_only(user):
            if action != "view":
                return rows.none()
            return rows.filter(call__reviewers__user=user).distinct()
        faculty = coordinator_faculty(user)
        if faculty is UNLIMITED:
            return rows
        if faculty is None:
            return rows.none()
        return rows.filter(in_faculty("person__org_unit", faculty))

    def of_applicant(self, user):
        """The applicant's own applications (another applicant's are not found: 404)."""
        if user is None or not user.is_authenticated:
            return self.none()
        return self.filter(applicant=user)


class Application(ProtectedStatusMixin, BaseModel):
    """One person's application to one call.

    A draft is saved as often as the applicant likes; submitting checks that the call is
    open, the application complete and the applicant eligible (the reasons are kept; the
    office may override them with a recorded reason). The selection's results are written
    by the ranking service; accepting a selected place makes a nominated mobility.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("application", "Draft")
        SUBMITTED = "submitted", pgettext_lazy("application", "Submitted")
        WITHDRAWN = "withdrawn", pgettext_lazy("application", "Withdrawn")
        ACCEPTED = "accepted", _("Place accepted")
        DECLINED = "declined", _("Place declined")

    class Outcome(models.TextChoices):
        SELECTED = "selected", _("Selected")
        RESERVE = "reserve", _("Reserve list")
        NOT_SELECTED = "not_selected", _("Not selected")

    call = models.ForeignKey(
        "calls.Call", verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    person = models.ForeignKey(
        "mobility.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    # Protected: it changes only through the transitions below (see core.transitions).
    status = FSMField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, protected=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    gpa = models.DecimalField(
        _("GPA"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    study_level = models.CharField(
        _("study level"), max_length=10, choices=StudyLevel.choices, blank=True
    )
    year_of_study = models.PositiveSmallIntegerField(
        _("year of study"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
    )
    language = models.CharField(_("language"), max_length=3, blank=True)
    cefr_level = models.CharField(
        _("language level"), max_length=2, choices=Cefr.choices, blank=True
    )
    motivation = models.TextField(_("motivation letter"), blank=True, max_length=6000)
    # Eligibility, found at submission: None until checked; the reasons are codes (rules.py).
    eligible = models.BooleanField(_("eligible"), null=True, blank=True)
    eligibility_reasons = models.JSONField(_("reasons"), default=list, blank=True)
    override_reason = models.TextField(_("reason for the override"), blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("overridden by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    overridden_at = models.DateTimeField(_("overridden"), null=True, blank=True)
    # The selection's results (written by the ranking and allocation service).
    total = models.DecimalField(
        _("total score"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    allocated_place = models.ForeignKey(
        "calls.Place",
        verbose_name=_("allocated place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="allocated",
    )
    reserve_position = models.PositiveIntegerField(_("reserve position"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices, blank=True)
    outcome_reason = models.TextField(_("reason"), blank=True)
    results_sent_at = models.DateTimeField(_("results sent"), null=True, blank=True)
    # The applicant's answer to a place, and a place offered from the reserve list.
    offer_deadline = models.DateTimeField(_("answer by"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    mobility = models.OneToOneField(
        "mobility.Mobility",
        verbose_name=_("mobility"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="application",
    )

    history = HistoricalRecords()
    objects = ApplicationQuerySet.as_manager()
    owned_relations = ("preferences", "documents")

    class Meta(BaseModel.Meta):
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ("call", "rank", "submitted_at", "id")
        permissions = [
            ("transition_application", _("Can change the status of applications")),
            ("override_application", _("Can override the eligibility of applications")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "applicant"], name="calls_application_one_per_applicant"
            ),
            models.CheckConstraint(
                condition=Q(allocated_place__isnull=True) | Q(reserve_position__isnull=True),
                name="calls_application_place_or_reserve",
            ),
        ]
        indexes = [*column_indexes("application", "status", "submitted_at", "outcome")]

    def __str__(self) -> str:
        person = self.person if self.person_id else "?"
        return f"{person} · {self.call}" if self.call_id else str(person)

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def admitted(self) -> bool:
        """Eligible, or admitted by the office's override."""
        return bool(self.eligible) or bool(self.override_reason)

    @transition(
        field=status,
        source=Status.DRAFT,
        target=Status.SUBMITTED,
        custom={"label": _("Submit"), "automatic": True},
    )
    def submit(self):
        """Sent to the office (application_submit checks the deadline and completeness)."""

    @transition(
        field=status,
        source=[Status.DRAFT, Status.SUBMITTED],
        target=Status.WITHDRAWN,
        custom={"label": _("Withdraw"), "automatic": True},
    )
    def withdraw(self):
        """The applicant no longer wishes to take part."""

    @transition(
        field=status,
        source=Status.SUBMITTED,
        target=Status.ACCEPTED,
        custom={"label": _("Accept the place"), "automatic": True},
    )
    def accept(self):
        """The applicant accepted the place allocated to them: a nominated mobility."""

    @transition(
        field=status,
        source=Status.SUBMITTED,
        target=Status.DECLINED,
        custom={"label": _("Decline the place"), "automatic": True},
    )
    def decline(self):
        """The applicant declined; the place goes to the reserve list."""


class Preference(models.Model):
    """One of an application's ranked choices among the call's places (1 = first choice)."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="preferences",
    )
    place = models.ForeignKey(
        "calls.Place", verbose_name=_("place"), on_delete=models.PROTECT, related_name="+"
    )
    rank = models.PositiveSmallIntegerField(_("choice"), validators=[MinValueValidator(1)])

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("preference")
        verbose_name_plural = _("preferences")
        ordering = ("application", "rank")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "place"], name="calls_preference_unique_place"
            ),
            models.UniqueConstraint(
                fields=["application", "rank"], name="calls_preference_unique_rank"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.place}"


class ApplicationDocument(models.Model):
    """A document the applicant uploaded: which of the call's required documents it is.

    The file is a :class:`hamkor.core.models.Document` attached to the application, so the
    same checks (type by content, size) and the same private storage apply as everywhere.
    """

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("document"), max_length=24, choices=DocumentKind.choices)
    document = models.OneToOneField(
        "core.Document", verbose_name=_("file"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")
        ordering = ("application", "kind", "id")

    def __str__(self) -> str:
        return self.get_kind_display()
