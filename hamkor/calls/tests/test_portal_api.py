"""The applicant's own applications through the API (``/api/v1/my-applications/``): the same
rules as the portal's pages (deadline, missing items, the page's form, the time to answer a
place), the user's own rows only, versions."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from hamkor.accounts.tests.factories import UserFactory
from hamkor.agreements.tests.factories import pdf_upload
from hamkor.calls.models import Application, Call
from hamkor.calls.tests.factories import complete_draft, open_call, person_for, set_status

pytestmark = pytest.mark.django_db

URL = "/api/v1/my-applications/"


@pytest.fixture
def call(faculty_a):
    return open_call(required_documents=["transcript"])


@pytest.fixture
def student(applicant, faculty_a):
    person_for(applicant, faculty_a)
    return applicant


@pytest.fixture
def api(as_user, student):
    return as_user("applicant")


def _post(client, url, body):
    return client.post(url, body, content_type="application/json")


def _patch(client, url, body):
    return client.patch(url, body, content_type="application/json")


def test_an_applicant_drafts_uploads_and_submits_through_the_api(
    api, call, student, django_capture_on_commit_callbacks
):
    places = list(call.places.order_by("id"))
    started = _post(
        api,
        URL,
        {
            "call": call.pk,
            "study_level": "bachelor",
            "year_of_study": 2,
            "gpa": "4.10",
            "motivation": "Written for the API.",
            "preferences": [places[1].pk, places[0].pk],
        },
    )
    assert started.status_code == 201, started.json()
    draft = started.json()
    assert draft["status"] == "draft"
    assert draft["preferences"] == [places[1].pk, places[0].pk]
    # The page's list of what is missing: the call's required transcript.
    assert draft["missing"] == ["Transcript of records"]
    assert draft["steps"] == ["submit", "withdraw"]

    early = _post(api, f"{URL}{draft['id']}/transitions/submit/", {})
    assert early.status_code == 400
    assert "Transcript of records" in early.json()["detail"][0]

    upload = api.post(
        f"{URL}{draft['id']}/documents/", {"kind": "transcript", "file": pdf_upload("t.pdf")}
    )
    assert upload.status_code == 201, upload.json()
    assert upload.json()["documents"] == [{"kind": "transcript", "filename": "t.pdf"}]
    assert upload.json()["missing"] == []

    with django_capture_on_commit_callbacks(execute=True):
        submitted = _post(api, f"{URL}{draft['id']}/transitions/submit/", {})
    assert submitted.status_code == 200, submitted.json()
    assert submitted.json()["status"] == "submitted"
    application = Application.objects.get(pk=draft["id"])
    assert application.submitted_at is not None
    assert [m.to for m in mail.outbox] == [[student.email]]  # the page's receipt
    assert application.history.first().history_user == student


def test_a_draft_is_kept_after_the_deadline_but_not_submitted(api, call, student):
    application = complete_draft(call, student)
    Call.objects.filter(pk=call.pk).update(closes_at=timezone.now() - datetime.timedelta(hours=1))

    saved = _patch(
        api,
        f"{URL}{application.pk}/",
        {"motivation": "Late words.", "version": application.version},
    )
    refused = _post(api, f"{URL}{application.pk}/transitions/submit/", {})

    assert saved.status_code == 200
    assert saved.json()["motivation"] == "Late words."
    assert refused.status_code == 400
    assert "deadline has passed" in refused.json()["detail"][0]
    application.refresh_from_db()
    assert application.status == Application.Status.DRAFT


def test_starting_is_refused_for_a_closed_call_and_a_second_time(api, call, student):
    closed = open_call()
    set_status(closed, Call.Status.CLOSED)
    draft_call = open_call()
    set_status(draft_call, Call.Status.DRAFT)

    assert _post(api, URL, {"call": closed.pk}).json() == {
        "detail": ["This call is not open for applications."]
    }
    assert "call" in _post(api, URL, {"call": draft_call.pk}).json()  # not even found
    first = _post(api, URL, {"call": call.pk})
    again = _post(api, URL, {"call": call.pk})

    assert first.status_code == 201
    assert again.status_code == 400
    assert str(first.json()["id"]) in again.json()["call"][0]
    assert Application.objects.filter(applicant=student).count() == 1


def test_the_pages_form_checks_the_draft(api, call, student):
    application = complete_draft(call, student)
    other_call_place = open_call().places.first()
    url = f"{URL}{application.pk}/"
    version = application.version

    scale = _patch(api, url, {"gpa": "9.50", "version": version})
    twice = _patch(api, url, {"preferences": [call.places.first().pk] * 2, "version": version})
    foreign = _patch(api, url, {"preferences": [other_call_place.pk], "version": version})

    assert scale.status_code == 400 and "gpa" in scale.json()
    assert twice.status_code == 400 and "Each place may be chosen once." in str(twice.json())
    assert foreign.status_code == 400 and "preferences" in foreign.json()
    application.refresh_from_db()
    assert application.version == version  # nothing saved


def test_a_change_needs_its_version_and_a_stale_one_is_refused(api, call, student):
    application = complete_draft(call, student)
    url = f"{URL}{application.pk}/"

    missing = _patch(api, url, {"motivation": "No version."})
    words = _patch(api, url, {"motivation": "A word.", "version": "three"})
    assert words.status_code == 400 and "version" in words.json()
    fresh = _patch(api, url, {"motivation": "First.", "version": application.version})
    stale = _patch(api, url, {"motivation": "Second.", "version": application.version})

    assert missing.status_code == 400 and "version" in missing.json()
    assert fresh.status_code == 200
    assert stale.status_code == 409
    application.refresh_from_db()
    assert application.motivation == "First."


def test_a_patch_keeps_the_fields_it_does_not_name(api, call, student):
    application = complete_draft(call, student)

    answer = _patch(
        api, f"{URL}{application.pk}/", {"year_of_study": 3, "version": application.version}
    )

    assert answer.status_code == 200
    body = answer.json()
    assert body["year_of_study"] == 3
    assert body["gpa"] == "4.20"
    assert body["motivation"] == "I want to study abroad."
    assert len(body["preferences"]) == 2


def test_only_the_users_own_applications_are_found(as_user, call, student, faculty_a, officer):
    other = UserFactory(roles=["applicant"])
    person_for(other, faculty_a)
    theirs = complete_draft(call, other)
    mine = complete_draft(call, student)
    client = as_user("applicant")

    listed = client.get(URL).json()
    assert [row["id"] for row in listed] == [mine.pk]
    for answer in (
        client.get(f"{URL}{theirs.pk}/"),
        _patch(client, f"{URL}{theirs.pk}/", {"motivation": "x", "version": theirs.version}),
        _post(client, f"{URL}{theirs.pk}/transitions/withdraw/", {}),
        client.post(f"{URL}{theirs.pk}/documents/", {"kind": "transcript"}),
    ):
        assert answer.status_code == 404
    staff = as_user("officer")
    assert staff.get(URL).json() == []  # the officer's own: none
    assert staff.get(f"{URL}{mine.pk}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Application.Status.DRAFT


def test_withdrawal_and_an_unknown_step(api, call, student):
    application = complete_draft(call, student)

    unknown = _post(api, f"{URL}{application.pk}/transitions/approve/", {})
    stale = _post(api, f"{URL}{application.pk}/transitions/withdraw/", {"version": 1000})
    done = _post(api, f"{URL}{application.pk}/transitions/withdraw/", {})
    again = _post(api, f"{URL}{application.pk}/transitions/withdraw/", {})

    assert unknown.status_code == 404
    assert stale.status_code == 409
    assert done.status_code == 200 and done.json()["status"] == "withdrawn"
    assert again.status_code == 400
    assert "cannot be withdrawn" in again.json()["detail"][0]


def _offered(call, student, *, deadline):
    application = complete_draft(call, student)
    Application.objects.filter(pk=application.pk).update(
        status=Application.Status.SUBMITTED,
        eligible=True,
        outcome="selected",
        allocated_place=call.places.first(),
        offer_deadline=deadline,
    )
    return application


def test_results_are_shown_once_published_and_the_answer_has_its_deadline(api, call, student):
    application = _offered(call, student, deadline=timezone.now() - datetime.timedelta(minutes=1))
    url = f"{URL}{application.pk}/"
    set_status(call, Call.Status.EVALUATION)

    hidden = api.get(url).json()
    set_status(call, Call.Status.PUBLISHED)
    shown = api.get(url).json()
    late = _post(api, f"{url}transitions/decline/", {})

    assert hidden["outcome"] is None and hidden["allocated_place"] is None
    assert shown["outcome"] == "selected"
    assert shown["allocated_place"] == call.places.first().pk
    assert "accept" not in shown["steps"]
    assert late.status_code == 400
    assert late.json() == {"detail": ["The time to answer has passed."]}


def test_an_offered_place_is_declined_in_time(api, call, student):
    application = _offered(call, student, deadline=timezone.now() + datetime.timedelta(days=2))
    set_status(call, Call.Status.PUBLISHED)
    url = f"{URL}{application.pk}/"

    assert api.get(url).json()["steps"] == ["accept", "decline"]
    refused = _post(api, f"{url}transitions/withdraw/", {})
    declined = _post(api, f"{url}transitions/decline/", {})

    assert refused.status_code == 400  # a place is allocated: decline it instead
    assert declined.status_code == 200
    assert declined.json()["status"] == "declined"


def test_the_anonymous_visitor_is_asked_to_authenticate(client, call):
    assert client.get(URL).status_code == 401
    assert _post(client, URL, {"call": call.pk}).status_code == 401
