"""Foreign students on the one deadlines board, by the guests' rules; their reminders."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hamkor.mobility.board import deadline_board
from hamkor.mobility.deadlines import registration_due
from hamkor.mobility.tests.test_deadlines import make_mobility, make_person
from hamkor.students.models import ForeignStudent, StudentReminder
from hamkor.students.reminders import student_reminders_send
from hamkor.students.tests.factories import ForeignStudentFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 18)
DAY = datetime.timedelta(days=1)


def kinds(deadlines) -> list[tuple[str, str, datetime.date]]:
    return [(d.source, d.kind, d.due) for d in deadlines]


def test_a_student_has_the_guests_deadlines_by_the_same_rules(faculty_a, settings):
    settings.HAMKOR_REGISTRATION_COUNT = "working"
    ForeignStudentFactory(faculty=faculty_a, entry_date=TODAY - DAY)
    ForeignStudentFactory(
        faculty=faculty_a,
        entry_date=TODAY - 100 * DAY,
        registered_on=TODAY - 99 * DAY,
        registration_valid_to=TODAY + 5 * DAY,
        visa_valid_to=TODAY + 12 * DAY,
        person__passport_valid_to=TODAY + 40 * DAY,
    )
    ForeignStudentFactory(faculty=faculty_a, visa_valid_to=TODAY + 5 * DAY, status="graduated")

    board = deadline_board(user_or_queryset=ForeignStudent.objects.all(), today=TODAY)
    found = kinds(board.all())

    assert ("students", "registration", registration_due(TODAY - DAY)) in found
    assert ("students", "registration_expiry", TODAY + 5 * DAY) in found
    assert ("students", "visa_expiry", TODAY + 12 * DAY) in found
    assert ("students", "passport_expiry", TODAY + 40 * DAY) in found
    assert len(found) == 4  # a graduate's visa is no deadline of ours


def test_one_board_shows_guests_and_students_and_filters_by_whom(as_user, faculty_a):
    today = timezone.localdate()
    ForeignStudentFactory(
        faculty=faculty_a, person__last_name="Nazarov", visa_valid_to=today + 3 * DAY
    )
    guest = make_person("Weber", org_unit=faculty_a)
    make_mobility(guest, start=today - 10 * DAY, visa_valid_to=today + 4 * DAY, home_unit=faculty_a)
    client = as_user("officer")
    url = reverse("mobility:deadlines")

    both = client.get(url).text
    students = client.get(url, {"who": "students"}).text
    guests = client.get(url, {"who": "mobility"}).text

    assert "Nazarov" in both and "Weber" in both
    assert "Nazarov" in students and "Weber" not in students
    assert "Weber" in guests and "Nazarov" not in guests


def test_the_board_is_scoped_to_the_coordinators_faculty(as_user, faculty_a, faculty_b):
    today = timezone.localdate()
    ForeignStudentFactory(faculty=faculty_a, person__last_name="Ovezov", visa_valid_to=today)
    ForeignStudentFactory(faculty=faculty_b, person__last_name="Annayev", visa_valid_to=today)

    page = as_user("coordinator").get(reverse("mobility:deadlines")).text

    assert "Ovezov" in page and "Annayev" not in page


def test_the_board_page_costs_the_same_queries_at_any_number_of_students(as_user, faculty_a):
    today = timezone.localdate()
    client = as_user("officer")
    url = reverse("mobility:deadlines")
    ForeignStudentFactory(faculty=faculty_a, visa_valid_to=today + DAY)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(30):
        ForeignStudentFactory(faculty=faculty_a, visa_valid_to=today + (n % 20) * DAY)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) <= len(few)


def test_visa_numbers_on_the_board_only_for_who_may_read_personal_data(as_user, faculty_a):
    today = timezone.localdate()
    ForeignStudentFactory(faculty=faculty_a, visa_number="UZV7654321", visa_valid_to=today)
    url = reverse("mobility:deadlines")
    assert "UZV7654321" in as_user("officer").get(url).text
    assert "UZV7654321" not in as_user("leadership").get(url).text


def test_reminders_go_to_the_officers_once_per_deadline(
    faculty_a, officer, django_capture_on_commit_callbacks
):
    ForeignStudentFactory(
        faculty=faculty_a, person__last_name="Sharipov", visa_valid_to=TODAY + 9 * DAY
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert student_reminders_send(today=TODAY) == 1
        assert student_reminders_send(today=TODAY + DAY) == 0

    [message] = mail.outbox
    assert message.to == [officer.email]
    assert "Sharipov" in message.subject
    assert "visa" in message.body
    assert StudentReminder.objects.get().kind == "visa_expiry"
