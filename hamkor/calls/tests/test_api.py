"""The calls' API, the office's side: calls, places and criteria written through the calls
services (with their rules), steps, applications read in scope and admitted by override."""

from __future__ import annotations

import pytest

from hamkor.calls.models import Application, Call
from hamkor.calls.tests.factories import CallFactory, complete_draft, open_call, person_for
from hamkor.partners.tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db

JSON = "application/json"


def test_the_office_drafts_a_call_with_places_and_criteria_and_opens_it(as_user, faculty_a):
    client = as_user("officer")
    created = client.post(
        "/api/v1/calls/",
        {
            "title_uz": "Erasmus+ tanlovi",
            "programme": "ka171",
            "audience": "students",
            "opens_at": "2030-01-10T09:00:00+05:00",
            "closes_at": "2030-02-10T18:00:00+05:00",
            "faculties": [faculty_a.pk],
            "study_levels": ["bachelor"],
            "citizenships": ["UZ"],
        },
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    call = created.json()
    assert call["status"] == "draft"
    assert call["citizenships"] == ["UZ"]
    assert call["faculties"] == [faculty_a.pk]
    opening = f"/api/v1/calls/{call['id']}/transitions/open/"
    refused = client.post(opening, {}, content_type=JSON)
    assert refused.status_code == 400  # no places, no criteria yet
    place = client.post(
        "/api/v1/call-places/",
        {
            "call": call["id"],
            "institution": InstitutionFactory().pk,
            "mobility_kind": "student_study",
            "seats": 2,
            "semester": "autumn",
        },
        content_type=JSON,
    )
    assert place.status_code == 201, place.content
    criterion = {"call": call["id"], "code": "gpa", "name_uz": "GPA", "weight": 100}
    assert client.post("/api/v1/call-criteria/", criterion, content_type=JSON).status_code == 201
    too_much = {**criterion, "code": "extra", "weight": 10}
    over = client.post("/api/v1/call-criteria/", too_much, content_type=JSON)
    assert over.status_code == 400
    assert "weight" in over.json()
    opened = client.post(opening, {}, content_type=JSON)
    assert opened.status_code == 200, opened.content
    assert opened.json()["status"] == "open"


def test_coordinators_read_calls_but_do_not_write_them(as_user):
    call = CallFactory()
    client = as_user("coordinator")
    assert client.get(f"/api/v1/calls/{call.pk}/").status_code == 200
    response = client.patch(
        f"/api/v1/calls/{call.pk}/", {"title_uz": "x", "version": call.version}, content_type=JSON
    )
    assert response.status_code == 403


def test_applications_are_read_in_scope_and_admitted_with_a_reason(as_user, applicant, faculty_a):
    from hamkor.calls.applying import application_submit

    call = open_call(min_gpa="4.50")
    person_for(applicant, faculty_a)
    application = application_submit(
        application=complete_draft(call, applicant, gpa="3.00"), actor=applicant
    )
    assert application.eligible is False
    assert as_user("coordinator_b").get("/api/v1/applications/").json()["count"] == 0
    client = as_user("coordinator")
    listed = client.get("/api/v1/applications/", {"call": call.pk, "eligible": "false"})
    assert [row["id"] for row in listed.json()["results"]] == [application.pk]
    url = f"/api/v1/applications/{application.pk}/override/"
    assert client.post(url, {}, content_type=JSON).status_code == 400
    admitted = client.post(url, {"reason": "Grades confirmed by the dean"}, content_type=JSON)
    assert admitted.status_code == 200, admitted.content
    assert admitted.json()["override_reason"] == "Grades confirmed by the dean"
    assert as_user("leadership").post(url, {"reason": "x"}, content_type=JSON).status_code == 403


def test_drafts_are_never_listed(as_user, applicant, faculty_a):
    call = open_call()
    person_for(applicant, faculty_a)
    complete_draft(call, applicant)
    assert Application.objects.count() == 1
    assert as_user("officer").get("/api/v1/applications/").json()["count"] == 0
    assert Call.objects.count() == 1
