"""The API writes through the services; the Excel import applies every row or none."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from hamkor.core.models import ImportJob
from hamkor.students.models import FeePayment, ForeignStudent
from hamkor.students.tests.factories import ForeignPersonFactory, ForeignStudentFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def test_the_api_creates_a_student_through_the_service(as_user, faculty_a):
    person = ForeignPersonFactory(category="foreign_professor")
    response = as_user("officer").post(
        reverse("api:foreignstudent-list"),
        {"person": person.pk, "faculty": faculty_a.pk, "programme": "Physics", "level": "master"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    student = ForeignStudent.objects.get()
    assert student.history.first().history_change_reason == "students.foreignstudent.created"
    person.refresh_from_db()
    assert person.category == "foreign_student"


def test_the_api_refuses_a_visa_ending_before_it_begins_and_saves_nothing(as_user, faculty_a):
    response = as_user("officer").post(
        reverse("api:foreignstudent-list"),
        {
            "person": ForeignPersonFactory().pk,
            "faculty": faculty_a.pk,
            "programme": "Physics",
            "level": "master",
            "visa_valid_from": "2025-09-01",
            "visa_valid_to": "2025-08-01",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["visa_valid_to"] == ["The visa cannot end before it begins."]
    assert not ForeignStudent.objects.exists()


def test_the_api_refuses_a_payment_without_the_days_rate(as_user, faculty_a):
    student = ForeignStudentFactory(faculty=faculty_a)
    response = as_user("officer").post(
        reverse("api:feepayment-list"),
        {"student": student.pk, "paid_on": "2025-09-01", "amount": "100", "currency": "USD"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "No USD rate for 2025-09-01" in response.json()["currency"][0]
    assert not FeePayment.objects.exists()


def test_the_api_hides_visa_fields_from_who_may_not_read_personal_data(as_user, faculty_a):
    ForeignStudentFactory(faculty=faculty_a, visa_number="UZV5550001")
    url = reverse("api:foreignstudent-list")
    assert "UZV5550001" in as_user("officer").get(url).text
    body = as_user("leadership").get(url).json()
    assert "visa_number" not in body["results"][0]


def test_a_coordinator_cannot_create_a_student_of_another_faculty(as_user, faculty_b):
    response = as_user("coordinator").post(
        reverse("api:foreignstudent-list"),
        {
            "person": ForeignPersonFactory().pk,
            "faculty": faculty_b.pk,
            "programme": "P",
            "level": "master",
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not ForeignStudent.objects.exists()


HEADER = ["email", "last_name", "first_name", "citizenship", "faculty", "programme", "level",
          "year_of_study", "entry_date", "registered_on"]  # fmt: skip


def xlsx(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("students.xlsx", buffer.getvalue())


def row(email, **changes):
    values = {
        "email": email, "last_name": "Orazov", "first_name": "Merdan", "citizenship": "TM",
        "faculty": "faculty-a", "programme": "Physics", "level": "Bachelor",
        "year_of_study": 1, "entry_date": D(2025, 8, 25), "registered_on": D(2025, 8, 27),
        **changes,
    }  # fmt: skip
    return [values[name] for name in HEADER]


def test_the_import_adds_people_and_students(as_user, faculty_a):
    client = as_user("officer")
    url = reverse("students:foreignstudent_import")
    preview = client.post(url, {"file": xlsx([row("m.orazov@example.tm"), row("a.b@example.tm")])})
    assert "2 to create, 0 to update" in preview.text
    applied = client.post(url, {"job": ImportJob.objects.order_by("-pk").first().pk})
    assert applied.status_code == 302
    assert ForeignStudent.objects.filter(person__citizenship="TM").count() == 2


def test_an_import_with_a_registration_before_entry_applies_nothing(as_user, faculty_a):
    client = as_user("officer")
    url = reverse("students:foreignstudent_import")
    bad = row("x.y@example.tm", registered_on=D(2025, 8, 20))
    preview = client.post(url, {"file": xlsx([row("m.orazov@example.tm"), bad])})
    assert "cannot be before the entry into the country" in preview.text
    client.post(url, {"job": ImportJob.objects.order_by("-pk").first().pk})
    assert not ForeignStudent.objects.exists()
