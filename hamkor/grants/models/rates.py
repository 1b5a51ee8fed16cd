"""Exchange rates and the Erasmus+ rate tables.

Money in other currencies is converted through the Uzbek som with the rate of the day it
changed hands (:class:`ExchangeRate`). The Erasmus+ amounts are data, never literals in
code: each row belongs to a call year (the year of the project's grant agreement, not the
academic year), names its source and carries its verification status, because the
programme guide and the National Agencies fix the amounts and our sources are partial
(see ``docs/decisions/0005-erasmus-rates-as-data.md``).
"""

from __future__ import annotations

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hamkor.core.indexes import column_indexes
from hamkor.core.models import BaseModel


class ExchangeRate(BaseModel):
    """How many Uzbek som one unit of a currency was worth on a date.

    The Central Bank publishes some currencies per 10 or 100 units (``nominal``); ``rate``
    is always per single unit, so conversions never need to know the nominal. One row per
    currency and date; a correction changes the row and its history keeps the old value.
    """

    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered by hand")
        CBU = "cbu", _("Central Bank of Uzbekistan")

    currency = models.CharField(_("currency"), max_length=3)
    date = models.DateField(_("date"))
    rate = models.DecimalField(
        _("rate (UZS per unit)"),
        max_digits=24,
        decimal_places=8,
        validators=[MinValueValidator(0)],
    )
    nominal = models.PositiveIntegerField(
        _("nominal"), default=1, help_text=_("Units the published rate was given for.")
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)

    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ("-date", "currency")
        constraints = [
            models.UniqueConstraint(fields=("currency", "date"), name="grants_rate_one_a_day"),
            models.CheckConstraint(condition=models.Q(rate__gt=0), name="grants_rate_positive"),
        ]
        indexes = [*column_indexes("rate", ("-date", "currency"), "rate", "nominal", "source")]

    def __str__(self) -> str:
        return f"{self.currency} {self.date:%Y-%m-%d}: {self.rate} UZS"

    def clean(self) -> None:
        self.currency = (self.currency or "").upper()
        if self.currency == "UZS":
            raise ValidationError(
                {"currency": _("The som is the base currency: it needs no rate.")}
            )
        if pycountry.currencies.get(alpha_3=self.currency) is None:
            raise ValidationError(
                {
                    "currency": _("%(code)s is not an ISO 4217 currency code.")
                    % {"code": self.currency}
                }
            )
        if self.rate is not None and self.rate <= 0:
            raise ValidationError({"rate": _("A rate must be greater than zero.")})


class VerificationStatus(models.TextChoices):
    """How far a rate row is confirmed, as tagged in the research notes."""

    VERIFIED = "V", _("Verified")
    PARTLY = "P", _("Partly verified")
    UNVERIFIED = "U", _("Unverified")


class Action(models.TextChoices):
    KA131 = "KA131", "KA131"
    KA171 = "KA171", "KA171"


class Participant(models.TextChoices):
    STUDENT_LONG = "student-long", _("Student, long-term")
    STUDENT_SHORT = "student-short", _("Student, short-term")
    STAFF = "staff", _("Staff")


class GroupCode(models.TextChoices):
    GROUP_1 = "1", _("Group 1")
    GROUP_2 = "2", _("Group 2")
    GROUP_3 = "3", _("Group 3")
    REGIONS_1_12 = "regions-1-12", _("Regions 1–12")
    REGION_13 = "region-13", _("Region 13")
    REGION_14 = "region-14", _("Region 14")

    @classmethod
    def third_countries(cls) -> set[str]:
        """Groups of third countries not associated to the programme."""
        return {cls.REGIONS_1_12, cls.REGION_13, cls.REGION_14}


def _check_days(row) -> None:
    if row.days_to is not None and row.days_to < row.days_from:
        raise ValidationError({"days_to": _("The days end before they start.")})


class ErasmusRateRow(BaseModel):
    """What every Erasmus+ rate row carries: its call year, source and status."""

    call_year = models.PositiveSmallIntegerField(_("call year"))
    source = models.TextField(_("source"))
    status = models.CharField(_("verification"), max_length=1, choices=VerificationStatus.choices)

    class Meta(BaseModel.Meta):
        abstract = True

    @property
    def is_verified(self) -> bool:
        return self.status == VerificationStatus.VERIFIED


class ErasmusTravelBand(ErasmusRateRow):
    """Travel support per participant for a return trip, by one-way distance band.

    A distance belongs to the band with the greatest ``min_km`` not above it (inclusive
    lower bounds); ``max_km`` is empty for the open last band. ``green`` is empty where the
    call year defines no green-travel amount.
    """

    min_km = models.PositiveIntegerField(_("from km"))
    max_km = models.PositiveIntegerField(_("to km"), null=True, blank=True)
    standard = models.DecimalField(_("standard travel (EUR)"), max_digits=9, decimal_places=2)
    green = models.DecimalField(
        _("green travel (EUR)"), max_digits=9, decimal_places=2, null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta(ErasmusRateRow.Meta):
        verbose_name = _("Erasmus+ travel band")
        verbose_name_plural = _("Erasmus+ travel bands")
        ordering = ("-call_year", "min_km")
        constraints = [
            models.UniqueConstraint(fields=("call_year", "min_km"), name="grants_band_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.call_year}: {self.label}"

    @property
    def label(self) -> str:
        """The band as the forms write it: ``"4000-7999"`` or ``"8000+"``."""
        if self.max_km is None:
            return f"{self.min_km}+"
        return f"{self.min_km}-{self.max_km}"

    def clean(self) -> None:
        if self.max_km is not None and self.max_km < self.min_km:
            raise ValidationError({"max_km": _("The band ends before it starts.")})


class ErasmusCountryGroup(ErasmusRateRow):
    """Which group a host country belongs to for a call year.

    Students' amounts and staff amounts may use different groupings (from call 2024 the
    staff groups changed), hence ``scheme``.
    """

    class Scheme(models.TextChoices):
        STUDENTS = "students", _("Students")
        STAFF = "staff", _("Staff")

    scheme = models.CharField(_("grouping"), max_length=10, choices=Scheme.choices)
    country = models.CharField(_("country"), max_length=2)
    group = models.CharField(_("group"), max_length=20, choices=GroupCode.choices)

    history = HistoricalRecords()

    class Meta(ErasmusRateRow.Meta):
        verbose_name = _("Erasmus+ country group")
        verbose_name_plural = _("Erasmus+ country groups")
        ordering = ("-call_year", "scheme", "group", "country")
        constraints = [
            models.UniqueConstraint(
                fields=("call_year", "scheme", "country"), name="grants_country_group_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.call_year} {self.scheme}: {self.country} → {self.get_group_display()}"


class ErasmusIndividualRate(ErasmusRateRow):
    """Individual support: an amount per month or per day for a destination group.

    Daily rates come in tiers of days (short-term students: days 1–14 and 15–30; staff:
    days 1–14 and, at 70 %, days 15–60); a monthly rate has one tier. An empty
    ``country_group`` applies to every destination.
    """

    class Unit(models.TextChoices):
        MONTH = "month", _("per month")
        DAY = "day", _("per day")

    class Direction(models.TextChoices):
        TO_PROGRAMME = "to-programme", _("To EU and associated countries")
        TO_THIRD = "to-third", _("To third countries not associated")
        ANY = "any", _("Any")

    action = models.CharField(_("action"), max_length=5, choices=Action.choices)
    participant = models.CharField(_("participant"), max_length=15, choices=Participant.choices)
    direction = models.CharField(_("direction"), max_length=15, choices=Direction.choices)
    country_group = models.CharField(
        _("country group"), max_length=20, choices=GroupCode.choices, blank=True
    )
    unit = models.CharField(_("unit"), max_length=5, choices=Unit.choices)
    days_from = models.PositiveSmallIntegerField(_("from day"), default=1)
    days_to = models.PositiveSmallIntegerField(_("to day"), null=True, blank=True)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=9, decimal_places=2)

    history = HistoricalRecords()

    class Meta(ErasmusRateRow.Meta):
        verbose_name = _("Erasmus+ individual support rate")
        verbose_name_plural = _("Erasmus+ individual support rates")
        ordering = ("-call_year", "action", "participant", "country_group", "days_from")
        constraints = [
            models.UniqueConstraint(
                fields=("call_year", "action", "participant", "country_group", "days_from"),
                name="grants_individual_rate_unique",
            ),
        ]

    def __str__(self) -> str:
        group = self.get_country_group_display() if self.country_group else "*"
        return f"{self.call_year} {self.action} {self.participant} {group}: {self.amount}"

    def clean(self) -> None:
        _check_days(self)
        if self.country_group and self.direction != self.Direction.ANY:
            to_third = self.country_group in GroupCode.third_countries()
            if to_third != (self.direction == self.Direction.TO_THIRD):
                raise ValidationError(
                    {"direction": _("The direction does not match the country group.")}
                )


class ErasmusTopUp(ErasmusRateRow):
    """A top-up added to individual support.

    ``unit`` says how ``amount`` is paid: per month (long-term) or once; one-off amounts
    may depend on the duration in days (``days_from``–``days_to``). Green travel adds
    ``extra_days`` of individual support besides its amount.
    """

    class Kind(models.TextChoices):
        FEWER_OPPORTUNITIES = "fewer-opportunities", _("Fewer opportunities")
        TRAINEESHIP = "traineeship", _("Traineeship")
        GREEN_TRAVEL = "green-travel", _("Green travel")

    class Unit(models.TextChoices):
        MONTH = "month", _("per month")
        ONCE = "once", _("once")

    action = models.CharField(_("action"), max_length=5, choices=Action.choices)
    participant = models.CharField(_("participant"), max_length=15, choices=Participant.choices)
    kind = models.CharField(_("top-up"), max_length=20, choices=Kind.choices)
    unit = models.CharField(_("unit"), max_length=5, choices=Unit.choices)
    days_from = models.PositiveSmallIntegerField(_("from day"), default=1)
    days_to = models.PositiveSmallIntegerField(_("to day"), null=True, blank=True)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=9, decimal_places=2)
    extra_days = models.PositiveSmallIntegerField(_("extra days of support"), default=0)

    history = HistoricalRecords()

    class Meta(ErasmusRateRow.Meta):
        verbose_name = _("Erasmus+ top-up")
        verbose_name_plural = _("Erasmus+ top-ups")
        ordering = ("-call_year", "action", "participant", "kind", "days_from")
        constraints = [
            models.UniqueConstraint(
                fields=("call_year", "action", "participant", "kind", "days_from"),
                name="grants_top_up_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.call_year} {self.action} {self.participant} {self.kind}: {self.amount}"

    def clean(self) -> None:
        _check_days(self)
