"""Deadlines of foreigners and travellers: registration at the place of stay, visa,
registration and passport ends, trip reports. The rules, written once: incoming guests
(:mod:`hamkor.mobility.board`) and foreign degree students (:mod:`hamkor.students.deadlines`)
apply the same ``*_part`` querysets to their own fields.

The rules are settings because the sources disagree (see docs/decisions/0002): by default a
foreigner registers within 3 calendar days after the day of entry, and a traveller files a
report within 5 days of return.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Case, DateField, F, Func, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy

from hamkor.mobility.models import Mobility

# Uzbekistan's public holidays on fixed dates (month, day); the moving ones (Ramadan and
# Qurbon hayit) are announced each year and go into HAMKOR_EXTRA_HOLIDAYS.
FIXED_HOLIDAYS = ((1, 1), (3, 8), (3, 21), (5, 9), (9, 1), (10, 1), (12, 8))


def is_holiday(day: datetime.date) -> bool:
    extra = {datetime.date.fromisoformat(text) for text in settings.HAMKOR_EXTRA_HOLIDAYS}
    return (day.month, day.day) in FIXED_HOLIDAYS or day in extra


def counts(day: datetime.date, rule: str) -> bool:
    """Whether ``day`` counts towards a deadline under ``rule``."""
    if rule == "calendar":
        return True
    if rule == "working":  # Monday to Friday, holidays excepted
        return day.weekday() < 5 and not is_holiday(day)
    if rule == "no_sundays":  # every day but Sundays and holidays
        return day.weekday() != 6 and not is_holiday(day)
    raise ValueError(f"unknown day-counting rule: {rule}")


def add_days(start: datetime.date, days: int, rule: str) -> datetime.date:
    """The day on which a period of ``days`` counted days after ``start`` ends.

    The period begins on the day after ``start`` (entry or return), as the rules say.
    """
    day, counted = start, 0
    while counted < days:
        day += datetime.timedelta(days=1)
        if counts(day, rule):
            counted += 1
    return day


def registration_due(arrival: datetime.date) -> datetime.date:
    """The last day for registering at the place of stay, for a guest who entered on ``arrival``."""
    return add_days(arrival, settings.HAMKOR_REGISTRATION_DAYS, settings.HAMKOR_REGISTRATION_COUNT)


def report_due(returned: datetime.date) -> datetime.date:
    """The last day for filing the trip report, for a traveller back on ``returned``."""
    return add_days(returned, settings.HAMKOR_TRIP_REPORT_DAYS, "calendar")


# --- What the board shows -----------------------------------------------------------------

# What the board shows.
REGISTRATION_LOOKAHEAD_DAYS = 14  # guests arriving within this many days
EXPIRY_WITHIN_DAYS = 30  # visas and registrations ending within this many days
PASSPORT_MARGIN_DAYS = 60  # a passport should outlive the stay by this many days
# A report still missing this long after the return is a matter for the office, not for a
# daily list; such mobilities stay findable in the mobility list.
REPORT_LOOKBACK_DAYS = 180

Status = Mobility.Status
OPEN = ~Q(status__in=(Status.CANCELLED, Status.COMPLETED))


class DeadlineKind(models.TextChoices):
    REGISTRATION = "registration", gettext_lazy("Registration at the place of stay")
    REGISTRATION_EXPIRY = "registration_expiry", gettext_lazy("Registration ends")
    VISA_EXPIRY = "visa_expiry", gettext_lazy("Visa ends")
    PASSPORT_EXPIRY = "passport_expiry", gettext_lazy("Passport ends")
    REPORT = "report", gettext_lazy("Trip report")


KIND_ORDER = {kind: index for index, kind in enumerate(DeadlineKind.values)}

COUNTING_RULES = {
    "calendar": gettext_lazy("calendar days"),
    "working": gettext_lazy("working days (Monday to Friday, public holidays excepted)"),
    "no_sundays": gettext_lazy("days other than Sundays and public holidays"),
}


class AddDays(Func):
    """``date + days`` in SQL, a date on every database (Django's ``F() + timedelta`` gives
    SQLite a datetime string, which compares wrongly with dates)."""

    output_field = DateField()

    def __init__(self, expression, days: int):
        super().__init__(expression)
        self.days = int(days)

    def as_sql(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"({sql} + %s)", [*params, self.days]

    def as_sqlite(self, compiler, connection, **extra):
        sql, params = compiler.compile(self.source_expressions[0])
        return f"date({sql}, %s)", [*params, f"+{self.days} days"]


# --- The rules as querysets: each source of deadlines applies them to its own fields ---------


def registration_part(records: QuerySet, *, today: datetime.date, arrival: str, registered: str):
    """Records whose holder arrived (or arrives within the lookahead) and is not registered,
    with ``due``: the last day of registration counted from ``arrival``."""
    arriving = records.filter(
        **{
            f"{registered}__isnull": True,
            f"{arrival}__lte": today + datetime.timedelta(days=REGISTRATION_LOOKAHEAD_DAYS),
        }
    )
    return arriving.annotate(due=_registration_due(arriving, arrival))


def _registration_due(arriving: QuerySet, arrival: str):
    """The registration's due date: a calendar count is plain date arithmetic; a count of
    working days (holidays!) is worked out in Python for each arrival day that occurs
    (open stays without a registration: a few hundred days at most) and given to the
    database as a ``CASE``."""
    days, rule = settings.HAMKOR_REGISTRATION_DAYS, settings.HAMKOR_REGISTRATION_COUNT
    if rule == "calendar":
        return AddDays(arrival, days)
    arrivals = arriving.annotate(arrival=F(arrival)).values_list("arrival", flat=True)
    return Case(
        *(When(**{arrival: day}, then=Value(registration_due(day))) for day in arrivals.distinct()),
        default=Value(None),
        output_field=DateField(),
    )


def expiry_part(records: QuerySet, *, today: datetime.date, field: str, before=None):
    """Records whose ``field`` (a visa's or registration's end) falls within
    ``EXPIRY_WITHIN_DAYS``; with ``before``, only those ending before it (the stay's end)."""
    horizon = today + datetime.timedelta(days=EXPIRY_WITHIN_DAYS)
    records = records.filter(**{f"{field}__lte": horizon})
    if before is not None:
        records = records.filter(**{f"{field}__lt": before})
    return records.annotate(due=F(field))


def passport_part(records: QuerySet, *, until, passport: str = "person__passport_valid_to"):
    """Records whose holder's passport ends before ``until`` (a date or an expression)."""
    return records.filter(**{f"{passport}__lt": until}).annotate(due=F(passport))


def deadline_rules() -> dict[str, object]:
    """The rules in force, for the board to state them."""
    return {
        "registration_days": settings.HAMKOR_REGISTRATION_DAYS,
        "registration_count": COUNTING_RULES[settings.HAMKOR_REGISTRATION_COUNT],
        "report_days": settings.HAMKOR_TRIP_REPORT_DAYS,
        "lookahead_days": REGISTRATION_LOOKAHEAD_DAYS,
        "expiry_days": EXPIRY_WITHIN_DAYS,
        "passport_days": PASSPORT_MARGIN_DAYS,
        "report_lookback_days": REPORT_LOOKBACK_DAYS,
    }
