"""Figures about foreign students, computed from the records: by country, level, faculty.

Counted are the students the university has on the day asked (enrolled or on leave, by
default), or every student with ``current=False``. Country names are in the page's
language (:mod:`hamkor.core.countries`), faculties' names too.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from hamkor.accounts.models import OrgUnit
from hamkor.core.countries import country_name
from hamkor.students.models import ForeignStudent


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class StudentFigures:
    total: int
    countries: list[Row]
    levels: list[Row]
    faculties: list[Row]


def _rows(students: QuerySet, field: str) -> list[tuple[str, int]]:
    counted = students.order_by().values(field).annotate(n=Count("pk")).values_list(field, "n")
    return sorted(counted, key=lambda pair: (-pair[1], str(pair[0])))


def student_figures(*, students: QuerySet[ForeignStudent], current: bool = True) -> StudentFigures:
    """Counts of ``students`` (scoped by the caller) by citizenship, level and faculty, the
    largest first; in four queries whatever the number of students."""
    if current:
        students = students.studying()
    levels = dict(ForeignStudent.Level.choices)
    by_faculty = _rows(students, "faculty")
    units = OrgUnit.objects.in_bulk([pk for pk, _n in by_faculty])
    return StudentFigures(
        total=students.count(),
        countries=[
            Row(code, country_name(code), n) for code, n in _rows(students, "person__citizenship")
        ],
        levels=[Row(level, str(levels[level]), n) for level, n in _rows(students, "level")],
        faculties=[Row(str(pk), str(units[pk]), n) for pk, n in by_faculty],
    )
