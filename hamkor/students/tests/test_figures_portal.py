"""Statistics by country, level and faculty; "My university": a student's own deadlines and
requests, never another's."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from hamkor.core.documents import document_add, documents_for
from hamkor.students.figures import student_figures
from hamkor.students.models import ForeignStudent, StudentRequest
from hamkor.students.tests.factories import ForeignStudentFactory, StudentRequestFactory

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_figures_count_students_by_country_level_and_faculty(faculty_a, faculty_b):
    for country, level, faculty, status in [
        ("TJ", "bachelor", faculty_a, "enrolled"),
        ("TJ", "master", faculty_a, "enrolled"),
        ("TJ", "bachelor", faculty_b, "on_leave"),
        ("TM", "bachelor", faculty_b, "enrolled"),
        ("AF", "phd", faculty_b, "graduated"),
    ]:
        student = ForeignStudentFactory(faculty=faculty, level=level, person__citizenship=country)
        ForeignStudent.objects.filter(pk=student.pk).update(status=status)

    with translation.override("ru"):
        figures = student_figures(students=ForeignStudent.objects.all())
        names = (str(faculty_a), str(faculty_b))

    assert figures.total == 4  # the graduate is no longer here
    assert [(row.key, row.label, row.count) for row in figures.countries] == [
        ("TJ", "Таджикистан", 3),
        ("TM", "Туркменистан", 1),
    ]
    assert [(row.key, row.count) for row in figures.levels] == [("bachelor", 3), ("master", 1)]
    assert {row.label: row.count for row in figures.faculties} == {names[0]: 2, names[1]: 2}
    assert student_figures(students=ForeignStudent.objects.all(), current=False).total == 5


def test_the_statistics_page_shows_the_coordinator_their_faculty(as_user, faculty_a, faculty_b):
    ForeignStudentFactory(faculty=faculty_a, person__citizenship="KG", status="enrolled")
    ForeignStudentFactory(faculty=faculty_b, person__citizenship="IN", status="enrolled")
    ForeignStudent.objects.update(status="enrolled")

    page = as_user("coordinator").get(reverse("students:figures")).text

    assert "Kyrgyzstan" in page and "India" not in page


@pytest.fixture
def own(applicant, faculty_a):
    """The applicant persona as a foreign student whose visa ends in five days."""
    student = ForeignStudentFactory(
        faculty=faculty_a,
        person__user=applicant,
        visa_valid_to=timezone.localdate() + 5 * DAY,
        visa_number="UZV1112223",
    )
    StudentRequestFactory(student=student, subject="My dormitory room")
    return student


def test_my_university_shows_my_deadlines_and_requests_only(as_user, own, faculty_a):
    other = ForeignStudentFactory(faculty=faculty_a, visa_valid_to=timezone.localdate() + DAY)
    StudentRequestFactory(student=other, subject="Somebody else's certificate")

    page = as_user("applicant").get(reverse("students:portal")).text

    assert "Visa ends" in page
    assert "My dormitory room" in page
    assert "Somebody else" not in page
    assert other.person.last_name not in page


def test_another_students_request_and_file_are_not_found(as_user, own, faculty_a, officer):
    other = StudentRequestFactory(student=ForeignStudentFactory(faculty=faculty_a))
    document = document_add(
        record=other,
        kind="other",
        upload=SimpleUploadedFile("passport.pdf", b"%PDF-1.4\n%%EOF\n"),
        actor=officer,
    )
    client = as_user("applicant")
    assert (
        client.get(reverse("students:portal_request", kwargs={"pk": other.pk})).status_code == 404
    )
    url = reverse("students:portal_download", kwargs={"pk": document.current.pk})
    assert client.get(url).status_code == 404


def test_a_student_files_a_request_with_an_attachment(as_user, own):
    client = as_user("applicant")
    response = client.post(
        reverse("students:portal"),
        {
            "kind": "visa_extension",
            "subject": "My visa ends soon",
            "description": "It ends in five days.",
            "file": SimpleUploadedFile("visa.pdf", b"%PDF-1.4\n%%EOF\n"),
        },
    )

    filed = StudentRequest.objects.get(subject="My visa ends soon")
    assert response.status_code == 302
    assert (filed.student, filed.kind, filed.status) == (own, "visa_extension", "new")
    [document] = documents_for(filed)
    download = client.get(reverse("students:portal_download", kwargs={"pk": document.current.pk}))
    assert download.status_code == 200


def test_a_request_without_a_subject_or_with_a_bad_file_is_refused(as_user, own):
    client = as_user("applicant")
    before = StudentRequest.objects.count()
    empty = client.post(reverse("students:portal"), {"kind": "housing", "subject": ""})
    bad = client.post(
        reverse("students:portal"),
        {
            "kind": "housing",
            "subject": "Room",
            "file": SimpleUploadedFile("run.exe", b"MZ\x90\x00 not a document"),
        },
    )
    assert (empty.status_code, bad.status_code) == (400, 400)
    assert "This field is required." in empty.text
    assert StudentRequest.objects.count() == before


def test_a_person_who_is_no_student_sees_only_their_exchanges(as_user, applicant):
    from hamkor.mobility.models import Person

    Person.objects.create(
        category="foreign_professor", last_name="Guest", first_name="A", citizenship="DE",
        user=applicant,
    )  # fmt: skip
    page = as_user("applicant").get(reverse("students:portal")).text
    assert "My exchanges" in page and "Ask the office for help" not in page
