"""The events API: reads scoped like the pages, writes through the services with their
refusals (a participant twice, an event ending before it starts, a malformed DOI), the
version of an update checked, and the participants' e-mail only for who may change them."""

from __future__ import annotations

import pytest

from hamkor.events.models import Event, Participant, Publication
from hamkor.events.tests.factories import EventFactory, ParticipantFactory
from hamkor.mobility.tests.test_services import StaffFactory

pytestmark = pytest.mark.django_db

EVENTS = "/api/v1/events/"
PARTICIPANTS = "/api/v1/event-participants/"
PUBLICATIONS = "/api/v1/event-publications/"


def test_an_officer_creates_an_event_with_its_partners(as_user, home):
    from hamkor.partners.tests.factories import InstitutionFactory

    partner = InstitutionFactory(partnership="active")
    response = as_user("officer").post(
        EVENTS,
        {
            "kind": "webinar",
            "organisation": "with_partners",
            "format": "online",
            "title_en": "Webinar on assessment",
            "start": "2026-03-02",
            "end": "2026-03-02",
            "partners": [partner.pk],
        },
        content_type="application/json",
    )

    assert response.status_code == 201, response.json()
    event = Event.objects.get()
    assert list(event.partners.all()) == [partner]
    assert event.history.first().history_change_reason == "events.event.created"
    assert response.json()["title"] == "Webinar on assessment"


def test_an_event_ending_before_it_starts_is_refused_and_not_saved(as_user, home):
    response = as_user("officer").post(
        EVENTS,
        {
            "kind": "seminar",
            "organisation": "ours",
            "format": "in_person",
            "title_en": "Seminar",
            "start": "2026-03-02",
            "end": "2026-03-01",
        },
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["end"] == ["The event cannot end before it starts."]
    assert not Event.objects.exists()


def test_a_participant_twice_is_refused_through_the_api(as_user, faculty_a):
    event = EventFactory(home_unit=faculty_a)
    person = StaffFactory(org_unit=faculty_a, last_name="Karimov", first_name="Dilshod")
    client = as_user("officer")
    body = {"event": event.pk, "person": person.pk, "role": "speaker", "hours": "3"}

    first = client.post(PARTICIPANTS, body, content_type="application/json")
    again = client.post(PARTICIPANTS, body, content_type="application/json")

    assert first.status_code == 201
    assert again.status_code == 400
    assert again.json()["person"] == ["Karimov Dilshod is already a participant of this event."]
    assert Participant.objects.count() == 1


def test_a_malformed_doi_is_refused_through_the_api(as_user, faculty_a):
    event = EventFactory(home_unit=faculty_a)
    response = as_user("officer").post(
        PUBLICATIONS,
        {"event": event.pk, "title": "Paper", "doi": "11.22/x"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "is not a DOI" in response.json()["doi"][0]
    assert not Publication.objects.exists()


def test_an_update_needs_its_version_and_a_stale_one_is_refused(as_user, faculty_a):
    event = EventFactory(home_unit=faculty_a)
    client = as_user("officer")
    url = f"{EVENTS}{event.pk}/"

    missing = client.patch(url, {"city": "Fergana"}, content_type="application/json")
    saved = client.patch(
        url, {"city": "Fergana", "version": event.version}, content_type="application/json"
    )
    stale = client.patch(
        url, {"city": "Namangan", "version": event.version}, content_type="application/json"
    )

    assert missing.status_code == 400
    assert saved.status_code == 200 and saved.json()["city"] == "Fergana"
    assert stale.status_code == 409
    event.refresh_from_db()
    assert event.city == "Fergana"


def test_a_coordinator_writes_only_under_their_faculty_events(as_user, faculty_a, faculty_b):
    theirs = EventFactory(home_unit=faculty_a)
    other = EventFactory(home_unit=faculty_b)
    client = as_user("coordinator")

    allowed = client.post(
        PARTICIPANTS, {"event": theirs.pk, "name": "Guest"}, content_type="application/json"
    )
    refused = client.post(
        PARTICIPANTS, {"event": other.pk, "name": "Guest"}, content_type="application/json"
    )
    moved = client.patch(
        f"{EVENTS}{theirs.pk}/",
        {"home_unit": faculty_b.pk, "version": theirs.version},
        content_type="application/json",
    )

    assert allowed.status_code == 201
    assert refused.status_code == 403
    assert moved.status_code == 403
    assert not other.participants.exists()
    theirs.refresh_from_db()
    assert theirs.home_unit == faculty_a


def test_readers_read_without_the_participants_email(as_user, faculty_a):
    ParticipantFactory(event=EventFactory(home_unit=faculty_a), email="aziza@example.org")

    leader = as_user("leadership").get(PARTICIPANTS).json()["results"]
    officer = as_user("officer").get(PARTICIPANTS).json()["results"]

    assert "email" not in leader[0]
    assert officer[0]["email"] == "aziza@example.org"
    assert (
        as_user("leadership")
        .post(PARTICIPANTS, {"event": 1, "name": "x"}, content_type="application/json")
        .status_code
        == 403
    )


def test_delete_goes_through_the_generic_delete(as_user, faculty_a):
    event = EventFactory(home_unit=faculty_a)
    ParticipantFactory(event=event)

    response = as_user("officer").delete(f"{EVENTS}{event.pk}/")

    assert response.status_code == 204
    assert not Event.objects.exists() and not Participant.objects.exists()


def test_a_coordinator_reads_the_emails_of_their_faculty_participants_only(as_user, faculty_a):
    ParticipantFactory(event=EventFactory(home_unit=faculty_a), email="aziza@example.org")

    own = as_user("coordinator").get(PARTICIPANTS).json()["results"]
    other = as_user("coordinator_b").get(PARTICIPANTS).json()["results"]
    export = as_user("coordinator_b").get("/staff/participants/", {"export": "csv"})

    assert own[0]["email"] == "aziza@example.org"
    assert other[0]["email"] is None  # another faculty's event: the row, not its e-mail
    assert "aziza@example.org" not in b"".join(export.streaming_content).decode()
    own_export = as_user("coordinator").get("/staff/participants/", {"export": "csv"})
    assert "aziza@example.org" in b"".join(own_export.streaming_content).decode()


def test_a_participants_steps_are_those_of_its_page(as_user, faculty_a):
    from hamkor.events.tests.factories import EventFactory, ParticipantFactory

    participant = ParticipantFactory(event=EventFactory(home_unit=faculty_a))
    url = f"/api/v1/event-participants/{participant.pk}/transitions/"
    assert as_user("leadership").post(f"{url}cancel/", {}).status_code == 403
    assert as_user("coordinator_b").post(f"{url}cancel/", {}).status_code == 404
    client = as_user("coordinator")
    unknown = client.post(f"{url}dance/", {})
    assert unknown.status_code == 400
    assert unknown.json()["detail"] == ["There is no step “dance”."]
    cancelled = client.post(f"{url}cancel/", {})
    assert cancelled.status_code == 200, cancelled.content
    assert cancelled.json()["registration"] == "cancelled"
