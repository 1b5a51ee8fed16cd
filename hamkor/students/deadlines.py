"""Foreign students on the deadlines board: the guests' rules, applied to a student's fields.

A student registers at the place of stay within the configured days of entry
(``entry_date``); visa and registration ends within the board's horizon are deadlines (a
student has no planned end of stay, so every end counts); a passport ending within
``PASSPORT_MARGIN_DAYS`` of today must be renewed.
"""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import in_faculty
from hamkor.mobility.board import DeadlineBoard, DeadlineSource
from hamkor.mobility.deadlines import (
    PASSPORT_MARGIN_DAYS,
    DeadlineKind,
    expiry_part,
    passport_part,
    registration_part,
)
from hamkor.students.models import ForeignStudent


class StudentSource(DeadlineSource):
    name = "students"
    label = _("Foreign students")
    model = ForeignStudent
    kinds = (
        DeadlineKind.REGISTRATION,
        DeadlineKind.REGISTRATION_EXPIRY,
        DeadlineKind.VISA_EXPIRY,
        DeadlineKind.PASSPORT_EXPIRY,
    )
    related = ("person__user", "faculty")

    def visible(self, user) -> QuerySet[ForeignStudent]:
        """The students the user may read (a coordinator: their faculty's)."""
        if not user.has_perm("students.view_foreignstudent"):
            return ForeignStudent.objects.none()
        return ForeignStudent.objects.restrict(user, "view")

    def of_faculty(self, faculty) -> Q:
        return in_faculty("faculty", faculty)

    def parts(self, records: QuerySet, *, today: datetime.date) -> dict[str, QuerySet]:
        # Only students the university has now: admitted (arriving), enrolled or on leave.
        here = records.exclude(
            status__in=(ForeignStudent.Status.GRADUATED, ForeignStudent.Status.WITHDRAWN)
        )
        return {
            DeadlineKind.REGISTRATION: registration_part(
                here.filter(entry_date__isnull=False),
                today=today,
                arrival="entry_date",
                registered="registered_on",
            ),
            DeadlineKind.REGISTRATION_EXPIRY: expiry_part(
                here, today=today, field="registration_valid_to"
            ),
            DeadlineKind.VISA_EXPIRY: expiry_part(here, today=today, field="visa_valid_to"),
            DeadlineKind.PASSPORT_EXPIRY: passport_part(
                here, until=today + datetime.timedelta(days=PASSPORT_MARGIN_DAYS)
            ),
        }

    def detail(self, record: ForeignStudent, kind: str) -> str:
        if kind == DeadlineKind.VISA_EXPIRY:
            return record.visa_number
        return super().detail(record, kind)

    def where(self, record: ForeignStudent) -> str:
        return str(record.faculty)


def student_deadlines(student: ForeignStudent, *, today: datetime.date, personal: bool):
    """Every open deadline of one student (their page, and "My university"), the most
    urgent first; visa and passport numbers with ``personal``."""
    board = DeadlineBoard(
        ForeignStudent.objects.filter(pk=student.pk), today=today, personal=personal
    )
    return list(board.all())
