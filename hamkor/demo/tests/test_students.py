"""The demo data's students step: about 300 foreign students from Central Asia and beyond,
deadlines due this week, requests; a second run adds nothing."""

import io

import pytest
from django.utils import timezone

from hamkor.core.management.commands.demo_data import STEPS
from hamkor.demo import accounts, partners, students
from hamkor.mobility.board import deadline_board
from hamkor.students.figures import student_figures
from hamkor.students.models import FeePayment, ForeignStudent, StudentRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    partners.load_home(io.StringIO())
    accounts.load(io.StringIO())
    out = io.StringIO()
    students.load(out)
    return out.getvalue()


def test_demo_loads_about_300_foreign_students_from_central_asia_and_beyond(loaded):
    assert "hamkor.demo.students.load" in STEPS
    assert 280 <= ForeignStudent.objects.count() <= 320
    figures = student_figures(students=ForeignStudent.objects.all(), current=False)
    countries = {row.key for row in figures.countries}
    assert {"TJ", "TM", "KZ", "KG", "AF"} <= countries
    assert {"IN", "RU", "TR"} <= countries
    # Names in the registry as the guests': Latin, and the original script beside it.
    tajik = ForeignStudent.objects.filter(person__citizenship="TJ").first().person
    assert tajik.name_original and tajik.name_original != tajik.full_name
    assert ForeignStudent.objects.exclude(person__category="foreign_student").count() == 0
    assert FeePayment.objects.filter(currency="USD").exists()
    assert StudentRequest.objects.count() >= 20
    assert StudentRequest.objects.filter(replies__isnull=False).exists()


def test_demo_students_have_deadlines_this_week(loaded):
    board = deadline_board(
        user_or_queryset=ForeignStudent.objects.all(), today=timezone.localdate(), within_days=7
    )
    kinds = {count.kind: count.total for count in board.counts()}
    assert kinds["registration"] >= 3
    assert kinds["registration_expiry"] >= 3
    assert kinds["visa_expiry"] >= 3


def test_a_second_run_adds_nothing(loaded):
    counts = (ForeignStudent.objects.count(), StudentRequest.objects.count())
    out = io.StringIO()
    students.load(out)
    assert "foreign students: 0 added" in out.getvalue()
    assert (ForeignStudent.objects.count(), StudentRequest.objects.count()) == counts


def test_the_demo_foreign_student_can_log_in_to_my_university(loaded, client):
    from hamkor.accounts.models import User

    user = User.objects.get(email="foreign.student@hamkor.demo")
    client.force_login(user)
    page = client.get("/my/university/")
    assert page.status_code == 200
    assert user.person.foreign_student.programme in page.text
