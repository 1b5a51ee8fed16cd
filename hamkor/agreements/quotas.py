"""Mobility quotas: the places an agreement offers, per kind of mobility and year."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hamkor.agreements.models import Agreement, AgreementPartQuerySet
from hamkor.core.models import BaseModel


class MobilityQuota(BaseModel):
    """Places an agreement offers per academic year for one kind of mobility."""

    class Direction(models.TextChoices):
        OUTGOING = "outgoing", _("Outgoing")
        INCOMING = "incoming", _("Incoming")

    class MobilityKind(models.TextChoices):
        STUDENT_STUDY = "student_study", _("Student study")
        STUDENT_TRAINEESHIP = "student_traineeship", _("Student traineeship")
        STAFF_TEACHING = "staff_teaching", _("Staff teaching")
        STAFF_TRAINING = "staff_training", _("Staff training")

    class Cefr(models.TextChoices):
        A1 = "A1", "A1"
        A2 = "A2", "A2"
        B1 = "B1", "B1"
        B2 = "B2", "B2"
        C1 = "C1", "C1"
        C2 = "C2", "C2"

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="quotas"
    )
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    mobility_kind = models.CharField(_("mobility"), max_length=20, choices=MobilityKind.choices)
    isced_code = models.CharField(
        _("ISCED-F field"),
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^\d{2,4}$", _("An ISCED-F code has 2 to 4 digits."))],
        help_text=_("E.g. 0231 (language acquisition) or 04 (business)."),
    )
    eqf_level = models.PositiveSmallIntegerField(
        _("EQF level"),
        null=True,
        blank=True,
        validators=[MinValueValidator(5), MaxValueValidator(8)],
        help_text=_("6 bachelor, 7 master, 8 doctorate."),
    )
    places_per_year = models.PositiveSmallIntegerField(_("places per year"))
    months = models.DecimalField(
        _("months per person"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    days = models.PositiveSmallIntegerField(_("days per person"), null=True, blank=True)
    first_year = models.PositiveSmallIntegerField(
        _("from academic year"), help_text=_("The year it starts in: 2025 for 2025/26.")
    )
    last_year = models.PositiveSmallIntegerField(_("to academic year"))
    language = models.CharField(
        _("language of instruction"),
        max_length=3,
        blank=True,
        help_text=_("ISO 639 code, e.g. en, ru, tr."),
    )
    cefr_level = models.CharField(
        _("language level"), max_length=2, choices=Cefr.choices, blank=True
    )
    # The conditions as an Erasmus Without Paper IIA states them, where they say more than the
    # columns above (several languages or fields, their clarifications, EQF levels, blended,
    # the year's total, organisational units): kept as agreed so that the IIA re-exports with
    # the same iia-hash. See hamkor/ewp/conditions.py for the keys.
    conditions = models.JSONField(_("conditions (EWP)"), default=dict, blank=True)

    new_title = _("New mobility quota")  # the add page's title, in the gender of each language
    history = HistoricalRecords()
    objects = AgreementPartQuerySet.as_manager()

    class Meta(BaseModel.Meta):
        verbose_name = _("mobility quota")
        verbose_name_plural = _("mobility quotas")
        ordering = ("agreement", "direction", "mobility_kind")

    def __str__(self) -> str:
        return f"{self.get_direction_display()}, {self.get_mobility_kind_display()}"

    def get_absolute_url(self) -> str:
        return f"{self.agreement.get_absolute_url()}#quotas"

    def clean(self):
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError(
                {"last_year": _("The last academic year cannot be before the first.")}
            )
        if self.language:
            import pycountry

            if (
                pycountry.languages.get(alpha_2=self.language.lower()) is None
                and pycountry.languages.get(alpha_3=self.language.lower()) is None
            ):
                raise ValidationError({"language": _("This is not an ISO 639 language code.")})

    @property
    def academic_years(self) -> range:
        return range(self.first_year, self.last_year + 1)
