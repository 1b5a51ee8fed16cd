"""Guards on the applicant's side: the call's audience in the eligibility, only the files
the applicant uploaded served back to them, a cap on an application's files, and a draft
saved without its version refused rather than overwriting a later save."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hamkor.accounts.tests.factories import UserFactory
from hamkor.agreements.tests.factories import pdf_upload
from hamkor.calls.applying import application_document_add, application_submit
from hamkor.calls.models import Application, Call
from hamkor.calls.rules import reasons_text
from hamkor.calls.tests.factories import complete_draft, open_call, person_for
from hamkor.core.documents import document_add
from hamkor.mobility.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(faculty_a):
    return open_call(required_documents=["transcript"])


@pytest.fixture
def student(applicant, faculty_a):
    person_for(applicant, faculty_a)
    return applicant


def test_a_staff_member_applying_to_a_students_call_is_not_eligible_with_the_reason(
    call, applicant, faculty_a
):
    person_for(applicant, faculty_a, category=Person.Category.STAFF)
    application = complete_draft(call, applicant)

    application_submit(application=application, actor=applicant)

    application.refresh_from_db()
    assert application.eligible is False
    assert application.eligibility_reasons == ["audience"]
    assert reasons_text(application) == ["The call is for students of the university only."]


def test_a_student_applying_to_a_staff_call_is_not_eligible(student, faculty_a):
    staff_call = open_call(audience=Call.Audience.STAFF)
    application = complete_draft(staff_call, student)

    application_submit(application=application, actor=student)

    application.refresh_from_db()
    assert reasons_text(application) == ["The call is for staff members of the university only."]


def test_the_applicant_downloads_only_the_files_they_uploaded(as_user, call, student, officer):
    application = complete_draft(call, student)
    own = application.documents.get().document.current
    attached = document_add(
        record=application,
        kind="application",
        title="Committee note",
        upload=pdf_upload("note.pdf"),
        actor=officer,
    ).current
    client = as_user("applicant")

    assert client.get(reverse("calls:my_document", kwargs={"pk": own.pk})).status_code == 200
    assert client.get(reverse("calls:my_document", kwargs={"pk": attached.pk})).status_code == 404


def test_another_applicant_cannot_download_the_files(as_user, call, student, faculty_a, client):
    application = complete_draft(call, student)
    own = application.documents.get().document.current
    other = UserFactory(roles=["applicant"])
    person_for(other, faculty_a)
    complete_draft(call, other)
    client.force_login(other)

    assert client.get(reverse("calls:my_document", kwargs={"pk": own.pk})).status_code == 404


def test_an_applications_files_are_capped_in_number(call, student, settings):
    settings.HAMKOR_APPLICATION_MAX_FILES = 2
    application = complete_draft(call, student)  # one file
    application_document_add(
        application=application, kind="transcript", upload=pdf_upload("b.pdf"), actor=student
    )

    with pytest.raises(ValidationError, match="at most 2 files"):
        application_document_add(
            application=application, kind="cv", upload=pdf_upload("c.pdf"), actor=student
        )
    assert application.documents.count() == 1


def test_an_applications_files_are_capped_in_total_size(as_user, call, student, settings):
    settings.HAMKOR_APPLICATION_MAX_MB = 0
    application = complete_draft(call, student, documents=False)
    url = reverse("calls:my_application_upload", kwargs={"pk": application.pk})

    response = as_user("applicant").post(url, {"kind": "transcript", "file": pdf_upload("t.pdf")})

    assert response.status_code == 400
    assert "may take 0 MB in all" in response.text
    assert not application.documents.exists()


def _form(application, **changes):
    data = {
        "study_level": "bachelor",
        "year_of_study": "2",
        "gpa": "4.2",
        "language": "",
        "cefr_level": "",
        "motivation": "Typed in the second window.",
        "preference_1": application.call.places.order_by("id").first().pk,
    }
    data.update(changes)
    return data


def test_a_draft_saved_without_its_version_is_refused_and_the_typing_kept(as_user, call, student):
    application = complete_draft(call, student)
    url = reverse("calls:my_application", kwargs={"pk": application.pk})

    response = as_user("applicant").post(url, _form(application))

    assert response.status_code == 400
    assert "could not be checked against your saved draft" in response.text
    assert "Typed in the second window." in response.text
    application.refresh_from_db()
    assert application.motivation == "I want to study abroad."


def test_the_apply_page_does_not_overwrite_a_draft_made_in_another_window(as_user, call, student):
    first = complete_draft(call, student)  # saved from another window meanwhile

    response = as_user("applicant").post(
        reverse("calls:apply", kwargs={"pk": call.pk}), _form(first)
    )

    assert response.status_code == 400
    assert "Typed in the second window." in response.text
    assert Application.objects.get(pk=first.pk).motivation == "I want to study abroad."
