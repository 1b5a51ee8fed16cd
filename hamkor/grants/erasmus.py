"""The Erasmus+ grant calculator: pure functions over the rate tables.

Every amount comes from the tables of the project's call year (see :mod:`models`); the
code holds only the arithmetic the programme guide describes:

* distance: great-circle (haversine) km between origin and venue, a pre-fill that the
  official calculator's figure replaces; the band is the one with the greatest lower
  bound not above the distance; below the first band there is no travel support;
* individual support: whole months × monthly rate + remaining days × monthly rate ÷ 30,
  or day by day through the daily tiers (short-term students 1–14 and 15–30; staff
  1–14 and 15–60 at 70 %, both as rows of the table);
* top-ups: per month like the monthly rate, or once (by duration where the table says);
  green travel adds its amount and extra days of individual support.

Amounts are EUR, rounded half up to the cent per component; the total is their sum.
A case the tables do not cover raises :class:`RateMissing` naming the missing rate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from hamkor.grants.models import (
    Action,
    ErasmusCountryGroup,
    ErasmusIndividualRate,
    ErasmusRateRow,
    ErasmusTopUp,
    ErasmusTravelBand,
    GroupCode,
    Participant,
)

CENT = Decimal("0.01")
EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
DAYS_IN_A_MONTH = 30  # the guide's month for remaining days


class GrantInputError(ValueError):
    """The request itself is wrong (coordinates, durations); the message says how."""


class RateMissing(LookupError):
    """The tables hold no rate for this case; the message names the missing rate."""


@dataclass(frozen=True)
class GrantRequest:
    call_year: int
    action: str
    participant: str
    km: Decimal
    days: int | None = None
    months: int | None = None
    extra_days: int = 0
    country: str = ""
    green: bool = False
    fewer_opportunities: bool = False
    traineeship: bool = False
    travel_only: bool = False


@dataclass
class GrantResult:
    distance_km: Decimal
    band: str | None
    travel: Decimal = Decimal(0)
    individual: Decimal = Decimal(0)
    top_ups: Decimal = Decimal(0)
    rows: list[ErasmusRateRow] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return self.travel + self.individual + self.top_ups

    @property
    def unverified(self) -> bool:
        return any(not row.is_verified for row in self.rows)

    def as_dict(self) -> dict:
        """The command's JSON object: amounts as numbers, EUR."""
        return {
            "distance_km": float(self.distance_km),
            "band": self.band,
            "travel": float(self.travel),
            "individual": float(self.individual),
            "top_ups": float(self.top_ups),
            "total": float(self.total),
            "unverified": self.unverified,
        }


def cents(value: Decimal) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def point_parse(text: str) -> tuple[float, float]:
    """``"LAT,LON"`` in decimal degrees, checked: latitude −90..90, longitude −180..180."""
    try:
        lat_text, lon_text = text.split(",")
        lat, lon = float(lat_text), float(lon_text)
    except ValueError as exc:
        raise GrantInputError(
            _("%(text)s is not a point: write LAT,LON in decimal degrees.") % {"text": text}
        ) from exc
    if not (math.isfinite(lat) and -90 <= lat <= 90):
        raise GrantInputError(
            _("Latitude %(value)s is out of range (−90 to 90).") % {"value": lat_text.strip()}
        )
    if not (math.isfinite(lon) and -180 <= lon <= 180):
        raise GrantInputError(
            _("Longitude %(value)s is out of range (−180 to 180).") % {"value": lon_text.strip()}
        )
    return lat, lon


def distance_km(origin: tuple[float, float], venue: tuple[float, float]) -> Decimal:
    """Great-circle distance in km (haversine), to the cent: a pre-fill for the form."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*origin, *venue))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return cents(Decimal(2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))))


def band_for(*, call_year: int, km: Decimal) -> ErasmusTravelBand | None:
    """The travel band of ``km`` for the call year, or None below the first band."""
    bands = ErasmusTravelBand.objects.filter(call_year=call_year)
    if not bands.exists():
        raise RateMissing(
            _("No Erasmus+ travel rates for call year %(year)s.") % {"year": call_year}
        )
    return bands.filter(min_km__lte=km).order_by("-min_km").first()


def travel_amount(band: ErasmusTravelBand, *, green: bool) -> Decimal:
    if not green:
        return band.standard
    if band.green is None:
        raise RateMissing(
            _("No green travel rate for %(band)s km in call year %(year)s.")
            % {"band": band.label, "year": band.call_year}
        )
    return band.green


def travel_supported(*, action: str, participant: str, group: str, fewer: bool) -> bool:
    """Whether the participant receives travel support (programme guide, see the README):
    staff always; KA171 students; KA131 students going to third countries, or on
    short-term mobility with fewer opportunities; other KA131 students do not."""
    if participant == Participant.STAFF or action == Action.KA171:
        return True
    if group in GroupCode.third_countries():
        return True
    return participant == Participant.STUDENT_SHORT and fewer


def country_group(*, request: GrantRequest) -> ErasmusCountryGroup:
    # KA131 staff amounts use their own grouping; everything else the students' one.
    scheme = (
        ErasmusCountryGroup.Scheme.STAFF
        if request.action == Action.KA131 and request.participant == Participant.STAFF
        else ErasmusCountryGroup.Scheme.STUDENTS
    )
    row = ErasmusCountryGroup.objects.filter(
        call_year=request.call_year, scheme=scheme, country=request.country
    ).first()
    if row is None:
        raise RateMissing(
            _("No Erasmus+ country group for %(country)s (%(scheme)s) in call year %(year)s.")
            % {
                "country": request.country,
                "scheme": ErasmusCountryGroup.Scheme(scheme).label,
                "year": request.call_year,
            }
        )
    return row


def _daily(tiers, first_day: int, last_day: int, *, beyond_last: bool = False) -> Decimal:
    """Days ``first_day``..``last_day`` priced through the tiers; with ``beyond_last``
    (green travel days after the last activity day) days past the last tier take its rate."""
    total = Decimal(0)
    last = max(tiers, key=lambda tier: tier.days_from)
    for day in range(first_day, last_day + 1):
        tier = next(
            (t for t in tiers if t.days_from <= day and (t.days_to is None or day <= t.days_to)),
            None,
        )
        if tier is None and beyond_last and day > (last.days_to or day):
            tier = last
        if tier is None:
            raise RateMissing(_("No daily rate for day %(day)s.") % {"day": day})
        total += tier.amount
    return total


def _monthly(amount: Decimal, months: int, days: int) -> Decimal:
    return amount * months + amount * days / DAYS_IN_A_MONTH


def individual_rates(*, request: GrantRequest, group: str) -> list[ErasmusIndividualRate]:
    rows = list(
        ErasmusIndividualRate.objects.filter(
            call_year=request.call_year,
            action=request.action,
            participant=request.participant,
            country_group__in=(group, ""),
        )
    )
    # A rate for the destination's group prevails over one for every destination.
    specific = [row for row in rows if row.country_group == group]
    rows = specific or rows
    if not rows:
        raise RateMissing(
            _("No %(action)s %(participant)s rate for %(group)s in call year %(year)s.")
            % {
                "action": request.action,
                "participant": request.participant,
                "group": GroupCode(group).label,
                "year": request.call_year,
            }
        )
    return rows


def top_up_rows(*, request: GrantRequest, kind: str) -> list[ErasmusTopUp]:
    rows = list(
        ErasmusTopUp.objects.filter(
            call_year=request.call_year,
            action=request.action,
            participant=request.participant,
            kind=kind,
        )
    )
    if not rows:
        raise RateMissing(
            _("No %(action)s %(participant)s %(top_up)s top-up in call year %(year)s.")
            % {
                "action": request.action,
                "participant": request.participant,
                "top_up": ErasmusTopUp.Kind(kind).label.lower(),
                "year": request.call_year,
            }
        )
    return rows


def _top_up_amount(rows: list[ErasmusTopUp], request: GrantRequest) -> tuple[Decimal, ErasmusTopUp]:
    if request.months is not None:
        row = rows[0]
        if row.unit == ErasmusTopUp.Unit.MONTH:
            return _monthly(row.amount, request.months, request.extra_days), row
        return row.amount, row
    days = request.days or 0
    for row in rows:
        if row.days_from <= days and (row.days_to is None or days <= row.days_to):
            return row.amount, row
    raise RateMissing(
        _("No %(top_up)s top-up for %(days)s days in call year %(year)s.")
        % {
            "top_up": ErasmusTopUp.Kind(rows[0].kind).label.lower(),
            "days": days,
            "year": request.call_year,
        }
    )


def request_check(request: GrantRequest) -> None:
    """Refuse durations that do not fit the participant type."""
    if request.km < 0:
        raise GrantInputError(_("The distance cannot be negative."))
    if request.travel_only:
        return
    if request.participant == Participant.STUDENT_LONG:
        if request.months is None:
            raise GrantInputError(_("Long-term mobility needs --months (and --extra-days)."))
        if request.days is not None:
            raise GrantInputError(_("Long-term mobility is counted in --months and --extra-days."))
        if request.months < 0 or not 0 <= request.extra_days < DAYS_IN_A_MONTH:
            raise GrantInputError(_("Give whole months and 0 to 29 extra days."))
    else:
        if request.days is None:
            raise GrantInputError(_("Short-term and staff mobility need --days."))
        if request.months is not None:
            raise GrantInputError(_("Short-term and staff mobility are counted in --days."))
        if request.days < 1:
            raise GrantInputError(_("The mobility must last at least one day."))
    if not request.country:
        raise GrantInputError(_("Give the host country (--country) for individual support."))


def erasmus_grant(request: GrantRequest) -> GrantResult:
    """Travel support, individual support and top-ups of one mobility."""
    request_check(request)
    band = band_for(call_year=request.call_year, km=request.km)
    result = GrantResult(distance_km=cents(request.km), band=band.label if band else None)
    if request.travel_only:
        if band is not None:
            result.travel = cents(travel_amount(band, green=request.green))
            result.rows.append(band)
        return result

    group_row = country_group(request=request)
    result.rows.append(group_row)
    group = group_row.group
    with_travel = travel_supported(
        action=request.action,
        participant=request.participant,
        group=group,
        fewer=request.fewer_opportunities,
    )
    if with_travel and band is not None:
        result.travel = cents(travel_amount(band, green=request.green))
        result.rows.append(band)

    tiers = individual_rates(request=request, group=group)
    result.rows.extend(tiers)
    monthly = tiers[0].unit == ErasmusIndividualRate.Unit.MONTH
    if monthly:
        if request.months is None:
            raise GrantInputError(_("This rate is monthly: give --months and --extra-days."))
        individual = _monthly(tiers[0].amount, request.months, request.extra_days)
    else:
        if request.days is None:
            raise GrantInputError(_("This rate is daily: give --days."))
        individual = _daily(tiers, 1, request.days)
    result.individual = cents(individual)

    top_ups = Decimal(0)
    kinds = []
    if request.fewer_opportunities:
        kinds.append(ErasmusTopUp.Kind.FEWER_OPPORTUNITIES)
    if request.traineeship:
        kinds.append(ErasmusTopUp.Kind.TRAINEESHIP)
    for kind in kinds:
        amount, row = _top_up_amount(top_up_rows(request=request, kind=kind), request)
        top_ups += amount
        result.rows.append(row)
    # Green travel days: staff always, students only when they get no travel support
    # (students with travel support are paid the green band instead).
    if request.green and (request.participant == Participant.STAFF or not with_travel):
        row = top_up_rows(request=request, kind=ErasmusTopUp.Kind.GREEN_TRAVEL)[0]
        top_ups += row.amount
        if row.extra_days:
            if monthly:
                top_ups += _monthly(tiers[0].amount, 0, row.extra_days)
            else:
                start = request.days + 1
                top_ups += _daily(tiers, start, request.days + row.extra_days, beyond_last=True)
        result.rows.append(row)
    result.top_ups = cents(top_ups)
    return result
