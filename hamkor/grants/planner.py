"""A planned set of Erasmus+ mobilities (a KA131 or KA171 budget): each line's grant and
the total, from the rate tables of the call year. Computed, never saved."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from hamkor.core.countries import countries
from hamkor.core.forms import Form
from hamkor.grants.erasmus import (
    GrantInputError,
    GrantRequest,
    GrantResult,
    RateMissing,
    distance_km,
    erasmus_grant,
    point_parse,
)
from hamkor.grants.models import Action, ErasmusTravelBand, Participant


class PlanForm(Form):
    call_year = forms.IntegerField(
        label=_("Call year"), validators=[MinValueValidator(2014), MaxValueValidator(2100)]
    )
    action = forms.ChoiceField(label=_("Erasmus+ action"), choices=Action.choices)


class PlanLineForm(Form):
    # Blank first options: an untouched extra line stays unchanged and is left out.
    participant = forms.ChoiceField(
        label=_("Participant"), choices=[("", "—"), *Participant.choices]
    )
    count = forms.IntegerField(label=_("Number"), min_value=1, max_value=1000)
    country = forms.ChoiceField(label=_("Host country"), choices=lambda: [("", "—"), *countries])
    km = forms.DecimalField(
        label=_("Distance (km)"),
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
        help_text=_("The official calculator's km; or give the two points below."),
    )
    origin = forms.CharField(label=_("Origin (lat, lon)"), required=False, max_length=60)
    venue = forms.CharField(label=_("Venue (lat, lon)"), required=False, max_length=60)
    days = forms.IntegerField(label=_("Days"), required=False, min_value=1, max_value=400)
    months = forms.IntegerField(label=_("Months"), required=False, min_value=0, max_value=12)
    extra_days = forms.IntegerField(
        label=_("Extra days"), required=False, min_value=0, max_value=29
    )
    green = forms.BooleanField(label=_("Green travel"), required=False)
    fewer_opportunities = forms.BooleanField(label=_("Fewer opportunities"), required=False)
    traineeship = forms.BooleanField(label=_("Traineeship"), required=False)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        km = cleaned.get("km")
        origin, venue = cleaned.get("origin", "").strip(), cleaned.get("venue", "").strip()
        try:
            if km is None:
                if not (origin and venue):
                    raise forms.ValidationError(
                        _("Give the distance in km, or both the origin and the venue.")
                    )
                km = distance_km(point_parse(origin), point_parse(venue))
        except GrantInputError as exc:
            raise forms.ValidationError(str(exc)) from exc
        cleaned["distance"] = km
        return cleaned


PlanLineFormSet = forms.formset_factory(PlanLineForm, extra=3, max_num=50, validate_max=True)


@dataclass
class PlanLine:
    number: int
    count: int
    result: GrantResult | None = None
    error: str = ""

    @property
    def total(self) -> Decimal:
        return self.result.total * self.count if self.result else Decimal(0)


@dataclass
class Plan:
    lines: list[PlanLine] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal(0))

    @property
    def participants(self) -> int:
        return sum(line.count for line in self.lines if line.result)

    @property
    def unverified(self) -> bool:
        return any(line.result and line.result.unverified for line in self.lines)

    @property
    def refused(self) -> int:
        return sum(1 for line in self.lines if line.error)


def call_year_default(this_year: int) -> int:
    """The call year the planner starts with: the latest one, not after ``this_year``, whose
    rate tables are loaded (a new call's tables come months after January); ``this_year``
    when there are none."""
    latest = ErasmusTravelBand.objects.filter(call_year__lte=this_year).aggregate(Max("call_year"))
    return latest["call_year__max"] or this_year


def plan_compute(*, call_year: int, action: str, lines: list[dict]) -> Plan:
    """Each line's grant per participant and for its number of participants."""
    plan = Plan()
    for number, line in enumerate(lines, start=1):
        row = PlanLine(number=number, count=line["count"])
        request = GrantRequest(
            call_year=call_year,
            action=action,
            participant=line["participant"],
            km=Decimal(line["distance"]),
            days=line.get("days"),
            months=line.get("months"),
            extra_days=line.get("extra_days") or 0,
            country=line["country"],
            green=line.get("green", False),
            fewer_opportunities=line.get("fewer_opportunities", False),
            traineeship=line.get("traineeship", False),
        )
        try:
            row.result = erasmus_grant(request)
        except (GrantInputError, RateMissing) as exc:
            row.error = str(exc)
        plan.lines.append(row)
    return plan
