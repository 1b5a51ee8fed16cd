"""The applicant's side: drafts, documents, submission within the deadline, eligibility and
its override, withdrawal."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from hamkor.agreements.tests.factories import pdf_upload
from hamkor.calls.applying import (
    application_document_add,
    application_save,
    application_start,
    application_submit,
    application_withdraw,
)
from hamkor.calls.models import Application, Call
from hamkor.calls.services import application_override
from hamkor.calls.tests.factories import complete_draft, open_call, person_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(faculty_a):
    return open_call(required_documents=["transcript"], min_gpa=Decimal("3.50"))


@pytest.fixture
def student(applicant, faculty_a):
    person_for(applicant, faculty_a)
    return applicant


def test_submission_one_second_after_the_deadline_is_refused_and_the_draft_kept(call, student):
    application = complete_draft(call, student)
    late = call.closes_at + datetime.timedelta(seconds=1)

    with pytest.raises(ValidationError, match="deadline has passed"):
        application_submit(application=application, actor=student, now=late)

    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT
    assert application.motivation == "I want to study abroad."
    assert application.preferences.count() == 2


def test_submission_at_the_deadline_itself_is_accepted(call, student):
    application = complete_draft(call, student)

    application_submit(application=application, actor=student, now=call.closes_at)

    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.submitted_at == call.closes_at


def test_a_draft_saved_before_the_deadline_can_still_be_edited_after_it(call, student):
    application = complete_draft(call, student)
    Call.objects.filter(pk=call.pk).update(closes_at=call.opens_at + datetime.timedelta(hours=1))
    application.refresh_from_db()
    application.motivation = "Edited after the deadline."

    application_save(
        application=application,
        preferences=[],
        actor=student,
        expected_version=application.version,
    )

    application.refresh_from_db()
    assert application.motivation == "Edited after the deadline."
    with pytest.raises(ValidationError, match="deadline has passed"):
        application_submit(application=application, actor=student)


def test_an_incomplete_application_names_what_it_lacks(call, student):
    application = application_start(call=call, actor=student)

    with pytest.raises(ValidationError) as refused:
        application_submit(application=application, actor=student)

    message = " ".join(refused.value.messages)
    assert "preferred place" in message
    assert "motivation letter" in message
    assert "Transcript of records" in message


def test_a_gpa_out_of_range_is_refused_at_the_field(call, student):
    application = application_start(call=call, actor=student)
    application.gpa = Decimal("7.00")

    with pytest.raises(ValidationError) as refused:
        application_save(
            application=application,
            preferences=[],
            actor=student,
            expected_version=application.version,
        )

    assert "between 0 and 5" in refused.value.message_dict["gpa"][0]


def test_more_preferences_than_the_call_allows_are_refused(call, student):
    call.max_preferences = 1
    call.save()
    application = application_start(call=call, actor=student)

    with pytest.raises(ValidationError, match="at most 1"):
        application_save(
            application=application,
            preferences=list(call.places.all()),
            actor=student,
            expected_version=application.version,
        )


def test_a_file_of_the_wrong_type_is_refused(call, student):
    application = application_start(call=call, actor=student)
    program = SimpleUploadedFile("transcript.pdf", b"MZ\x90\x00 an executable renamed")

    with pytest.raises(ValidationError, match="Only PDF, DOCX"):
        application_document_add(
            application=application, kind="transcript", upload=program, actor=student
        )
    assert not application.documents.exists()


def test_a_file_too_large_is_refused(call, student, settings):
    settings.FILE_UPLOAD_MAX_SIZE = 100
    application = application_start(call=call, actor=student)
    big = SimpleUploadedFile("transcript.pdf", b"%PDF-1.4\n" + b"0" * 200)

    with pytest.raises(ValidationError, match="larger than"):
        application_document_add(
            application=application, kind="transcript", upload=big, actor=student
        )


def test_a_second_file_of_a_kind_is_a_new_version(call, student):
    application = application_start(call=call, actor=student)
    first = application_document_add(
        application=application, kind="transcript", upload=pdf_upload("a.pdf"), actor=student
    )
    second = application_document_add(
        application=application, kind="transcript", upload=pdf_upload("b.pdf"), actor=student
    )

    assert first == second
    assert second.document.versions.count() == 2


def test_submission_checks_eligibility_and_keeps_the_reasons(
    call, student, django_capture_on_commit_callbacks
):
    application = complete_draft(call, student, gpa="3.00")

    with django_capture_on_commit_callbacks(execute=True):
        application_submit(application=application, actor=student)

    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    assert application.eligible is False
    assert application.eligibility_reasons == ["gpa"]
    (receipt,) = mail.outbox
    assert "The minimum GPA is 3.50." in receipt.body


def test_the_office_admits_an_ineligible_application_with_a_reason(call, student, officer):
    application = complete_draft(call, student, gpa="3.00")
    application_submit(application=application, actor=student)

    with pytest.raises(ValidationError):
        application_override(application=application, actor=officer, reason=" ")
    application_override(application=application, actor=officer, reason="Transcript corrected")

    application.refresh_from_db()
    assert application.admitted
    assert application.overridden_by == officer
    assert application.history.first().history_change_reason == (
        "calls.application.eligibility_overridden"
    )


def test_faculty_and_language_conditions_are_reasons(call, student, faculty_b):
    call.faculties.set([faculty_b])
    call.language, call.min_cefr = "en", "B2"
    call.save()
    application = complete_draft(call, student)
    application.language, application.cefr_level = "en", "B1"
    application.save()

    application_submit(application=application, actor=student)

    application.refresh_from_db()
    assert application.eligibility_reasons == ["faculty", "language"]


def test_the_receipt_is_in_the_applicants_language(
    call, student, django_capture_on_commit_callbacks
):
    student.language = "ru"
    student.save()
    application = complete_draft(call, student)

    with django_capture_on_commit_callbacks(execute=True):
        application_submit(application=application, actor=student)

    (receipt,) = mail.outbox
    assert receipt.to == [student.email]
    assert call.title_ru in receipt.subject


def test_withdrawal(call, student):
    application = complete_draft(call, student)
    application_submit(application=application, actor=student)

    application_withdraw(application=application, actor=student)

    application.refresh_from_db()
    assert application.status == Application.Status.WITHDRAWN
    with pytest.raises(ValidationError):
        application_submit(application=application, actor=student)
