"""Calls for exchange: what a call offers (places), who may apply (eligibility), how the
committee selects (weighted criteria), and the status a call goes through.

Applications live in ``applications.py`` and the committee's records in ``committee.py``;
both are imported at the bottom so that Django loads them with this module.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from hamkor.core.countries import CldrCountries
from hamkor.core.models import BaseModel, RestrictedQuerySet, translated
from hamkor.core.transitions import ProtectedStatusMixin


class Cefr(models.TextChoices):
    """Levels of the Common European Framework, lowest first (their order is compared)."""

    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


class StudyLevel(models.TextChoices):
    BACHELOR = "bachelor", _("Bachelor")
    MASTER = "master", _("Master")
    DOCTORAL = "doctoral", _("Doctoral")


class DocumentKind(models.TextChoices):
    """The documents a call may require from its applicants."""

    TRANSCRIPT = "transcript", _("Transcript of records")
    LANGUAGE_CERTIFICATE = "language_certificate", _("Language certificate")
    CV = "cv", _("Curriculum vitae")
    PASSPORT = "passport", _("Passport copy")
    RECOMMENDATION = "recommendation", _("Letter of recommendation")
    OTHER = "other", _("Other document")


def _call_ready(call: Call) -> bool:
    from hamkor.calls.rules import call_open_refusal

    return not call_open_refusal(call)


class CallQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        """A committee member who holds no office role reads only the calls they are on
        the committee of, and never a draft (it is the office's until opened)."""
        from hamkor.calls.applications import committee_only

        if not committee_only(user):
            return self
        if action != "view":
            return self.none()
        return self.exclude(status=Call.Status.DRAFT).filter(reviewers__user=user).distinct()


class Call(ProtectedStatusMixin, BaseModel):
    """A call for applications: places at partners, who may apply, and how they are chosen.

    The office drafts it, opens it (only with places and criteria whose weights add up to
    100), closes it, evaluates the applications, publishes the results and archives it; each
    step is a named transition. Applications are submitted only while the call is open and
    before ``closes_at``.
    """

    class Programme(models.TextChoices):
        KA171 = "ka171", _("Erasmus+ KA171")
        KA131 = "ka131", _("Erasmus+ KA131")
        BILATERAL = "bilateral", _("Bilateral agreement")
        GRANT_PROJECT = "grant_project", _("Grant project")

    class Audience(models.TextChoices):
        STUDENTS = "students", _("Students")
        STAFF = "staff", _("Staff")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("call", "Draft")
        OPEN = "open", pgettext_lazy("call", "Open")
        CLOSED = "closed", pgettext_lazy("call", "Closed")
        EVALUATION = "evaluation", _("Under evaluation")
        PUBLISHED = "published", _("Results published")
        ARCHIVED = "archived", pgettext_lazy("call", "Archived")

    title_uz = models.CharField(_("title in Uzbek"), max_length=300)
    title_ru = models.CharField(_("title in Russian"), max_length=300, blank=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    description_uz = models.TextField(_("description in Uzbek"), blank=True, max_length=20000)
    description_ru = models.TextField(_("description in Russian"), blank=True, max_length=20000)
    description_en = models.TextField(_("description in English"), blank=True, max_length=20000)
    programme = models.CharField(_("programme"), max_length=20, choices=Programme.choices)
    project = models.ForeignKey(
        "grants.Project",
        verbose_name=_("grant project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="calls",
    )
    audience = models.CharField(_("for"), max_length=10, choices=Audience.choices)
    opens_at = models.DateTimeField(_("opens at"), help_text=_("Time in Tashkent."))
    closes_at = models.DateTimeField(_("closes at"), help_text=_("Time in Tashkent."))
    # Protected: it changes only through the transitions below (see core.transitions).
    status = FSMField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, protected=True
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_reason = models.TextField(_("reason for the status change"), blank=True, editable=False)
    max_preferences = models.PositiveSmallIntegerField(
        _("preferences an applicant may rank"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    # Eligibility; an empty field admits everyone.
    faculties = models.ManyToManyField(
        "accounts.OrgUnit",
        verbose_name=_("faculties"),
        blank=True,
        related_name="calls",
        help_text=_("Leave empty for every faculty."),
    )
    study_levels = models.JSONField(_("study levels"), default=list, blank=True)
    years_of_study = models.JSONField(_("years of study"), default=list, blank=True)
    min_gpa = models.DecimalField(
        _("minimum GPA"),
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    gpa_scale = models.DecimalField(
        _("GPA scale"),
        max_digits=4,
        decimal_places=2,
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The highest GPA: 4 or 5."),
    )
    language = models.CharField(
        _("language"), max_length=3, blank=True, help_text=_("ISO 639 code, e.g. en, de, tr.")
    )
    min_cefr = models.CharField(_("minimum level"), max_length=2, choices=Cefr.choices, blank=True)
    citizenships = CountryField(
        _("citizenships"), countries=CldrCountries, multiple=True, blank=True
    )
    required_documents = models.JSONField(_("required documents"), default=list, blank=True)
    published_at = models.DateTimeField(_("results published"), null=True, blank=True)

    new_title = _("New call")  # the add page's title, in the gender of each language
    history = HistoricalRecords()
    objects = CallQuerySet.as_manager()
    owned_relations = ("places", "criteria")

    title = translated("title")
    description = translated("description")

    def get_public_url(self) -> str:
        """The call's page on the public site, in the active language."""
        return reverse("public:call_detail", kwargs={"pk": self.pk})

    class Meta(BaseModel.Meta):
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        ordering = ("-opens_at", "-id")
        permissions = [("transition_call", _("Can change the status of calls"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="calls_call_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("A call closes after it opens.")})
        if self.programme == self.Programme.GRANT_PROJECT and not self.project_id:
            raise ValidationError({"project": _("Choose the grant project that pays.")})
        if self.min_gpa is not None and self.gpa_scale and self.min_gpa > self.gpa_scale:
            raise ValidationError({"min_gpa": _("The minimum GPA is above the GPA scale.")})
        unknown = set(self.study_levels or ()) - set(StudyLevel.values)
        if unknown:
            raise ValidationError({"study_levels": _("Choose study levels from the list.")})
        unknown = set(self.required_documents or ()) - set(DocumentKind.values)
        if unknown:
            raise ValidationError({"required_documents": _("Choose documents from the list.")})
        if any(not isinstance(y, int) or not 1 <= y <= 6 for y in self.years_of_study or ()):
            raise ValidationError({"years_of_study": _("Years of study are 1 to 6.")})
        if self.language and self.min_cefr == "":
            raise ValidationError({"min_cefr": _("Give the minimum level for the language.")})

    # Transitions; services call them (call_transition) and record who and why.

    @transition(
        field=status,
        source=Status.DRAFT,
        target=Status.OPEN,
        conditions=[_call_ready],
        custom={"label": _("Open for applications"), "button": "btn-success"},
    )
    def open(self):
        """Applications may be submitted until ``closes_at``."""

    @transition(
        field=status,
        source=Status.OPEN,
        target=Status.CLOSED,
        custom={"label": _("Close")},
    )
    def close(self):
        """No more submissions (after the deadline, or early)."""

    @transition(
        field=status,
        source=Status.CLOSED,
        target=Status.OPEN,
        conditions=[_call_ready],
        custom={"label": _("Reopen"), "button": "btn-outline-secondary", "asks_reason": True},
    )
    def reopen(self):
        """Take submissions again (a later deadline, say why)."""

    @transition(
        field=status,
        source=Status.CLOSED,
        target=Status.EVALUATION,
        custom={"label": _("Start the evaluation")},
    )
    def evaluate(self):
        """The committee scores the submitted applications."""

    @transition(
        field=status,
        source=Status.EVALUATION,
        target=Status.PUBLISHED,
        custom={"label": _("Publish the results"), "button": "btn-success"},
    )
    def publish(self):
        """Applicants are told their outcome; places may be accepted or declined."""

    @transition(
        field=status,
        source=Status.PUBLISHED,
        target=Status.ARCHIVED,
        custom={"label": _("Archive"), "button": "btn-outline-secondary"},
    )
    def archive(self):
        """Done: kept for the record."""


class CallPartQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        """A place or criterion changes with its call, and only while the call is a draft or
        open (the committee's basis must not move under it); it is read with its call."""
        if action == "view":
            from hamkor.calls.applications import committee_only

            if not committee_only(user):
                return self
            return self.filter(call__in=Call.objects.scope(user, "view"))
        return self.filter(call__status__in=(Call.Status.DRAFT, Call.Status.OPEN))


class Place(BaseModel):
    """Seats a call offers at one partner: where, how many, how long, for whom."""

    class Semester(models.TextChoices):
        AUTUMN = "autumn", _("Autumn semester")
        SPRING = "spring", _("Spring semester")
        YEAR = "year", _("Whole academic year")
        SHORT = "short", _("Short visit")

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="places"
    )
    institution = models.ForeignKey(
        "partners.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="call_places",
    )
    agreement = models.ForeignKey(
        "agreements.Agreement",
        verbose_name=_("agreement"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="call_places",
    )
    mobility_kind = models.CharField(
        _("mobility"),
        max_length=20,
        choices=[
            ("student_study", _("Student study")),
            ("student_traineeship", _("Student traineeship")),
            ("staff_teaching", _("Staff teaching")),
            ("staff_training", _("Staff training or internship")),
        ],
        default="student_study",
    )
    seats = models.PositiveSmallIntegerField(_("places"), default=1)
    months = models.DecimalField(
        _("months per person"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    days = models.PositiveSmallIntegerField(_("days per person"), null=True, blank=True)
    study_level = models.CharField(
        _("study level"), max_length=10, choices=StudyLevel.choices, blank=True
    )
    field = models.CharField(
        _("field of study"), max_length=200, blank=True, help_text=_("E.g. 0231 Languages.")
    )
    semester = models.CharField(_("semester"), max_length=10, choices=Semester.choices)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    new_title = _("New place")
    history = HistoricalRecords()
    objects = CallPartQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ("call", "institution__name", "id")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="calls_place_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        # Also called on a form's unsaved instance with the institution missing.
        institution = self.institution if self.institution_id else "?"
        return f"{institution} · {self.get_semester_display()}"

    def get_absolute_url(self) -> str:
        return f"{self.call.get_absolute_url()}#places"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The place cannot end before it starts.")})
        if (
            self.agreement_id
            and self.institution_id
            and not self.agreement.institutions.filter(pk=self.institution_id).exists()
        ):
            raise ValidationError(
                {"agreement": _("The institution is not a party to this agreement.")}
            )


class Criterion(BaseModel):
    """One weighted selection criterion of a call (GPA 40 %, language 30 %…).

    A call's weights add up to 100 before it opens (checked by the call's rules).
    """

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.SlugField(_("code"), max_length=40, help_text=_("E.g. gpa, language."))
    name_uz = models.CharField(_("name in Uzbek"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight (%)"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    new_title = _("New criterion")
    history = HistoricalRecords()
    objects = CallPartQuerySet.as_manager()

    name = translated("name")

    class Meta(BaseModel.Meta):
        verbose_name = _("selection criterion")
        verbose_name_plural = _("selection criteria")
        ordering = ("call", "order", "id")
        constraints = [
            models.UniqueConstraint(fields=["call", "code"], name="calls_criterion_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.weight} %)"

    def get_absolute_url(self) -> str:
        return f"{self.call.get_absolute_url()}#criteria"


# Applications and the committee's records (imported so that Django loads them).
from hamkor.calls.applications import (  # noqa: E402, F401
    Application,
    ApplicationDocument,
    Preference,
)
from hamkor.calls.committee import (  # noqa: E402, F401
    ConflictOfInterest,
    Reviewer,
    Score,
    SelectionChange,
)
