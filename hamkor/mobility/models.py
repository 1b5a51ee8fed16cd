"""People the office deals with, and their exchanges: outgoing and incoming mobility."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Upper
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty, in_faculty
from hamkor.core.countries import CldrCountries
from hamkor.core.indexes import column_indexes
from hamkor.core.models import BaseModel, RestrictedQuerySet
from hamkor.core.search import SearchableModel
from hamkor.core.transitions import ProtectedStatusMixin
from hamkor.core.validators import (
    validate_date_of_birth,
    validate_not_negative,
    validate_passport_expiry,
)

# Personal data (passport, date of birth, visa) is read with this permission only.
PERSONAL_DATA = "mobility.view_personal_data"


def of_faculty(faculty: int) -> Q:
    """Mobilities of a faculty: those of its people, and those it sends or hosts (a guest is
    often nobody's person but the hosting faculty's)."""
    return in_faculty("person__org_unit", faculty) | in_faculty("home_unit", faculty)


class PersonQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        """Coordinators change only the people of their faculty; they read everyone."""
        faculty = coordinator_faculty(user)
        if action == "view" or faculty is UNLIMITED:
            return self
        if faculty is None:
            return self.none()
        return self.filter(in_faculty("org_unit", faculty))


# The last name an erased person is given (hamkor.privacy.services.person_anonymise).
ANONYMISED = "Anonymised person"


class Person(SearchableModel, BaseModel):
    """Someone the office deals with: our students and staff, foreign professors and students,
    partner staff. One registry, so that a person's every exchange is in one place."""

    class Category(models.TextChoices):
        STUDENT = "student", _("Our student")
        STAFF = "staff", _("Our staff member")
        FOREIGN_PROFESSOR = "foreign_professor", _("Foreign professor or specialist")
        FOREIGN_STUDENT = "foreign_student", _("Foreign student")
        PARTNER_STAFF = "partner_staff", _("Partner staff")

    class Title(models.TextChoices):
        NONE = "", _("None")
        PHD = "phd", _("PhD")
        DSC = "dsc", _("Doctor of sciences (DSc)")
        DOCENT = "docent", _("Associate professor (docent)")
        PROFESSOR = "professor", _("Professor")

    class StudyLevel(models.TextChoices):
        NONE = "", _("Not a student")
        BACHELOR = "bachelor", _("Bachelor")
        MASTER = "master", _("Master")
        DOCTORAL = "doctoral", _("Doctoral")

    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    last_name = models.CharField(_("last name (Latin)"), max_length=100)
    first_name = models.CharField(_("first name (Latin)"), max_length=100)
    middle_name = models.CharField(_("patronymic (Latin)"), max_length=100, blank=True)
    name_original = models.CharField(
        _("name in the original script"),
        max_length=300,
        blank=True,
        help_text=_("As in the passport or as the person writes it: Cyrillic, Chinese, …"),
    )
    citizenship = CountryField(_("citizenship"), countries=CldrCountries)
    org_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("faculty or unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        help_text=_("For our students and staff."),
    )
    institution = models.ForeignKey(
        "partners.Institution",
        verbose_name=_("institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
        help_text=_("For guests: the university they come from."),
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    academic_title = models.CharField(
        _("academic title"), max_length=10, blank=True, choices=Title.choices
    )
    study_level = models.CharField(
        _("study level"), max_length=10, blank=True, choices=StudyLevel.choices
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language for letters"), max_length=10, default="en", choices=settings.LANGUAGES
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    # Personal data: shown to officers and administrators only.
    date_of_birth = models.DateField(
        _("date of birth"), null=True, blank=True, validators=[validate_date_of_birth]
    )
    passport_number = models.CharField(_("passport number"), max_length=30, blank=True)
    passport_valid_to = models.DateField(
        _("passport valid to"), null=True, blank=True, validators=[validate_passport_expiry]
    )

    new_title = _("New person")  # the add page's title, in the gender of each language
    history = HistoricalRecords(excluded_fields=["search_text"])
    objects = PersonQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ("last_name", "first_name")
        permissions = [
            ("view_personal_data", _("Can see passports, dates of birth and visas")),
            ("merge_person", _("Can merge duplicate people")),
        ]
        indexes = [
            models.Index(fields=["last_name", "first_name"]),
            # A passport number is searched with ``iexact`` (UPPER(...) = UPPER(...)).
            models.Index(Upper("passport_number"), name="person_passport_upper"),
            *column_indexes(
                "person",
                "category",
                "citizenship",
                "date_of_birth",
                "email",
                "name_original",
                "passport_number",
                "passport_valid_to",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def search_parts(self) -> list[str]:
        # Not the passport number: it is personal data, searched only by those who may.
        return [self.last_name, self.first_name, self.middle_name, self.name_original, self.email]

    @property
    def full_name(self) -> str:
        if self.last_name == ANONYMISED:
            # Stored in one language (search and sorting find it alike), shown in the reader's.
            return "{} {}".format(gettext("Anonymised person"), self.first_name)
        return " ".join(
            part for part in (self.last_name, self.first_name, self.middle_name) if part
        )

    @property
    def is_foreign(self) -> bool:
        return self.category in (
            self.Category.FOREIGN_PROFESSOR,
            self.Category.FOREIGN_STUDENT,
            self.Category.PARTNER_STAFF,
        )

    def clean(self):
        if self.category in (self.Category.STUDENT, self.Category.STAFF) and not self.org_unit_id:
            raise ValidationError(
                {"org_unit": _("Our students and staff belong to a faculty or unit.")}
            )


class MobilityQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        """Coordinators change only their faculty's mobilities: those of its people, and those
        it sends or hosts (a guest is often nobody's person but the hosting faculty's)."""
        faculty = coordinator_faculty(user)
        if action == "view" or faculty is UNLIMITED:
            return self
        if faculty is None:
            return self.none()
        return self.filter(of_faculty(faculty))

    def counted(self):
        """Mobilities that happened or are happening (not planned only, not cancelled)."""
        return self.filter(status__in=(Mobility.Status.IN_PROGRESS, Mobility.Status.COMPLETED))


def academic_year_of(day: datetime.date) -> int:
    """The academic year ``day`` falls in: 2024 for 2024/25 (September to August)."""
    return day.year if day.month >= 9 else day.year - 1


class Mobility(ProtectedStatusMixin, BaseModel):
    """One exchange of one person: a semester abroad, a teaching week, a visiting professor.

    The status changes only through the transitions below. Facts such as "at a QS top-1000
    university" are computed from the host's ranking for the mobility's year, never typed.
    """

    class Direction(models.TextChoices):
        OUTGOING = "outgoing", _("Outgoing")
        INCOMING = "incoming", _("Incoming")

    class Kind(models.TextChoices):
        STUDENT_STUDY = "student_study", _("Student study")
        STUDENT_TRAINEESHIP = "student_traineeship", _("Student traineeship")
        STAFF_TEACHING = "staff_teaching", _("Staff teaching")
        STAFF_TRAINING = "staff_training", _("Staff training or internship")
        RESEARCH = "research", _("Research visit")

    class Programme(models.TextChoices):
        KA171 = "ka171", _("Erasmus+ KA171")
        KA131 = "ka131", _("Erasmus+ KA131")
        BILATERAL = "bilateral", _("Bilateral agreement")
        GOVERNMENT = "government", _("Government scholarship (e.g. El-Yurt Umidi)")
        PARTNER = "partner", _("Partner-funded")
        SELF = "self", _("Self-funded")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        NOMINATED = "nominated", _("Nominated")
        ACCEPTED = "accepted", _("Accepted")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class Visa(models.TextChoices):
        NONE = "", _("Not recorded")
        VISA_FREE = "visa_free", _("Visa-free entry")
        ACADEMIC = "academic", _("Academic visa")
        STUDENT = "student", _("Student visa")
        TOURIST = "tourist", _("Tourist visa")
        OTHER = "other", _("Other visa")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="mobilities"
    )
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    programme = models.CharField(_("programme"), max_length=12, choices=Programme.choices)
    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("agreement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mobilities",
    )
    sending_institution = models.ForeignKey(
        "partners.Institution",
        verbose_name=_("sending institution"),
        on_delete=models.PROTECT,
        related_name="mobilities_sent",
    )
    receiving_institution = models.ForeignKey(
        "partners.Institution",
        verbose_name=_("receiving institution"),
        on_delete=models.PROTECT,
        related_name="mobilities_received",
    )
    home_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("our faculty or unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mobilities",
        help_text=_("Outgoing: the unit that sends; incoming: the unit that hosts."),
    )
    partner_unit = models.CharField(_("unit at the partner"), max_length=200, blank=True)
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    actual_start = models.DateField(_("actual start (arrival)"), null=True, blank=True)
    actual_end = models.DateField(_("actual end (return)"), null=True, blank=True)
    # Protected: it changes only through the transitions below (see core.transitions).
    status = FSMField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.PLANNED,
        protected=True,
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_reason = models.TextField(
        _("reason for the status change"),
        blank=True,
        editable=False,
        help_text=_("Why the last step was taken, as the user gave it."),
    )
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    credits = models.DecimalField(
        _("credits (ECTS)"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[validate_not_negative],
    )
    teaching_hours = models.PositiveSmallIntegerField(_("teaching hours"), null=True, blank=True)
    subjects = models.TextField(_("subjects taught or studied"), blank=True)
    funding_amount = models.DecimalField(
        _("funding"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_not_negative],
    )
    funding_currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code: USD, EUR, UZS…")
    )
    funding_source = models.CharField(_("funding source"), max_length=200, blank=True)
    funding_project = models.ForeignKey(
        "grants.Project",
        verbose_name=_("funding project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="mobilities",
        help_text=_("The grant project that pays for this mobility."),
    )
    # What the Erasmus+ grant calculator needs beyond the dates and the institutions.
    official_km = models.DecimalField(
        _("distance (official calculator, km)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[validate_not_negative],
        help_text=_(
            "The Erasmus+ distance calculator's kilometres; empty: the great-circle distance "
            "between the institutions' coordinates."
        ),
    )
    green_travel = models.BooleanField(
        _("green travel"),
        default=False,
        help_text=_("Most of the trip by train, bus, bike or car sharing."),
    )
    fewer_opportunities = models.BooleanField(
        _("participant with fewer opportunities"), default=False
    )
    certificate_received = models.BooleanField(_("certificate received"), default=False)
    report_received_on = models.DateField(_("trip report received"), null=True, blank=True)
    # Incoming guests (visa data is personal data).
    invitation_reference = models.CharField(
        _("invitation letter number"), max_length=30, blank=True, editable=False
    )
    invitation_token = models.CharField(max_length=40, blank=True, editable=False)
    visa_type = models.CharField(_("visa"), max_length=10, blank=True, choices=Visa.choices)
    visa_number = models.CharField(_("visa number"), max_length=40, blank=True)
    visa_valid_to = models.DateField(_("visa valid to"), null=True, blank=True)
    registered_on = models.DateField(_("registered at the place of stay on"), null=True, blank=True)
    registration_valid_to = models.DateField(_("registration valid to"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    new_title = _("New mobility")  # the add page's title, in the gender of each language
    history = HistoricalRecords()
    objects = MobilityQuerySet.as_manager()

    document_kinds = (
        "learning_agreement",
        "acceptance",
        "certificate",
        "transcript",
        "report",
        "letter",
        "other",
    )

    class Meta(BaseModel.Meta):
        verbose_name = _("mobility")
        verbose_name_plural = _("mobilities")
        ordering = ("-planned_start", "-id")
        permissions = [("transition_mobility", _("Can change the status of mobilities"))]
        indexes = [
            models.Index(fields=["status", "planned_start"]),
            # The list's order: the first page is read from the index, not sorted from all.
            models.Index(fields=["-planned_start", "-id"], name="mobility_list_order_idx"),
            # The start a mobility is counted by (academic years, figures' periods).
            models.Index(Coalesce("actual_start", "planned_start"), name="mobility_start_idx"),
            *column_indexes("mobility", "direction", "kind", "programme", "planned_end"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end__gte=models.F("planned_start")),
                name="mobility_planned_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        # Also called on a form's unsaved instance with the person or the partner missing.
        person = self.person if self.person_id else "?"
        partner_id = (
            self.receiving_institution_id if self.is_outgoing else self.sending_institution_id
        )
        if partner_id is None:
            return str(person)
        partner = self.receiving_institution if self.is_outgoing else self.sending_institution
        return f"{person} — {partner}"

    @property
    def is_outgoing(self) -> bool:
        return self.direction == self.Direction.OUTGOING

    @property
    def start(self) -> datetime.date:
        return self.actual_start or self.planned_start

    @property
    def end(self) -> datetime.date:
        return self.actual_end or self.planned_end

    @property
    def academic_year(self) -> int:
        """The academic year it falls in, by its start: 2024 for 2024/25 (September to August)."""
        return academic_year_of(self.start)

    # Transitions; services call them and record who, when and why.

    @transition(
        field=status,
        source=Status.PLANNED,
        target=Status.NOMINATED,
        custom={
            "label": _("Nominate to the host"),
            "label_incoming": _("Nominated by the partner"),
        },
    )
    def nominate(self):
        """Proposed to the host."""

    @transition(
        field=status,
        source=[Status.PLANNED, Status.NOMINATED],
        target=Status.ACCEPTED,
        custom={"label": _("Accepted by the host"), "label_incoming": _("Accept the guest")},
    )
    def accept(self):
        """The host accepted (acceptance letter)."""

    @transition(
        field=status,
        source=Status.ACCEPTED,
        target=Status.IN_PROGRESS,
        custom={
            "label": _("Departed"),
            "label_incoming": _("Arrived"),
            "button": "btn-outline-success",
            "asks_date": True,
        },
    )
    def start_trip(self):
        """Departed (outgoing) or arrived (incoming)."""

    @transition(
        field=status,
        source=Status.IN_PROGRESS,
        target=Status.COMPLETED,
        custom={
            "label": _("Returned"),
            "label_incoming": _("Left"),
            "button": "btn-success",
            "asks_date": True,
        },
    )
    def complete(self):
        """Returned (outgoing) or left (incoming)."""

    @transition(
        field=status,
        source=[Status.PLANNED, Status.NOMINATED, Status.ACCEPTED, Status.IN_PROGRESS],
        target=Status.CANCELLED,
        custom={"label": _("Cancel"), "button": "btn-outline-danger", "asks_reason": True},
    )
    def cancel(self):
        """Did not happen, or ended early."""


# The log of reminders sent lives beside the reminders (imported here so that Django loads it).
from hamkor.mobility.reminder_log import MobilityReminder  # noqa: E402, F401
