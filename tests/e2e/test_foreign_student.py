"""A foreign student files a request from "My university" on a phone, with an attachment,
and finds it among their requests; the office sees it, replies, and the student reads the
reply on their page."""

from __future__ import annotations

import datetime

import pytest

from tests.e2e.conftest import PHONE, expect, log_in, screenshot

SUBJECT = "Extension of my student visa"


@pytest.fixture
def student(applicant, faculty_a):
    from django.utils import timezone

    from hamkor.mobility.models import Person
    from hamkor.students.tests.factories import ForeignStudentFactory

    person = Person.objects.create(
        category="foreign_student",
        last_name="Rahimova",
        first_name="Nigina",
        name_original="Раҳимова Нигина",
        citizenship="TJ",
        email="nigina@example.tj",
        user=applicant,
    )
    return ForeignStudentFactory(
        person=person,
        faculty=faculty_a,
        programme="Pedagogy",
        visa_valid_to=timezone.localdate() + datetime.timedelta(days=4),
    )


def test_a_foreign_student_files_a_request_and_reads_the_reply(
    new_page, live_server, student, applicant, officer, tmp_path
):
    from hamkor.students.models import StudentRequest
    from hamkor.students.services import request_reply_add

    scan = tmp_path / "visa.pdf"
    scan.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page = new_page(viewport=PHONE)
    log_in(page, applicant)

    page.goto("/my/university/")
    expect(page.locator("main h1")).to_have_text("My university")
    deadlines = page.locator("#my-deadlines")
    expect(deadlines.locator("[data-kind=visa_expiry]")).to_contain_text("Visa ends")

    form = page.locator("form.new-request-form")
    form.get_by_label("What do you need help with?").select_option("visa_extension")
    form.get_by_label("Subject").fill(SUBJECT)
    form.get_by_label("Details").fill("My visa ends in four days.")
    form.get_by_label("Attachment").set_input_files(str(scan))
    with page.expect_navigation():
        form.locator("button[type=submit]").click()

    expect(page.locator("main h1")).to_have_text(SUBJECT)
    expect(page.locator(".alert-success")).to_contain_text("is filed")
    expect(page.get_by_role("link", name="visa.pdf")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "foreign-student-request")

    filed = StudentRequest.objects.get(subject=SUBJECT)
    assert (filed.student, filed.kind) == (student, "visa_extension")
    request_reply_add(request=filed, body="Come on Monday with your passport.", actor=officer)

    page.goto("/my/university/")
    requests = page.locator("#my-requests")
    expect(requests).to_contain_text(SUBJECT)
    with page.expect_navigation():
        requests.get_by_role("link", name=SUBJECT).click()
    expect(page.locator(".reply")).to_contain_text("Come on Monday with your passport.")
