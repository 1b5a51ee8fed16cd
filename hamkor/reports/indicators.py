"""Ranking indicators per calendar year, as QS and THE define them, from the records and the
university's own totals (:class:`~hamkor.reports.models.UniversityYear`).

What each indicator counts (each one's definition, as the page shows it, is in
:data:`INDICATORS`):

* **Shares** of international students and of international academic staff: the part over
  the whole, as a percentage with one decimal. The wholes are the office's totals for the
  year; the international students are the office's number when entered, else the foreign
  degree students on record who were studying on the **census day**, 1 October of the year
  (the start of the academic year, when the national statistics count students): enrolled
  on or before it, and neither graduated nor withdrawn by then. For the current year before
  1 October, the census day is today. A missing or zero whole gives no share but the reason
  (:class:`Value`), never a division by zero. Shares are the whole university's: asked for
  a faculty, they answer that reason.
* **Inbound and outbound exchange students**: distinct people on a student mobility (study
  or traineeship: credit mobility; degree students are foreign students, not mobilities)
  carried out in the year (:func:`hamkor.reports.series.mobilities_carried_out`: in progress
  or completed, begun in the year).
* **Partner institutions**: foreign institutions (of any kind, not in the home country)
  party to an agreement in force on at least one day of the year. An agreement that expired
  or was terminated in June counts for its last year, as one signed in November counts for
  its first (:meth:`hamkor.agreements.models.Agreement.in_force`, stretched to a year).
* **Partners in the QS top 500 and top 1000**: those partners whose QS World rank for the
  year is that good or better, by the rule of :func:`hamkor.mobility.selectors.qs_top_by_year`
  (the newest edition named at most the year + 1, the worse bound of a band).

:func:`indicator_years` computes every indicator for several years in a fixed number of
queries, whatever the amount of data.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, F, Q
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import in_faculty
from hamkor.accounts.models import OrgUnit
from hamkor.agreements.models import Agreement, AgreementParty
from hamkor.mobility.figures import STUDENT_KINDS
from hamkor.mobility.models import Mobility
from hamkor.mobility.selectors import qs_top_by_year
from hamkor.partners.models import Institution
from hamkor.reports.achievements import Period
from hamkor.reports.models import UniversityYear
from hamkor.reports.series import mobilities_carried_out
from hamkor.students.models import ForeignStudent

CENSUS_MONTH, CENSUS_DAY = 10, 1
PERCENT, COUNT = "percent", "count"


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    # In our own words; ``source`` names where the ranking defines it.
    definition: str
    source: str
    unit: str = COUNT
    # Whether the value grows through the year (a count of trips), so that a target may be
    # expected pro rata; a share or a number of partners does not.
    cumulative: bool = False


QS_SOURCE = _("QS World University Rankings methodology")
INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "international_students_share",
        _("Share of international students"),
        _(
            "International students as a percentage of all students of the university. "
            "International students are the office's number for the year, or else the "
            "foreign degree students on record studying on the census day (1 October)."
        ),
        _(
            "QS World University Rankings methodology: International Student Ratio; THE "
            "World University Rankings, International outlook: proportion of international "
            "students."
        ),
        PERCENT,
    ),
    Indicator(
        "international_faculty_share",
        _("Share of international academic staff"),
        _(
            "International teaching and research staff as a percentage of all academic "
            "staff, both as entered by the office for the year."
        ),
        _(
            "QS World University Rankings methodology: International Faculty Ratio; THE World "
            "University Rankings, International outlook: proportion of international staff."
        ),
        PERCENT,
    ),
    Indicator(
        "inbound_exchange",
        _("Inbound exchange students"),
        _(
            "Students of other universities who came to study or train here for a period "
            "(credit mobility) in the year: distinct people, mobilities in progress or "
            "completed that began in the year."
        ),
        _(
            "QS inbound exchange students, used in some QS regional rankings (such as Asia "
            "and Emerging Europe and Central Asia)."
        ),
        cumulative=True,
    ),
    Indicator(
        "outbound_exchange",
        _("Outbound exchange students"),
        _(
            "Our students who went to another university to study or train for a period "
            "(credit mobility) in the year: distinct people, mobilities in progress or "
            "completed that began in the year."
        ),
        _(
            "QS outbound exchange students, used in some QS regional rankings (such as Asia "
            "and Emerging Europe and Central Asia)."
        ),
        cumulative=True,
    ),
    Indicator(
        "partner_institutions",
        _("Partner institutions"),
        _(
            "Foreign institutions party to an agreement or memorandum in force on at least "
            "one day of the year (one that expired in the year counts for it)."
        ),
        _(
            "QS World University Rankings methodology: International Research Network; THE "
            "World University Rankings, International outlook: international collaboration."
        ),
    ),
    Indicator(
        "partners_qs500",
        _("Partners in the QS top 500"),
        _(
            "Partner institutions of the year whose QS World University Rankings rank for "
            "that year is 500 or better (the edition published in the year, named after the "
            "next one; a band such as 451–500 counts as its last place, 500)."
        ),
        QS_SOURCE,
    ),
    Indicator(
        "partners_qs1000",
        _("Partners in the QS top 1000"),
        _(
            "Partner institutions of the year whose QS World University Rankings rank for "
            "that year is 1000 or better, by the same rule as the top 500."
        ),
        QS_SOURCE,
    ),
)
BY_KEY = {indicator.key: indicator for indicator in INDICATORS}
KEYS = tuple(BY_KEY)

# Why a value is missing, by code (kept in snapshots as the code, shown in the reader's
# language); each names the year.
REASONS = {
    "students_total_missing": _("Enter the number of students for %(year)d."),
    "students_total_zero": _("The number of students for %(year)d is zero: enter the real one."),
    "faculty_total_missing": _("Enter the number of academic staff for %(year)d."),
    "faculty_total_zero": _(
        "The number of academic staff for %(year)d is zero: enter the real one."
    ),
    "international_faculty_missing": _(
        "Enter the number of international academic staff for %(year)d."
    ),
    "university_only": _("A share is computed for the whole university only."),
}


@dataclass(frozen=True)
class Value:
    """An indicator's value for a year, or the code of the reason there is none."""

    year: int
    value: Decimal | int | None
    missing: str = ""

    @property
    def reason(self) -> str:
        return str(REASONS[self.missing]) % {"year": self.year} if self.missing else ""

    def as_json(self) -> dict:
        return {"value": None if self.value is None else str(self.value), "missing": self.missing}

    @classmethod
    def from_json(cls, year: int, unit: str, stored: dict) -> Value:
        raw = stored.get("value")
        if raw is None:
            return cls(year, None, stored.get("missing", ""))
        return cls(year, Decimal(raw) if unit == PERCENT else int(raw))


@dataclass(frozen=True)
class Inputs:
    """What the shares were computed from: the office's totals and the counted students."""

    students_total: int | None
    faculty_total: int | None
    international_students: int | None
    international_students_counted: bool
    international_faculty: int | None
    census: datetime.date

    def as_json(self) -> dict:
        return {**self.__dict__, "census": self.census.isoformat()}


@dataclass
class YearIndicators:
    year: int
    values: dict[str, Value]
    inputs: Inputs | None
    record: UniversityYear | None = None
    snapshot: dict = field(default_factory=dict)


def census_day(year: int, today: datetime.date | None = None) -> datetime.date:
    """1 October of ``year``; today, for the current year before then."""
    today = today or timezone.localdate()
    day = datetime.date(year, CENSUS_MONTH, CENSUS_DAY)
    return today if year == today.year and today < day else day


def _studying_on(day: datetime.date) -> Q:
    left = (ForeignStudent.Status.GRADUATED, ForeignStudent.Status.WITHDRAWN)
    return (
        Q(enrolled_on__lte=day)
        & ~Q(status=ForeignStudent.Status.ADMITTED)
        & ~Q(status__in=left, status_changed_at__date__lte=day)
    )


def foreign_students_counted(censuses: dict[int, datetime.date]) -> dict[int, int]:
    """The foreign students studying on each year's census day: one query."""
    if not censuses:
        return {}
    counts = ForeignStudent.objects.aggregate(
        **{f"y{year}": Count("pk", filter=_studying_on(day)) for year, day in censuses.items()}
    )
    return {year: counts[f"y{year}"] for year in censuses}


def exchange_students(years: Sequence[int], faculty: OrgUnit | None) -> dict[tuple[int, str], int]:
    """Distinct people on a student mobility carried out, by (year, direction): one query."""
    period = Period(
        start=datetime.date(min(years), 1, 1),
        end=datetime.date(max(years), 12, 31),
        on=datetime.date(max(years), 12, 31),
        faculty=faculty,
    )
    rows = (
        mobilities_carried_out(period)
        .filter(kind__in=STUDENT_KINDS)
        .annotate(_year=ExtractYear("_began"))
        .order_by()
        .values_list("_year", "direction")
        .annotate(n=Count("person", distinct=True))
    )
    return {(year, direction): n for year, direction, n in rows}


def partners_by_year(years: Sequence[int], faculty: OrgUnit | None) -> dict[int, set[int]]:
    """The foreign institutions party to an agreement in force on some day of each year: one
    query over the agreements' parties, the years worked out here."""
    first, last = datetime.date(min(years), 1, 1), datetime.date(max(years), 12, 31)
    agreements = Agreement.objects.filter(status__in=Agreement.SIGNED, signed_on__isnull=False)
    if faculty is not None:
        agreements = agreements.filter(in_faculty("scope_units", faculty.pk))
    home = Institution.objects.filter(is_home=True).values_list("country", flat=True)
    parties = (
        AgreementParty.objects.filter(agreement__in=agreements.values("pk"))
        .exclude(institution__is_home=True)
        .exclude(institution__country__in=home)
        .annotate(_from=Coalesce("agreement__valid_from", "agreement__signed_on"))
        .filter(_from__lte=last)
        .filter(Q(agreement__valid_to__isnull=True) | Q(agreement__valid_to__gte=first))
        .filter(Q(agreement__terminated_on__isnull=True) | Q(agreement__terminated_on__gte=first))
        .values_list("institution", "_from", F("agreement__valid_to"), "agreement__terminated_on")
    )
    found: dict[int, set[int]] = defaultdict(set)
    for institution, begins, valid_to, terminated_on in parties:
        ends = min(day for day in (valid_to, terminated_on, last) if day is not None)
        for year in years:
            if begins <= datetime.date(year, 12, 31) and ends >= datetime.date(year, 1, 1):
                found[year].add(institution)
    return found


def _qs_ids(spans, year: int) -> set[int]:
    for first, last, ids in spans:
        if (first is None or first <= year) and (last is None or year <= last):
            return ids
    return set()


def _share(year: int, part: int | None, whole: int | None, *, whole_code: str, part_code: str):
    if whole is None:
        return Value(year, None, f"{whole_code}_missing")
    if whole == 0:
        return Value(year, None, f"{whole_code}_zero")
    if part is None:
        return Value(year, None, part_code)
    share = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return Value(year, share)


def _inputs(record: UniversityYear | None, counted: int, census: datetime.date) -> Inputs:
    entered = record.international_students if record else None
    return Inputs(
        students_total=record.students_total if record else None,
        faculty_total=record.faculty_total if record else None,
        international_students=counted if entered is None else entered,
        international_students_counted=entered is None,
        international_faculty=record.international_faculty if record else None,
        census=census,
    )


def indicator_years(
    years: Sequence[int],
    *,
    faculty: OrgUnit | None = None,
    today: datetime.date | None = None,
) -> list[YearIndicators]:
    """The live value of every indicator for each of ``years`` (calendar years), with the
    inputs of the shares and each year's record of totals (and its snapshot, if closed).

    With ``faculty``, the counts are that faculty's (its people's mobilities, its
    agreements) and the shares answer "the whole university only". Seven queries whatever
    the amount of data (five with a faculty).
    """
    years = sorted(set(years))
    if not years:
        return []
    today = today or timezone.localdate()
    records, censuses, counted = {}, {}, {}
    if faculty is None:
        records = {
            record.year: record
            for record in UniversityYear.objects.filter(year__in=years).select_related("closed_by")
        }
        censuses = {year: census_day(year, today) for year in years}
        counted = foreign_students_counted(censuses)
    exchange = exchange_students(years, faculty)
    partners = partners_by_year(years, faculty)
    top500, top1000 = qs_top_by_year(500), qs_top_by_year(1000)
    result = []
    for year in years:
        record = records.get(year)
        inputs = None
        if faculty is None:
            inputs = _inputs(record, counted[year], censuses[year])
            students = _share(
                year,
                inputs.international_students,
                inputs.students_total,
                whole_code="students_total",
                part_code="students_total_missing",
            )
            staff = _share(
                year,
                inputs.international_faculty,
                inputs.faculty_total,
                whole_code="faculty_total",
                part_code="international_faculty_missing",
            )
        else:
            students = staff = Value(year, None, "university_only")
        values = {"international_students_share": students, "international_faculty_share": staff}
        values |= {
            "inbound_exchange": Value(year, exchange.get((year, Mobility.Direction.INCOMING), 0)),
            "outbound_exchange": Value(year, exchange.get((year, Mobility.Direction.OUTGOING), 0)),
            "partner_institutions": Value(year, len(partners[year])),
            "partners_qs500": Value(year, len(partners[year] & _qs_ids(top500, year))),
            "partners_qs1000": Value(year, len(partners[year] & _qs_ids(top1000, year))),
        }
        snapshot = record.snapshot if record is not None and record.is_closed else {}
        result.append(YearIndicators(year, values, inputs, record, snapshot))
    return result


def snapshot_of(year: YearIndicators) -> dict:
    """What closing the year keeps: every indicator's value (or reason) and the inputs."""
    return {
        "values": {key: value.as_json() for key, value in year.values.items()},
        "inputs": year.inputs.as_json() if year.inputs else {},
    }


def snapshot_values(year: int, snapshot: dict) -> dict[str, Value]:
    """The indicators' values kept in a closed year's snapshot."""
    stored = snapshot.get("values", {})
    return {
        key: Value.from_json(year, BY_KEY[key].unit, stored[key]) for key in KEYS if key in stored
    }


def reported_values(year: YearIndicators) -> dict[str, Value]:
    """The values a report states for the year: the snapshot's for a closed year (an
    indicator added since reads live), else the live ones."""
    if not year.snapshot:
        return year.values
    return {**year.values, **snapshot_values(year.year, year.snapshot)}
