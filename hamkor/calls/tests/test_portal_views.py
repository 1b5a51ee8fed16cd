"""The applicant's pages and the public call page, through the client: own applications
only, bad input refused beside the field with nothing typed lost, the listing's selector."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from hamkor.accounts.tests.factories import UserFactory
from hamkor.calls.models import Application, Call
from hamkor.calls.selectors import open_calls
from hamkor.calls.tests.factories import CallFactory, complete_draft, open_call, person_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(faculty_a):
    return open_call(required_documents=["transcript"])


@pytest.fixture
def student(applicant, faculty_a):
    person_for(applicant, faculty_a)
    return applicant


def _form(application, **changes):
    places = list(application.call.places.order_by("id"))
    data = {
        "_version": application.version,
        "study_level": "bachelor",
        "year_of_study": "2",
        "gpa": "4.2",
        "language": "",
        "cefr_level": "",
        "motivation": "Typed with care.",
        "preference_1": places[0].pk,
    }
    data.update(changes)
    return data


def test_another_applicants_application_is_not_found(as_user, call, faculty_a):
    other = UserFactory(roles=["applicant"])
    person_for(other, faculty_a)
    theirs = complete_draft(call, other)

    response = as_user("applicant").get(reverse("calls:my_application", kwargs={"pk": theirs.pk}))

    assert response.status_code == 404


def test_a_gpa_out_of_range_is_refused_beside_the_field_and_the_letter_kept(as_user, call, student):
    application = complete_draft(call, student)
    url = reverse("calls:my_application", kwargs={"pk": application.pk})

    response = as_user("applicant").post(url, _form(application, gpa="9.5", save=""))

    assert response.status_code == 400
    page = response.content.decode()
    assert "A GPA is between 0 and 5" in page or "less than or equal to 5" in page
    assert "Typed with care." in page
    application.refresh_from_db()
    assert application.motivation == "I want to study abroad."


def test_a_late_submission_keeps_the_typed_draft(as_user, call, student):
    application = complete_draft(call, student)
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - datetime.timedelta(seconds=1))
    url = reverse("calls:my_application", kwargs={"pk": application.pk})

    response = as_user("applicant").post(url, _form(application, submit=""))

    assert response.status_code == 400
    assert "The deadline has passed" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT
    assert application.motivation == "Typed with care."


def test_submitting_from_the_page(as_user, call, student, django_capture_on_commit_callbacks):
    application = complete_draft(call, student)
    url = reverse("calls:my_application", kwargs={"pk": application.pk})

    with django_capture_on_commit_callbacks(execute=True):
        response = as_user("applicant").post(url, _form(application, submit=""))

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == Application.Status.SUBMITTED
    portal = as_user("applicant").get(reverse("students:portal")).content.decode()
    assert call.title_en in portal
    assert "Submitted" in portal


def test_apply_creates_the_draft_from_the_first_post(as_user, call, student):
    url = reverse("calls:apply", kwargs={"pk": call.pk})
    place = call.places.first()

    response = as_user("applicant").post(
        url,
        {"study_level": "bachelor", "gpa": "4", "motivation": "Hello", "preference_1": place.pk},
    )

    application = Application.objects.get(applicant=student)
    assert response.url == reverse("calls:my_application", kwargs={"pk": application.pk})
    assert application.motivation == "Hello"


def test_the_listing_shows_only_calls_taking_applications(call):
    CallFactory()  # a draft
    expired = open_call(places=1)
    Call.objects.filter(pk=expired.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    assert list(open_calls()) == [call]


def test_the_public_page_shows_places_conditions_and_apply(client, call):
    call.min_gpa = 3.5
    call.save()

    page = client.get(reverse("public:call_detail", kwargs={"pk": call.pk})).content.decode()

    assert str(call.places.first().institution) in page
    assert "Minimum GPA" in page
    assert reverse("calls:apply", kwargs={"pk": call.pk}) in page
    assert reverse("public:applicant_register") in page


def test_a_draft_call_is_not_public(client):
    draft = CallFactory()

    response = client.get(reverse("public:call_detail", kwargs={"pk": draft.pk}))

    assert response.status_code == 404


def test_the_certificates_language_is_chosen_by_its_name_in_the_readers_language(
    as_user, call, student
):
    application = complete_draft(call, student)
    url = reverse("calls:my_application", kwargs={"pk": application.pk})
    client = as_user("applicant")
    client.cookies["django_language"] = "uz"

    page = client.get(url, HTTP_ACCEPT_LANGUAGE="uz").content.decode()
    refused = client.post(url, _form(application, language="xx", save=""))
    client.post(url, _form(application, language="de", save=""))

    assert '<option value="de">nemischa</option>' in page
    assert "ISO 639" not in page
    assert refused.status_code == 400  # shown again beside the field, nothing saved
    application.refresh_from_db()
    assert application.language == "de"
