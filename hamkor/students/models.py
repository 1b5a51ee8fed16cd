"""Foreign degree students: their studies, fees, visa and registration, and their requests.

The student is a person of the registry (``mobility.Person``, category foreign student); their
passport lives there. Visa and registration are the student's own here, checked by the same
deadline rules as incoming guests (:mod:`hamkor.mobility.deadlines`).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty, in_faculty
from hamkor.core.indexes import column_indexes
from hamkor.core.models import BaseModel, RestrictedQuerySet
from hamkor.core.transitions import ProtectedStatusMixin
from hamkor.core.validators import validate_not_negative, validate_office_date


def _faculty_scope(queryset, user, path: str):
    """A coordinator reads and changes only their faculty's students (and what hangs on
    them): a student's file is personal, unlike a partner or an agreement."""
    faculty = coordinator_faculty(user)
    if faculty is UNLIMITED:
        return queryset
    if faculty is None:
        return queryset.none()
    return queryset.filter(in_faculty(path, faculty))


class ForeignStudentQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        return _faculty_scope(self, user, "faculty")

    def studying(self):
        """Students the university has now: enrolled or on leave."""
        return self.filter(
            status__in=(ForeignStudent.Status.ENROLLED, ForeignStudent.Status.ON_LEAVE)
        )


class ForeignStudent(ProtectedStatusMixin, BaseModel):
    """A foreign student taking a degree (or the preparatory year) at our university.

    The status changes through the transitions below only. Fees are in Uzbek som; a payment
    in another currency is converted at the Central Bank rate of the day it was paid.
    """

    class Level(models.TextChoices):
        PREPARATORY = "preparatory", _("Preparatory year")
        BACHELOR = "bachelor", _("Bachelor")
        MASTER = "master", _("Master")
        RESIDENCY = "residency", _("Clinical residency")
        PHD = "phd", _("PhD")
        DSC = "dsc", _("Doctor of sciences (DSc)")

    class Status(models.TextChoices):
        ADMITTED = "admitted", _("Admitted")
        ENROLLED = "enrolled", _("Enrolled")
        ON_LEAVE = "on_leave", _("On academic leave")
        GRADUATED = "graduated", _("Graduated")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    person = models.OneToOneField(
        "mobility.Person",
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="foreign_student",
    )
    faculty = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("faculty"),
        on_delete=models.PROTECT,
        related_name="foreign_students",
    )
    programme = models.CharField(_("programme"), max_length=200)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    year_of_study = models.PositiveSmallIntegerField(
        _("year of study"), default=1, validators=[MinValueValidator(1), MaxValueValidator(7)]
    )
    status = FSMField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ADMITTED, protected=True
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_reason = models.TextField(_("reason for the status change"), blank=True, editable=False)
    enrolled_on = models.DateField(
        _("enrolled on"), null=True, blank=True, validators=[validate_office_date]
    )
    contract_number = models.CharField(_("contract number"), max_length=40, blank=True)
    annual_fee = models.DecimalField(
        _("annual fee (UZS)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_not_negative],
    )
    entry_date = models.DateField(
        _("entered Uzbekistan on"), null=True, blank=True, validators=[validate_office_date]
    )
    # Visa data is personal data (see hamkor.mobility.personal).
    visa_number = models.CharField(_("visa number"), max_length=40, blank=True)
    visa_valid_from = models.DateField(
        _("visa valid from"), null=True, blank=True, validators=[validate_office_date]
    )
    visa_valid_to = models.DateField(
        _("visa valid to"), null=True, blank=True, validators=[validate_office_date]
    )
    registered_on = models.DateField(
        _("registered at the place of stay on"),
        null=True,
        blank=True,
        validators=[validate_office_date],
    )
    registration_valid_to = models.DateField(
        _("registration valid to"), null=True, blank=True, validators=[validate_office_date]
    )
    notes = models.TextField(_("notes"), blank=True)

    new_title = _("New foreign student")
    owned_relations = ("payments",)
    history = HistoricalRecords()
    objects = ForeignStudentQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        verbose_name = _("foreign student")
        verbose_name_plural = _("foreign students")
        ordering = ("person__last_name", "person__first_name", "pk")
        permissions = [
            ("transition_foreignstudent", _("Can change the status of foreign students"))
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(visa_valid_to__isnull=True)
                | Q(visa_valid_from__isnull=True)
                | Q(visa_valid_to__gte=models.F("visa_valid_from")),
                name="students_visa_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(year_of_study__gte=1) & Q(year_of_study__lte=7),
                name="students_year_of_study_range",
            ),
        ]
        indexes = [
            *column_indexes(
                "fstudent",
                "level",
                "status",
                "year_of_study",
                "visa_valid_to",
                "registration_valid_to",
            )
        ]

    def __str__(self) -> str:
        return str(self.person) if self.person_id else str(_("New foreign student"))

    def clean(self):
        """The dates in their order, each error at its field (before the database's check)."""
        errors = {}
        visa_from, visa_to = self.visa_valid_from, self.visa_valid_to
        if visa_from and visa_to and visa_to < visa_from:
            errors["visa_valid_to"] = _("The visa cannot end before it begins.")
        entry, registered = self.entry_date, self.registered_on
        if entry and registered and registered < entry:
            errors["registered_on"] = _(
                "The registration at the place of stay cannot be before the entry into the country."
            )
        registration_end = self.registration_valid_to
        if registered and registration_end and registration_end < registered:
            errors["registration_valid_to"] = _("The registration cannot end before it was made.")
        if errors:
            raise ValidationError(errors)

    @transition(
        field=status,
        source=Status.ADMITTED,
        target=Status.ENROLLED,
        custom={"label": _("Enrol"), "button": "btn-outline-success", "asks_date": True},
    )
    def enrol(self):
        """Signed the contract and started studying."""

    @transition(
        field=status,
        source=Status.ENROLLED,
        target=Status.ON_LEAVE,
        custom={"label": _("Academic leave"), "asks_reason": True},
    )
    def take_leave(self):
        """Interrupts the studies for a while."""

    @transition(
        field=status,
        source=Status.ON_LEAVE,
        target=Status.ENROLLED,
        custom={"label": _("Back from leave")},
    )
    def resume(self):
        """Back to studying."""

    @transition(
        field=status,
        source=Status.ENROLLED,
        target=Status.GRADUATED,
        custom={"label": _("Graduated"), "button": "btn-success"},
    )
    def graduate(self):
        """Completed the degree."""

    @transition(
        field=status,
        source=[Status.ADMITTED, Status.ENROLLED, Status.ON_LEAVE],
        target=Status.WITHDRAWN,
        custom={"label": _("Withdraw"), "button": "btn-outline-danger", "asks_reason": True},
    )
    def withdraw(self):
        """Left the university or was expelled; the reason says which."""


class StudentPartQuerySet(RestrictedQuerySet):
    """Payments and requests: within reach when their student is."""

    def scope(self, user, action: str):
        return _faculty_scope(self, user, "student__faculty")


class RequestReplyQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        return _faculty_scope(self, user, "request__student__faculty")


class FeePayment(BaseModel):
    """A payment towards a student's contract. ``amount_uzs`` is the amount in som at the
    Central Bank rate of ``paid_on`` (``rate``), fixed when the payment is recorded."""

    student = models.ForeignKey(
        ForeignStudent,
        verbose_name=_("foreign student"),
        on_delete=models.CASCADE,
        related_name="payments",
    )
    paid_on = models.DateField(_("paid on"), validators=[validate_office_date])
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, validators=[validate_not_negative]
    )
    currency = models.CharField(
        _("currency"), max_length=3, default="UZS", help_text=_("ISO 4217 code: UZS, USD, EUR…")
    )
    rate = models.DecimalField(
        _("rate (UZS per unit)"), max_digits=24, decimal_places=8, editable=False, default=1
    )
    amount_uzs = models.DecimalField(
        _("amount (UZS)"), max_digits=16, decimal_places=2, editable=False, default=0
    )
    reference = models.CharField(_("payment document"), max_length=60, blank=True)

    new_title = _("New payment")
    history = HistoricalRecords()
    objects = StudentPartQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        verbose_name = _("fee payment")
        verbose_name_plural = _("fee payments")
        ordering = ("-paid_on", "-pk")

    def __str__(self) -> str:
        return f"{self.amount} {self.currency} ({self.paid_on:%d.%m.%Y})"

    def get_absolute_url(self) -> str:
        return self.student.get_absolute_url() + "#payments"


class StudentRequest(ProtectedStatusMixin, BaseModel):
    """A foreign student asks the office for help: a dormitory place, a certificate, health
    insurance, a visa extension. Staff take it, reply (each reply is e-mailed to the
    student) and close it through the transitions below."""

    class Kind(models.TextChoices):
        HOUSING = "housing", _("Housing or dormitory")
        DOCUMENTS = "documents", _("Documents and certificates")
        INSURANCE = "insurance", _("Health insurance")
        VISA = "visa_extension", _("Visa extension")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        RESOLVED = "resolved", _("Resolved")
        DECLINED = "declined", _("Declined")

    student = models.ForeignKey(
        ForeignStudent,
        verbose_name=_("foreign student"),
        on_delete=models.PROTECT,
        related_name="requests",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    status = FSMField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NEW, protected=True
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_reason = models.TextField(_("reason for the status change"), blank=True, editable=False)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="student_requests",
    )

    new_title = _("New request")
    owned_relations = ("replies",)
    document_kinds = ("letter", "certificate", "other")
    history = HistoricalRecords()
    objects = StudentPartQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        verbose_name = _("student request")
        verbose_name_plural = _("student requests")
        ordering = ("-created_at", "-pk")
        permissions = [
            ("transition_studentrequest", _("Can change the status of student requests"))
        ]
        indexes = [
            models.Index(fields=["status", "kind"], name="students_request_status_idx"),
            *column_indexes("srequest", ("created_at", "id"), "kind", "subject"),
        ]

    def __str__(self) -> str:
        return self.subject

    @transition(
        field=status, source=Status.NEW, target=Status.IN_PROGRESS, custom={"label": _("Take it")}
    )
    def take(self):
        """Somebody works on it."""

    @transition(
        field=status,
        source=[Status.NEW, Status.IN_PROGRESS],
        target=Status.RESOLVED,
        custom={"label": _("Resolved"), "button": "btn-success"},
    )
    def resolve(self):
        """Done."""

    @transition(
        field=status,
        source=[Status.NEW, Status.IN_PROGRESS],
        target=Status.DECLINED,
        custom={"label": _("Decline"), "button": "btn-outline-danger", "asks_reason": True},
    )
    def decline(self):
        """Cannot be done; the reason is given to the student."""

    @transition(
        field=status,
        source=[Status.RESOLVED, Status.DECLINED],
        target=Status.IN_PROGRESS,
        custom={"label": _("Reopen")},
    )
    def reopen(self):
        """Back to work."""


class RequestReply(BaseModel):
    """A reply of the office to a request; e-mailed to the student when it is saved."""

    request = models.ForeignKey(
        StudentRequest,
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("reply"))
    emailed_to = models.CharField(_("e-mailed to"), max_length=254, blank=True)

    history = HistoricalRecords()
    objects = RequestReplyQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        verbose_name = _("reply")
        verbose_name_plural = _("replies")
        ordering = ("created_at", "pk")

    def __str__(self) -> str:
        return self.body[:60]

    def get_absolute_url(self) -> str:
        return self.request.get_absolute_url()


class StudentReminder(models.Model):
    """A deadline reminder that was sent about a student, once per deadline (as
    ``mobility.MobilityReminder``: a deadline that moves is reminded again)."""

    student = models.ForeignKey(
        ForeignStudent,
        verbose_name=_("foreign student"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    kind = models.CharField(_("kind"), max_length=30)
    due = models.DateField(_("due"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    recipient = models.TextField(_("sent to"))

    class Meta:
        verbose_name = _("student reminder")
        verbose_name_plural = _("student reminders")
        ordering = ("-sent_at", "-id")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["student", "kind", "due"], name="student_reminder_once")
        ]

    def __str__(self) -> str:
        return f"{self.student_id}: {self.kind} due {self.due}"
