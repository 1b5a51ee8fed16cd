"""Writes about foreign students: the rules of a record, steps, fees at the day's rate,
requests and replies by e-mail. Bad input gets a clear message and saves nothing."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from hamkor.grants.services import exchange_rate_set
from hamkor.students.models import FeePayment, ForeignStudent, RequestReply, StudentRequest
from hamkor.students.services import (
    fee_payment_add,
    foreign_student_save,
    foreign_student_transition,
    request_reply_add,
    student_request_file,
    student_request_transition,
)
from hamkor.students.tests.factories import (
    ForeignPersonFactory,
    ForeignStudentFactory,
    StudentRequestFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def new_student(faculty, **fields) -> ForeignStudent:
    return ForeignStudent(
        person=ForeignPersonFactory(),
        faculty=faculty,
        programme="General medicine",
        level="bachelor",
        **fields,
    )


def test_save_files_the_person_as_a_foreign_student_of_the_faculty(faculty_a, officer):
    student = new_student(faculty_a)
    student.person.category = "foreign_professor"
    student.person.save()

    foreign_student_save(student=student, actor=officer)

    student.person.refresh_from_db()
    assert (student.person.category, student.person.org_unit) == ("foreign_student", faculty_a)
    assert student.history.first().history_change_reason == "students.foreignstudent.created"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"visa_valid_from": D(2025, 9, 1), "visa_valid_to": D(2025, 8, 1)},
            "visa_valid_to",
            "The visa cannot end before it begins.",
        ),
        (
            {"entry_date": D(2025, 8, 25), "registered_on": D(2025, 8, 20)},
            "registered_on",
            "cannot be before the entry into the country",
        ),
        (
            {"registered_on": D(2025, 8, 27), "registration_valid_to": D(2025, 8, 1)},
            "registration_valid_to",
            "cannot end before it was made",
        ),
    ],
)
def test_save_refuses_dates_out_of_order_and_saves_nothing(
    faculty_a, officer, fields, field, message
):
    with pytest.raises(ValidationError) as refused:
        foreign_student_save(student=new_student(faculty_a, **fields), actor=officer)

    assert message in " ".join(refused.value.message_dict[field])
    assert not ForeignStudent.objects.exists()


def test_save_refuses_a_citizen_of_uzbekistan(faculty_a, officer):
    student = new_student(faculty_a)
    student.person.citizenship = "UZ"
    with pytest.raises(ValidationError, match="not a foreign student"):
        foreign_student_save(student=student, actor=officer)


def test_edit_page_shows_the_visa_error_beside_the_field_and_keeps_the_input(as_user, faculty_a):
    from hamkor.core.testing.forms import read_form

    student = ForeignStudentFactory(faculty=faculty_a)
    client = as_user("officer")
    url = reverse("students:foreignstudent_edit", kwargs={"pk": student.pk})
    data = {
        **read_form(client.get(url).text),
        "visa_valid_from": "2025-09-01",
        "visa_valid_to": "2025-08-01",
    }
    response = client.post(url, data)

    assert response.status_code == 400
    assert "The visa cannot end before it begins." in response.text
    assert 'value="2025-08-01"' in response.text
    student.refresh_from_db()
    assert student.visa_valid_to is None


def test_an_expired_passport_of_past_decades_is_refused_on_the_person(as_user, faculty_a):
    from hamkor.core.testing.forms import read_form

    person = ForeignStudentFactory(faculty=faculty_a).person
    client = as_user("officer")
    url = reverse("mobility:person_edit", kwargs={"pk": person.pk})
    response = client.post(
        url, {**read_form(client.get(url).text), "passport_valid_to": "1994-05-01"}
    )

    assert response.status_code == 400
    assert "A passport expiry date must be within 15 years of today." in response.text
    person.refresh_from_db()
    assert person.passport_valid_to is None


def test_enrol_records_the_day_and_withdrawal_needs_a_reason(faculty_a, officer):
    student = ForeignStudentFactory(faculty=faculty_a)

    student = foreign_student_transition(
        student=student, name="enrol", actor=officer, on=D(2025, 9, 2)
    )
    assert (student.status, student.enrolled_on) == ("enrolled", D(2025, 9, 2))
    with pytest.raises(ValidationError, match="Give the reason"):
        foreign_student_transition(student=student, name="withdraw", actor=officer)
    with pytest.raises(ValidationError, match="cannot take this step"):
        foreign_student_transition(student=student, name="resume", actor=officer)
    student.refresh_from_db()
    assert student.status == "enrolled"


# --- Fees ------------------------------------------------------------------------------------


def test_a_payment_in_dollars_is_converted_at_the_rate_of_its_day(faculty_a, officer):
    student = ForeignStudentFactory(faculty=faculty_a)
    exchange_rate_set(currency="USD", date=D(2025, 9, 1), rate=Decimal("12500"), actor=officer)
    exchange_rate_set(currency="USD", date=D(2025, 9, 2), rate=Decimal("12600"), actor=officer)

    payment = fee_payment_add(
        student=student,
        paid_on=D(2025, 9, 1),
        amount=Decimal("1500"),
        currency="usd",
        actor=officer,
    )

    assert (payment.currency, payment.rate, payment.amount_uzs) == (
        "USD",
        Decimal("12500"),
        Decimal("18750000.00"),
    )


def test_a_payment_without_the_rate_of_its_day_is_refused_naming_the_rate(faculty_a, officer):
    student = ForeignStudentFactory(faculty=faculty_a)
    exchange_rate_set(currency="EUR", date=D(2025, 9, 2), rate=Decimal("14000"), actor=officer)

    with pytest.raises(ValidationError) as refused:
        fee_payment_add(
            student=student, paid_on=D(2025, 9, 1), amount=Decimal("900"), currency="EUR",
            actor=officer,
        )  # fmt: skip

    assert "No EUR rate for 2025-09-01" in refused.value.message_dict["currency"][0]
    assert not FeePayment.objects.exists()


@pytest.mark.parametrize("code", ["XYZ", "", "US"])
def test_a_payment_in_an_unknown_currency_is_refused(faculty_a, officer, code):
    student = ForeignStudentFactory(faculty=faculty_a)
    with pytest.raises(ValidationError, match="not a currency code"):
        fee_payment_add(
            student=student, paid_on=D(2025, 9, 1), amount=Decimal("1"), currency=code,
            actor=officer,
        )  # fmt: skip
    assert not FeePayment.objects.exists()


def test_the_payment_page_says_which_rate_is_missing_and_saves_nothing(as_user, faculty_a):
    student = ForeignStudentFactory(faculty=faculty_a)
    url = reverse("students:feepayment_add", kwargs={"student_pk": student.pk})
    response = as_user("coordinator").post(
        url, {"paid_on": "2025-09-01", "amount": "100", "currency": "KZT"}
    )

    assert response.status_code == 400
    assert "No KZT rate for 2025-09-01" in response.text
    assert not FeePayment.objects.exists()


def test_the_payment_page_records_a_payment_in_som(as_user, faculty_a):
    student = ForeignStudentFactory(faculty=faculty_a)
    url = reverse("students:feepayment_add", kwargs={"student_pk": student.pk})
    response = as_user("coordinator").post(
        url, {"paid_on": "2025-09-01", "amount": "9000000", "currency": "UZS"}
    )

    assert response.status_code == 302
    page = as_user("coordinator").get(student.get_absolute_url())
    assert "9,000,000 UZS" in page.text or "9 000 000 UZS" in page.text


# --- Requests and replies --------------------------------------------------------------------


def test_a_reply_is_saved_on_the_request_and_emailed_to_the_student_in_their_language(
    faculty_a, officer, django_capture_on_commit_callbacks
):
    student = ForeignStudentFactory(faculty=faculty_a, person__language="ru")
    request = StudentRequestFactory(student=student, subject="Общежитие")

    with django_capture_on_commit_callbacks(execute=True):
        reply = request_reply_add(request=request, body="Комната 214, корпус 2.", actor=officer)

    assert RequestReply.objects.get().body == "Комната 214, корпус 2."
    assert reply.emailed_to == student.person.email
    [message] = mail.outbox
    assert message.to == [student.person.email]
    assert message.subject == "Ответ на ваш запрос: Общежитие" or "Общежитие" in message.subject
    assert "Комната 214, корпус 2." in message.body
    request.refresh_from_db()
    assert (request.status, request.assignee) == ("in_progress", officer)


def test_an_empty_reply_is_refused(faculty_a, officer):
    request = StudentRequestFactory(student=ForeignStudentFactory(faculty=faculty_a))
    with pytest.raises(ValidationError, match="Write the reply"):
        request_reply_add(request=request, body="  ", actor=officer)
    assert not RequestReply.objects.exists()


def test_declining_a_request_tells_the_student_why(
    faculty_a, officer, django_capture_on_commit_callbacks
):
    request = StudentRequestFactory(student=ForeignStudentFactory(faculty=faculty_a))
    with pytest.raises(ValidationError, match="Give the reason"):
        student_request_transition(request=request, name="decline", actor=officer)

    with django_capture_on_commit_callbacks(execute=True):
        student_request_transition(
            request=request, name="decline", actor=officer, reason="The dormitory is full."
        )

    request.refresh_from_db()
    assert request.status == StudentRequest.Status.DECLINED
    assert "The dormitory is full." in mail.outbox[0].body


def test_a_request_with_a_refused_file_leaves_nothing(faculty_a, officer):
    from django.core.files.uploadedfile import SimpleUploadedFile

    student = ForeignStudentFactory(faculty=faculty_a)
    with pytest.raises(ValidationError):
        student_request_file(
            student=student,
            kind="housing",
            subject="Room",
            actor=officer,
            upload=SimpleUploadedFile("virus.exe", b"MZ\x90\x00 not a document"),
        )
    assert not StudentRequest.objects.exists()


def test_the_reply_page_posts_a_reply_and_says_where_it_went(as_user, faculty_a):
    request = StudentRequestFactory(student=ForeignStudentFactory(faculty=faculty_a))
    url = reverse("students:studentrequest_reply", kwargs={"pk": request.pk})

    response = as_user("coordinator").post(
        url, {"body": "Bring your passport on Monday."}, follow=True
    )

    assert "e-mailed to" in response.text
    assert "Bring your passport on Monday." in response.text
    assert as_user("coordinator_b").post(url, {"body": "x"}).status_code == 404
