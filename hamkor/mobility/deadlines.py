"""Deadlines of guests and travellers: registration at the place of stay, trip reports.

The rules are settings because the sources disagree (see docs/decisions/0002): by default a
foreigner registers within 3 calendar days after the day of entry, and a traveller files a
report within 5 days of return.
"""

from __future__ import annotations

import datetime

from django.conf import settings

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
