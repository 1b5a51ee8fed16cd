"""The department's achievements, computed from the records for any period.

Each statement of the department page's "Achievements" section is one named figure here,
read through the figures of the app that owns its records (:mod:`hamkor.agreements.figures`,
:mod:`hamkor.mobility.figures`, :mod:`hamkor.events.figures`, :mod:`hamkor.grants.figures`),
whose docstrings give the rules. This module only names them, gives each its records (the
rows behind the figure, which a staff page lists) and computes them all at once.

A :class:`Period` is the days from ``start`` to ``end`` (both included; by default the last
four calendar years), the day ``on`` for the partners in force (by default today), and an
optional faculty: with one, only that faculty's records count.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.models import OrgUnit
from hamkor.agreements import figures as agreements
from hamkor.events import figures as events
from hamkor.grants import figures as grants
from hamkor.grants.money.selectors import receipts_converted
from hamkor.mobility import figures as mobility

# The default period: this many calendar years, up to the last one ended.
DEFAULT_YEARS = 4


class PeriodError(ValueError):
    """A period that cannot be: it ends before it starts, or names no known faculty."""


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    on: datetime.date
    faculty: OrgUnit | None = None

    def __post_init__(self):
        if self.end < self.start:
            raise PeriodError(_("The period ends before it starts."))

    @classmethod
    def default(cls, *, today: datetime.date | None = None, **given) -> Period:
        """The last four calendar years before ``today``'s, on ``today``; ``given`` (start,
        end, on, faculty) replaces any of them."""
        today = today or timezone.localdate()
        values = {
            "start": datetime.date(today.year - DEFAULT_YEARS, 1, 1),
            "end": datetime.date(today.year - 1, 12, 31),
            "on": today,
            "faculty": None,
        }
        values.update({key: value for key, value in given.items() if value is not None})
        return cls(**values)

    @property
    def faculty_id(self) -> int | None:
        return self.faculty.pk if self.faculty else None

    @property
    def span(self) -> dict:
        return {"start": self.start, "end": self.end, "faculty": self.faculty_id}


def faculty_by_code(code: str) -> OrgUnit:
    """The home university's unit with ``code``; :class:`PeriodError` when there is none."""
    unit = OrgUnit.objects.filter(institution__is_home=True, code=code).first()
    if unit is None:
        raise PeriodError(_("There is no faculty with the code “%(code)s”.") % {"code": code})
    return unit


@dataclass(frozen=True)
class Achievement:
    """One figure: its key (the name scripts use), its label, the records behind it and how
    they make the figure."""

    key: str
    label: str
    records: Callable[[Period], QuerySet]
    value: Callable[[QuerySet], object]
    # What one record is, for the staff page listing them.
    model_label: str


def _count(queryset: QuerySet) -> int:
    return queryset.count()


def _usd(receipts: QuerySet) -> Decimal:
    return receipts_converted(receipts, "USD").total.quantize(Decimal("0.01"))


def _mobility(name: str) -> Callable[[Period], QuerySet]:
    def records(period: Period) -> QuerySet:
        return getattr(mobility.Figures(**period.span), name)()

    return records


ACHIEVEMENTS: tuple[Achievement, ...] = (
    Achievement(
        "agreements_signed",
        _("Agreements and memorandums signed"),
        lambda p: agreements.signed_in(**p.span),
        _count,
        "agreements.agreement",
    ),
    Achievement(
        "agreement_countries",
        _("Countries of the partners of those agreements"),
        lambda p: agreements.signed_in(**p.span),
        agreements.partner_countries,
        "agreements.agreement",
    ),
    Achievement(
        "students_abroad_certified",
        _("Students sent abroad who received certificates"),
        _mobility("students_abroad_certified"),
        mobility.people,
        "mobility.mobility",
    ),
    Achievement(
        "professors_taught_qs1000",
        _("Professors who taught at QS top-1000 universities"),
        _mobility("professors_taught_qs1000"),
        mobility.people,
        "mobility.mobility",
    ),
    Achievement(
        "professors_interned_qs1000",
        _("Professors who completed internships at QS top-1000 universities"),
        _mobility("professors_interned_qs1000"),
        mobility.people,
        "mobility.mobility",
    ),
    Achievement(
        "teachers_uk_europe",
        _("Teachers who exchanged experience at universities in the UK and Europe"),
        _mobility("teachers_uk_europe"),
        mobility.people,
        "mobility.mobility",
    ),
    Achievement(
        "visiting_professors",
        _("Professors from abroad who visited and taught"),
        _mobility("visiting_professors"),
        mobility.people,
        "mobility.mobility",
    ),
    Achievement(
        "professors_conferences_abroad",
        _("Professors at conferences, seminars and symposiums abroad with certificates"),
        lambda p: events.professors_abroad_certified(**p.span),
        lambda participants: participants.values("person").distinct().count(),
        "events.participant",
    ),
    Achievement(
        "webinars_with_partners",
        _("Webinars held with partner universities"),
        lambda p: events.webinars_with_partners(**p.span),
        _count,
        "events.event",
    ),
    Achievement(
        "grant_projects",
        _("Grant projects active"),
        lambda p: grants.projects_active(**p.span),
        _count,
        "grants.project",
    ),
    Achievement(
        "grant_income_usd",
        _("Money received from grant projects, in US dollars"),
        lambda p: grants.receipts_in(**p.span),
        _usd,
        "grants.receipt",
    ),
    Achievement(
        "partner_universities_active",
        _("Foreign universities with an agreement in force"),
        lambda p: agreements.foreign_universities_in_force(on=p.on, faculty=p.faculty_id),
        _count,
        "partners.institution",
    ),
)

BY_KEY = {achievement.key: achievement for achievement in ACHIEVEMENTS}
KEYS = tuple(BY_KEY)


def achievement_records(key: str, period: Period) -> QuerySet:
    """The records behind the figure ``key`` for ``period``."""
    return BY_KEY[key].records(period)


def achievements(period: Period) -> dict[str, object]:
    """Every figure for ``period``, by key, in the order of :data:`ACHIEVEMENTS`: ints, the
    sorted list of country codes for ``agreement_countries`` and a Decimal for
    ``grant_income_usd``. A fixed number of queries, whatever the amount of data."""
    return {a.key: a.value(a.records(period)) for a in ACHIEVEMENTS}
