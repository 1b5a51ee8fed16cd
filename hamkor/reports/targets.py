"""Strategy targets against what was achieved: the figures a target may be set on, and
:func:`targets_progress`, the table the progress page and the annual report print.

A target is set on a ranking indicator (:mod:`hamkor.reports.indicators`) or on an
achievement (:mod:`hamkor.reports.achievements`), for a calendar year, for the university or
one faculty. Its actual value is the figure for that year: an achievement over 1 January to
31 December (the partners in force on 31 December, or today in the current year; the
countries of ``agreement_countries`` counted), an indicator as the indicators page shows it
(the snapshot of a closed year).

How far it is reached:

* **reached**: the actual value is at least the target (a target of 0 is reached at once);
* a past year not reached is **not reached**: the year is over, nothing is "behind" any more;
* in the current year, a figure that grows through the year (a count of trips, agreements,
  money) is expected *pro rata*: the target × the share of the year gone by today. At or
  above that it is **ahead** (of schedule), below it **behind**. A figure that does not
  accumulate (a share, the partners in force) is compared with the whole target;
* a year not begun is **upcoming**;
* an indicator with no value (a share whose total is missing) is **unknown**, with the reason.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.models import OrgUnit
from hamkor.reports import achievements as achieved
from hamkor.reports import indicators
from hamkor.reports.models import Target

USD = "usd"


@dataclass(frozen=True)
class Figure:
    """What a target may be set on."""

    key: str
    label: str
    unit: str  # indicators.PERCENT, indicators.COUNT or USD
    cumulative: bool
    is_indicator: bool


# Achievements that grow through the year; the partners in force on a day do not.
_NOT_CUMULATIVE = {"partner_universities_active"}

FIGURES: tuple[Figure, ...] = (
    *(Figure(i.key, i.label, i.unit, i.cumulative, True) for i in indicators.INDICATORS),
    *(
        Figure(
            a.key,
            a.label,
            USD if a.key == "grant_income_usd" else indicators.COUNT,
            a.key not in _NOT_CUMULATIVE,
            False,
        )
        for a in achieved.ACHIEVEMENTS
    ),
)
BY_KEY = {figure.key: figure for figure in FIGURES}
KEYS = tuple(BY_KEY)
# Shares have the university's totals as denominators: no faculty has its own.
UNIVERSITY_ONLY = frozenset(i.key for i in indicators.INDICATORS if i.unit == indicators.PERCENT)


def key_choices() -> list:
    """The figures, grouped, for a picker."""
    return [
        (_("Ranking indicators"), [(f.key, f.label) for f in FIGURES if f.is_indicator]),
        (_("Achievements"), [(f.key, f.label) for f in FIGURES if not f.is_indicator]),
    ]


REACHED, NOT_REACHED = "reached", "not_reached"
AHEAD, BEHIND, UPCOMING, UNKNOWN = "ahead", "behind", "upcoming", "unknown"
STATES = {
    REACHED: _("reached"),
    NOT_REACHED: _("not reached"),
    AHEAD: _("ahead"),
    BEHIND: _("behind"),
    UPCOMING: _("not begun"),
    UNKNOWN: _("unknown"),
}


@dataclass(frozen=True)
class Progress:
    """One target against its actual value; plain values a report can print.

    ``actual`` is None when the figure has no value (``reason`` says why); ``percent`` is the
    actual as a percentage of the target (None for a target of 0 or no actual); ``expected``
    the value expected by today in the current year (pro rata), else None.
    """

    target: Target
    figure: Figure
    year: int
    value: Decimal
    actual: Decimal | None
    reason: str
    percent: Decimal | None
    expected: Decimal | None
    state: str

    @property
    def key(self) -> str:
        return self.figure.key

    @property
    def label(self) -> str:
        return str(self.figure.label)

    @property
    def state_label(self) -> str:
        return str(STATES[self.state])

    @property
    def faculty(self) -> OrgUnit | None:
        return self.target.faculty


def year_elapsed(year: int, today: datetime.date) -> Decimal:
    """The share of ``year`` gone by at the end of ``today`` (0 before it, 1 after it)."""
    if year < today.year:
        return Decimal(1)
    if year > today.year:
        return Decimal(0)
    days = (datetime.date(year, 12, 31) - datetime.date(year, 1, 1)).days + 1
    return Decimal(today.timetuple().tm_yday) / Decimal(days)


def _actuals(year: int, faculty: OrgUnit | None, keys: set[str], today) -> dict:
    """The actual value of each key, as ``(value or None, reason)``."""
    found = {}
    if keys & set(indicators.KEYS):
        [computed] = indicators.indicator_years([year], faculty=faculty, today=today)
        for key, value in indicators.reported_values(computed).items():
            found[key] = (None if value.value is None else Decimal(value.value), value.reason)
    if keys & set(achieved.KEYS):
        end = datetime.date(year, 12, 31)
        period = achieved.Period(
            start=datetime.date(year, 1, 1),
            end=end,
            on=min(end, today) if year <= today.year else end,
            faculty=faculty,
        )
        for key, value in achieved.achievements(period).items():
            found[key] = (Decimal(len(value) if isinstance(value, list) else value), "")
    return found


def _state(figure: Figure, year: int, value, actual, expected, today) -> str:
    if year > today.year:
        return UPCOMING
    if actual is None:
        return UNKNOWN
    if actual >= value:
        return REACHED
    if year < today.year:
        return NOT_REACHED
    if figure.cumulative and expected is not None and actual >= expected:
        return AHEAD
    return BEHIND


def targets_progress(
    year: int, faculty: OrgUnit | None = None, *, today: datetime.date | None = None
) -> list[Progress]:
    """The targets of ``year`` (the university's, or with ``faculty`` that faculty's) with
    their actual values, in the order of :data:`FIGURES`. A fixed number of queries: the
    targets, then the indicators and the achievements once each when a target needs them.
    """
    today = today or timezone.localdate()
    targets = list(
        Target.objects.filter(year=year, faculty=faculty.pk if faculty else None).select_related(
            "faculty"
        )
    )
    if not targets:
        return []
    actuals = _actuals(year, faculty, {target.key for target in targets}, today)
    elapsed = year_elapsed(year, today)
    order = {key: number for number, key in enumerate(KEYS)}
    rows = []
    for target in sorted(targets, key=lambda t: order.get(t.key, len(order))):
        figure = BY_KEY.get(target.key)
        if figure is None:  # a figure since removed from the code
            continue
        actual, reason = actuals.get(target.key, (None, ""))
        expected = None
        if year == today.year and figure.cumulative:
            expected = (target.value * elapsed).quantize(Decimal("1"), ROUND_HALF_UP)
        percent = None
        if actual is not None and target.value:
            percent = (actual * 100 / target.value).quantize(Decimal("0.1"), ROUND_HALF_UP)
        rows.append(
            Progress(
                target=target,
                figure=figure,
                year=year,
                value=target.value,
                actual=actual,
                reason=reason,
                percent=percent,
                expected=expected,
                state=_state(figure, year, target.value, actual, expected, today),
            )
        )
    return rows
