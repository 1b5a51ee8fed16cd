"""Demo data of the ranking indicators and strategy targets.

The university's totals for 2022-2026 as the office would enter them from its statistics
(the international students typed in for 2022, before Hamkor held the foreign students'
records, and counted from those records since); a few targets of the university for 2025
and 2026, and of the demo coordinator's faculty, set against the demo's own figures so
that some are reached, some behind and, where the year's arithmetic allows, some ahead of
schedule; and 2024 closed by the officer, so that its snapshot shows.

Saved through the services (history ``demo.loaded``); a second run adds nothing.
"""

from __future__ import annotations

import datetime
import math

from django.utils import timezone

from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.roles import Role
from hamkor.reports.achievements import Period, achievements
from hamkor.reports.indicator_services import (
    target_save,
    university_year_close,
    university_year_save,
)
from hamkor.reports.models import Target, UniversityYear
from hamkor.reports.targets import year_elapsed

REASON = "demo.loaded"
# year: (students, international students or None to count them, academic staff,
# international academic staff)
TOTALS = {
    2022: (12850, 41, 742, 9),
    2023: (13420, None, 768, 11),
    2024: (14150, None, 790, 14),
    2025: (14900, None, 812, 17),
    2026: (15600, None, 835, 19),
}
CLOSED_YEAR = 2024
# The office writes its notes in Uzbek.
NOTE = "Universitetning yillik statistik hisobotidan olingan (1-oktabr holatidagi soni)."

# (key, year, value): fixed targets; the demo's figures make them reached or behind.
TARGETS = (
    ("outbound_exchange", 2025, 180),
    ("students_abroad_certified", 2025, 200),
    ("agreements_signed", 2025, 15),
    ("partners_qs1000", 2025, 45),
    ("international_students_share", 2025, 1.5),
    ("outbound_exchange", 2026, 200),
    ("partner_institutions", 2026, 55),
    ("partners_qs500", 2026, 20),
    ("international_faculty_share", 2026, 2.5),
)
# (faculty code, key, year, value): the demo coordinator's faculty has targets of its own.
FACULTY_TARGETS = (
    ("philology", "outbound_exchange", 2025, 50),
    ("philology", "students_abroad_certified", 2025, 60),
    ("philology", "outbound_exchange", 2026, 60),
    ("philology", "partner_institutions", 2026, 15),
)
# Targets of the current year set just above the pro-rata expectation of their figure, so
# that they read "ahead" (or "reached", when the year is too far gone for a whole number).
AHEAD = ("students_abroad_certified", "visiting_professors")


def _officer():
    return User.objects.filter(groups__name=Role.OFFICER).order_by("pk").first()


def load_years(officer) -> int:
    known = set(UniversityYear.objects.values_list("year", flat=True))
    created = 0
    for year, (students, international, staff, international_staff) in TOTALS.items():
        if year in known:
            continue
        record = UniversityYear(
            year=year,
            students_total=students,
            international_students=international,
            faculty_total=staff,
            international_faculty=international_staff,
            notes=NOTE,
        )
        university_year_save(record=record, actor=officer, reason=REASON)
        created += 1
    return created


def _add(key: str, year: int, value, officer, faculty=None) -> bool:
    if Target.objects.filter(key=key, year=year, faculty=faculty).exists():
        return False
    target = Target(key=key, year=year, value=value, faculty=faculty)
    target_save(target=target, actor=officer, reason=REASON)
    return True


def load_targets(officer) -> int:
    created = sum(_add(key, year, value, officer) for key, year, value in TARGETS)
    units = {unit.code: unit for unit in OrgUnit.objects.filter(institution__is_home=True)}
    for code, key, year, value in FACULTY_TARGETS:
        if code in units:
            created += _add(key, year, value, officer, faculty=units[code])
    today = timezone.localdate()
    year = today.year
    if all(
        Target.objects.filter(key=key, year=year, faculty__isnull=True).exists() for key in AHEAD
    ):
        return created
    period = Period(start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31), on=today)
    actual = achievements(period)
    elapsed = year_elapsed(year, today)
    for key in AHEAD:
        created += _add(key, year, max(math.floor(actual[key] / elapsed), 1), officer)
    return created


def load(stdout) -> None:
    officer = _officer()
    years = load_years(officer)
    targets = load_targets(officer)
    record = UniversityYear.objects.get(year=CLOSED_YEAR)
    if not record.is_closed and record.year < timezone.localdate().year:
        university_year_close(record=record, actor=officer)
    stdout.write(
        f"university years: {years} added; strategy targets: {targets} added; {CLOSED_YEAR} closed"
    )
