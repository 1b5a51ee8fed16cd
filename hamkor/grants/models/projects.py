"""Grant projects: what the department applies for, runs and reports on, and its money.

A project belongs to a programme (Erasmus+ KA171, Horizon Europe, a national programme…,
a list the office extends), has a consortium of institutions with roles, a budget and our
share in one currency, and the money that actually moved: receipts (what we were paid, in
the currency and on the day it arrived) and expenses by budget heading. Its status changes
only through the named transitions below. Mobilities name the project that funds them
(``Mobility.funding_project``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty
from hamkor.core.indexes import column_indexes
from hamkor.core.models import BaseModel, RestrictedQuerySet, translated
from hamkor.core.search import SearchableModel
from hamkor.core.transitions import ProtectedStatusMixin
from hamkor.core.validators import validate_not_negative


class Programme(BaseModel):
    """A funding programme or action (Erasmus+ KA171, CBHE, Horizon Europe, a national
    programme…): a list the office extends. ``erasmus_action`` ties a programme to the
    Erasmus+ rate tables (KA131 or KA171) for the grant calculator."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_uz = models.CharField(_("name in Uzbek"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    funder = models.CharField(_("funder"), max_length=200, blank=True)
    erasmus_action = models.CharField(
        _("Erasmus+ action"),
        max_length=5,
        blank=True,
        choices=[("KA131", "KA131"), ("KA171", "KA171")],
        help_text=_("The rate tables the grant calculator uses for this programme's mobilities."),
    )

    name = translated("name")
    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ("code",)

    def __str__(self) -> str:
        return self.name


class ProjectQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        """A faculty coordinator reads every project and changes only their faculty's."""
        faculty = coordinator_faculty(user)
        if action == "view" or faculty is UNLIMITED:
            return self
        if faculty is None:
            return self.none()
        return self.filter(faculty_id=faculty)


class Project(ProtectedStatusMixin, SearchableModel, BaseModel):
    """A grant project the university applies for or takes part in."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        PARTNER = "partner", _("Partner")
        ASSOCIATED = "associated", _("Associated partner")

    class Status(models.TextChoices):
        IDEA = "idea", _("Idea")
        PREPARATION = "preparation", _("In preparation")
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        RUNNING = "running", _("Running")
        FINAL_REPORT = "final_report", _("Final report submitted")
        CLOSED = "closed", _("Closed")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # Statuses in which a project has (or had) money: approved and after.
    FUNDED = (Status.APPROVED, Status.RUNNING, Status.FINAL_REPORT, Status.CLOSED)

    title = models.CharField(_("title"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="projects"
    )
    project_number = models.CharField(_("project number"), max_length=60, blank=True)
    call_year = models.PositiveSmallIntegerField(
        _("call year"),
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("The year of the call the project was funded under (it fixes the rates)."),
    )
    our_role = models.CharField(_("our role"), max_length=12, choices=Role.choices)
    status = FSMField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IDEA, protected=True
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_reason = models.TextField(_("reason for the status change"), blank=True, editable=False)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    total_budget = models.DecimalField(
        _("total budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_not_negative],
    )
    our_share = models.DecimalField(
        _("our share"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_not_negative],
    )
    faculty = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("faculty or unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grant_projects",
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="grant_projects",
    )
    institutions = models.ManyToManyField(
        "partners.Institution",
        verbose_name=_("consortium"),
        through="ProjectPartner",
        related_name="grant_projects",
    )
    notes = models.TextField(_("notes"), blank=True)

    new_title = _("New project")
    history = HistoricalRecords(excluded_fields=["search_text"])
    owned_relations = ("partners", "deadlines")
    objects = ProjectQuerySet.as_manager()
    # Kinds of core.Document: the application as a draft, the signed grant agreement.
    document_kinds = ("application", "grant_agreement", "report", "letter", "other")

    class Meta(BaseModel.Meta):
        verbose_name = _("grant project")
        verbose_name_plural = _("grant projects")
        ordering = ("-starts_on", "-id")
        permissions = [("transition_project", _("Can change the status of grant projects"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="grants_project_ends_after_start",
            ),
        ]
        indexes = [
            *column_indexes(
                "project",
                ("starts_on", "id"),
                "ends_on",
                "acronym",
                "title",
                "status",
                "our_role",
                "our_share",
                "call_year",
            )
        ]

    def __str__(self) -> str:
        return f"{self.acronym} — {self.title}" if self.acronym else self.title

    def search_parts(self) -> list[str]:
        return [self.title, self.acronym, self.project_number]

    def clean(self):
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("The end cannot be before the start.")
        budget, share = self.total_budget, self.our_share
        if budget is not None and share is not None and share > budget:
            errors["our_share"] = _("Our share cannot exceed the total budget.")
        if errors:
            raise ValidationError(errors)

    # Transitions. Services call them (project_transition) and record who and why.

    @transition(
        field=status,
        source=Status.IDEA,
        target=Status.PREPARATION,
        custom={"label": _("Start preparing")},
    )
    def prepare(self):
        """The application is being written."""

    @transition(
        field=status,
        source=Status.PREPARATION,
        target=Status.SUBMITTED,
        custom={"label": _("Submitted")},
    )
    def submit(self):
        """The application was sent to the funder."""

    @transition(
        field=status,
        source=Status.SUBMITTED,
        target=Status.APPROVED,
        custom={"label": _("Approved"), "button": "btn-success"},
    )
    def approve(self):
        """The funder selected it."""

    @transition(
        field=status,
        source=Status.SUBMITTED,
        target=Status.REJECTED,
        custom={"label": _("Rejected"), "button": "btn-outline-danger", "asks_reason": True},
    )
    def reject(self):
        """The funder did not select it."""

    @transition(
        field=status,
        source=Status.APPROVED,
        target=Status.RUNNING,
        custom={"label": _("Start the project"), "button": "btn-success"},
    )
    def start(self):
        """The grant agreement is signed and the work has begun."""

    @transition(
        field=status,
        source=Status.RUNNING,
        target=Status.FINAL_REPORT,
        custom={"label": _("Final report submitted")},
    )
    def report(self):
        """The final report went to the funder."""

    @transition(
        field=status,
        source=Status.FINAL_REPORT,
        target=Status.CLOSED,
        custom={"label": _("Close")},
    )
    def close(self):
        """The funder accepted the final report; the project is over."""

    @transition(
        field=status,
        source=[Status.IDEA, Status.PREPARATION, Status.SUBMITTED, Status.APPROVED],
        target=Status.WITHDRAWN,
        custom={"label": _("Withdraw"), "button": "btn-outline-danger", "asks_reason": True},
    )
    def withdraw(self):
        """We gave it up."""


class ProjectPartQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        """A project's part is within reach with its project."""
        if action == "view":
            return self
        return self.filter(project__in=Project.objects.scope(user, "change").values("pk"))


class ProjectPartner(BaseModel):
    """An institution of a project's consortium, with its role."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        PARTNER = "partner", _("Partner")
        ASSOCIATED = "associated", _("Associated partner")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="partners"
    )
    institution = models.ForeignKey(
        "partners.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="project_memberships",
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.PARTNER)

    history = HistoricalRecords()
    objects = ProjectPartQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        verbose_name = _("consortium member")
        verbose_name_plural = _("consortium")
        ordering = ("project", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "institution"], name="grants_partner_once_per_project"
            ),
        ]

    def __str__(self) -> str:
        return str(self.institution)


class BudgetHeading(BaseModel):
    """A heading of a project budget (travel, individual support, equipment…): a list the
    office extends."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_uz = models.CharField(_("name in Uzbek"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    name = translated("name")
    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("budget heading")
        verbose_name_plural = _("budget headings")
        ordering = ("code",)

    def __str__(self) -> str:
        return self.name


class Money(BaseModel):
    """An amount of money that moved on a day, in its own currency."""

    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.CASCADE)
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3)

    objects = ProjectPartQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        abstract = True

    def clean(self):
        self.currency = (self.currency or "").upper()
        if self.amount is not None and self.amount <= 0:
            raise ValidationError({"amount": _("An amount must be greater than zero.")})


class Receipt(Money):
    """Money the university received for a project: the amount, in the currency and on
    the day it arrived (the day fixes its value in other currencies)."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="receipts"
    )
    received_on = models.DateField(_("received on"))
    payer = models.CharField(_("payer"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)

    history = HistoricalRecords()
    document_kinds = ("receipt", "other")

    class Meta(Money.Meta):
        verbose_name = _("receipt")
        verbose_name_plural = _("receipts")
        ordering = ("-received_on", "-id")
        indexes = [*column_indexes("receipt", ("received_on", "id"), "amount", "currency", "payer")]

    def __str__(self) -> str:
        return f"{self.received_on:%d.%m.%Y} {self.amount} {self.currency}"


class Expense(Money):
    """Money spent from a project, under one of its budget headings."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="expenses"
    )
    heading = models.ForeignKey(
        BudgetHeading,
        verbose_name=_("budget heading"),
        on_delete=models.PROTECT,
        related_name="expenses",
    )
    spent_on = models.DateField(_("spent on"))
    description = models.CharField(_("description"), max_length=300)
    payee = models.CharField(_("paid to"), max_length=200, blank=True)

    history = HistoricalRecords()
    document_kinds = ("invoice", "other")

    class Meta(Money.Meta):
        verbose_name = _("expense")
        verbose_name_plural = _("expenses")
        ordering = ("-spent_on", "-id")
        indexes = [
            *column_indexes(
                "expense", ("spent_on", "id"), "amount", "currency", "description", "payee"
            )
        ]

    def __str__(self) -> str:
        return f"{self.spent_on:%d.%m.%Y} {self.description}"


class ReportingDeadline(BaseModel):
    """A report a project owes its funder by a date (interim, financial, final)."""

    class Kind(models.TextChoices):
        INTERIM = "interim", _("Interim report")
        FINANCIAL = "financial", _("Financial report")
        FINAL = "final", _("Final report")
        OTHER = "other", _("Other report")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="deadlines"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    due_on = models.DateField(_("due on"))
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    history = HistoricalRecords()
    objects = ProjectPartQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        verbose_name = _("reporting deadline")
        verbose_name_plural = _("reporting deadlines")
        ordering = ("due_on", "id")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.due_on:%d.%m.%Y}"

    def get_absolute_url(self) -> str:
        # A deadline has no page of its own: it is shown on its project's.
        return self.project.get_absolute_url() + "#deadlines"

    @property
    def is_overdue(self) -> bool:
        from django.utils import timezone

        return self.submitted_on is None and self.due_on < timezone.localdate()


class ProjectReminder(models.Model):
    """A reporting reminder that was sent, so that each goes out once per due date."""

    deadline = models.ForeignKey(
        ReportingDeadline, on_delete=models.CASCADE, related_name="reminders"
    )
    days_before = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    recipient = models.EmailField()

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "days_before", "due_on"], name="grants_reminder_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.deadline_id}: {self.days_before} days before {self.due_on}"
