"""What the reports app stores: the university's own totals per year and strategy targets.

Every figure of the reports is computed from the other apps' records; only two things are
typed in here. :class:`UniversityYear` holds the numbers no record of Hamkor gives (all
students, all academic staff), the denominators of the ranking indicators, and the
snapshot kept when the office closes the year. :class:`Target` is a number the office aims
at for one indicator or achievement in one year.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty
from hamkor.core.models import BaseModel, RestrictedQuerySet
from hamkor.core.validators import FIRST_YEAR, LAST_YEAR, validate_not_negative

YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]


class UniversityYear(BaseModel):
    """The university's own totals for one calendar year, entered by the office.

    ``international_students`` left empty is counted from the foreign students' records on
    the census day (see :mod:`hamkor.reports.indicators`); the other totals have no source in
    Hamkor. A part can never exceed its whole. Closing the year (``closed_at``, by the
    service :func:`~hamkor.reports.indicator_services.university_year_close` only) keeps a
    snapshot of every indicator and its inputs; reopening clears it and records why.
    """

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=YEAR_VALIDATORS)
    students_total = models.PositiveIntegerField(
        _("students, total"),
        null=True,
        blank=True,
        help_text=_("Every student of the university (headcount), of every level and form."),
    )
    faculty_total = models.PositiveIntegerField(
        _("academic staff, total"),
        null=True,
        blank=True,
        help_text=_("Teaching and research staff (headcount)."),
    )
    international_students = models.PositiveIntegerField(
        _("international students"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty to count the foreign students on record studying on the census day."
        ),
    )
    international_faculty = models.PositiveIntegerField(
        _("international academic staff"), null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True, editable=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    snapshot = models.JSONField(_("snapshot"), default=dict, blank=True, editable=False)
    reopen_reason = models.TextField(_("reason for reopening"), blank=True, editable=False)

    new_title = _("New university year")
    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("university year")
        verbose_name_plural = _("university years")
        ordering = ("-year",)
        permissions = [
            ("close_universityyear", _("Can close a year of the ranking indicators")),
            ("reopen_universityyear", _("Can reopen a closed year of the ranking indicators")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(international_students__isnull=True)
                | Q(students_total__isnull=True)
                | Q(international_students__lte=models.F("students_total")),
                name="reports_int_students_within_total",
            ),
            models.CheckConstraint(
                condition=Q(international_faculty__isnull=True)
                | Q(faculty_total__isnull=True)
                | Q(international_faculty__lte=models.F("faculty_total")),
                name="reports_int_faculty_within_total",
            ),
        ]

    def __str__(self) -> str:
        return str(self.year) if self.year else str(_("New university year"))

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def clean(self):
        errors = {}
        students, all_students = self.international_students, self.students_total
        if students is not None and all_students is not None and students > all_students:
            errors["international_students"] = _(
                "There cannot be more international students (%(part)d) than students in all "
                "(%(whole)d)."
            ) % {"part": students, "whole": all_students}
        staff, all_staff = self.international_faculty, self.faculty_total
        if staff is not None and all_staff is not None and staff > all_staff:
            errors["international_faculty"] = _(
                "There cannot be more international academic staff (%(part)d) than academic "
                "staff in all (%(whole)d)."
            ) % {"part": staff, "whole": all_staff}
        if errors:
            raise ValidationError(errors)


class TargetQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        """A coordinator reads their faculty's targets only; the university's are the
        office's business (they read them on the indicators page)."""
        faculty = coordinator_faculty(user)
        if faculty is UNLIMITED:
            return self
        if faculty is None:
            return self.none()
        return self.filter(faculty=faculty)


def target_choices():
    # Read when first asked for, after every app is loaded: the figures live in modules that
    # read the other apps' models.
    from hamkor.reports.targets import key_choices

    return key_choices()


class Target(BaseModel):
    """A strategy target: the value the office aims at for one figure in one year.

    ``key`` names a ranking indicator or an achievement (:data:`hamkor.reports.targets.KEYS`).
    Without a faculty the target is the university's; with one, that faculty's records count
    towards it. One target per figure, year and faculty (and one for the university). A
    share of international students or staff is the university's only: its denominator is
    the university's total.
    """

    key = models.CharField(_("figure"), max_length=40, choices=target_choices)
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    value = models.DecimalField(
        _("target"),
        max_digits=14,
        decimal_places=2,
        validators=[validate_not_negative],
        help_text=_("A number; for a share, the percentage (12.5 for 12.5 per cent)."),
    )
    faculty = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("faculty"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leave empty for the whole university."),
    )
    note = models.TextField(_("note"), blank=True)

    new_title = _("New strategy target")
    history = HistoricalRecords()
    objects = TargetQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        verbose_name = _("strategy target")
        verbose_name_plural = _("strategy targets")
        ordering = ("-year", "key", "faculty__code")
        constraints = [
            models.UniqueConstraint(
                fields=("key", "year"),
                condition=Q(faculty__isnull=True),
                name="reports_target_unique_university",
            ),
            models.UniqueConstraint(
                fields=("key", "year", "faculty"),
                condition=Q(faculty__isnull=False),
                name="reports_target_unique_faculty",
            ),
        ]

    def __str__(self) -> str:
        if not self.key:
            return str(_("New strategy target"))
        return f"{self.get_key_display()} · {self.year}"

    def clean(self):
        from hamkor.reports.targets import UNIVERSITY_ONLY

        if self.faculty_id and self.key in UNIVERSITY_ONLY:
            raise ValidationError(
                {
                    "faculty": _(
                        "A share of international students or staff is the whole university's: "
                        "leave the faculty empty."
                    )
                }
            )
        duplicates = Target.objects.filter(key=self.key, year=self.year, faculty=self.faculty_id)
        if self.key and self.year and duplicates.exclude(pk=self.pk).exists():
            raise ValidationError(
                {
                    "key": _(
                        "There is already a target for this figure in this year (and faculty): "
                        "change that one instead."
                    )
                }
            )
