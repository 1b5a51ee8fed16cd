"""Participants: a person at an event once, through the page, the service and the import;
publications' DOIs; events that end before they start. Refusals save nothing."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hamkor.core.models import ImportJob
from hamkor.core.testing.forms import read_form
from hamkor.events.models import Event, Participant, Publication
from hamkor.events.services import participant_save
from hamkor.events.tests.factories import EventFactory, ParticipantFactory
from hamkor.mobility.tests.test_services import PersonFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_a_person_added_twice_is_refused_with_their_name(officer, faculty_a):
    event = EventFactory(home_unit=faculty_a)
    person = StaffFactory(org_unit=faculty_a, last_name="Karimov", first_name="Dilshod")
    participant_save(participant=Participant(event=event, person=person), actor=officer)

    with pytest.raises(ValidationError) as refused:
        participant_save(participant=Participant(event=event, person=person), actor=officer)

    assert "Karimov Dilshod is already a participant of this event." in refused.value.messages
    assert event.participants.count() == 1


def test_the_same_email_typed_in_twice_is_refused_whatever_its_case(officer):
    event = EventFactory()
    ParticipantFactory(event=event, name="Aziza Karimova", email="aziza@example.org")

    with pytest.raises(ValidationError):
        participant_save(
            participant=Participant(event=event, name="A. Karimova", email="AZIZA@example.org"),
            actor=officer,
        )
    assert event.participants.count() == 1


def test_a_cancelled_registration_does_not_block_coming_back(officer):
    event = EventFactory()
    ParticipantFactory(
        event=event, email="aziza@example.org", registration=Participant.Registration.CANCELLED
    )

    participant_save(
        participant=Participant(event=event, name="Aziza", email="aziza@example.org"),
        actor=officer,
    )

    assert event.participants.count() == 2


def test_the_same_person_at_another_event_is_fine(officer):
    person = PersonFactory()
    for event in (EventFactory(), EventFactory()):
        participant_save(participant=Participant(event=event, person=person), actor=officer)
    assert person.event_participations.count() == 2


def test_the_page_refuses_a_participant_twice_beside_the_field(as_user, faculty_a):
    event = EventFactory(home_unit=faculty_a)
    person = StaffFactory(org_unit=faculty_a, last_name="Karimov", first_name="Dilshod")
    ParticipantFactory(event=event, person=person, name="")
    client = as_user("officer")
    url = reverse("events:participant_add") + f"?event={event.pk}"
    data = read_form(client.get(url).content.decode())
    data.update(person=str(person.pk), name="", email="", role="speaker")

    response = client.post(url, data)

    assert response.status_code == 400
    assert "Karimov Dilshod is already a participant of this event." in response.content.decode()
    assert event.participants.count() == 1


def test_a_participant_without_a_person_or_a_name_is_refused(as_user, faculty_a):
    event = EventFactory(home_unit=faculty_a)
    client = as_user("officer")
    url = reverse("events:participant_add") + f"?event={event.pk}"
    data = read_form(client.get(url).content.decode())
    data.update(person="", name="  ", role="attendee")

    response = client.post(url, data)

    assert response.status_code == 400
    assert "Choose a person from the registry or type the participant" in response.content.decode()
    assert not event.participants.exists()


def test_an_event_ending_before_it_starts_is_refused_on_the_page(as_user, faculty_a):
    client = as_user("officer")
    url = reverse("events:event_add")
    data = read_form(client.get(url).content.decode())
    data.update(
        kind="seminar",
        organisation="ours",
        format="in_person",
        title_en="Seminar",
        start="2026-05-12",
        end="2026-05-10",
    )

    response = client.post(url, data)

    assert response.status_code == 400
    assert "The event cannot end before it starts." in response.content.decode()
    assert not Event.objects.exists()


@pytest.mark.parametrize("doi", ["11.1234/abc", "10.12/abc", "doi 10.1234/abc", "10.1234/"])
def test_a_malformed_doi_is_refused_and_nothing_saved(as_user, faculty_a, doi):
    event = EventFactory(home_unit=faculty_a)
    client = as_user("officer")
    url = reverse("events:publication_add") + f"?event={event.pk}"
    data = read_form(client.get(url).content.decode())
    data.update(event=str(event.pk), title="Paper", doi=doi)

    response = client.post(url, data)

    assert response.status_code == 400
    assert "is not a DOI" in response.content.decode()
    assert not Publication.objects.exists()


def test_a_doi_given_as_a_link_is_kept_bare(as_user, faculty_a):
    event = EventFactory(home_unit=faculty_a)
    client = as_user("officer")
    url = reverse("events:publication_add") + f"?event={event.pk}"
    data = read_form(client.get(url).content.decode())
    data.update(event=str(event.pk), title="Paper", doi="https://doi.org/10.1234/Abc.5")

    response = client.post(url, data)

    assert response.status_code == 302
    assert Publication.objects.get().doi == "10.1234/Abc.5"


def test_the_event_page_shows_participants_certificates_and_outcomes(as_user, faculty_a):
    from hamkor.agreements.tests.factories import AgreementFactory
    from hamkor.events.certificates import certificate_issue
    from hamkor.events.tests.factories import PublicationFactory

    event = EventFactory(
        home_unit=faculty_a, start=datetime.date(2025, 5, 14), end=datetime.date(2025, 5, 15)
    )
    issued = ParticipantFactory(event=event, name="Aziza Karimova")
    certificate_issue(participant=issued, actor=None)
    ParticipantFactory(event=event, name="Botir Aliyev")
    PublicationFactory(event=event, title="Teaching online", doi="10.1234/t.1")
    agreement = AgreementFactory()
    event.agreements.add(agreement)

    page = as_user("leadership").get(event.get_absolute_url()).content.decode()

    assert "Aziza Karimova" in page and "Botir Aliyev" in page
    assert issued.certificate_reference in page
    assert "1 certificate issued" in page
    assert "Teaching online" in page and "10.1234/t.1" in page
    assert str(agreement) in page


def test_a_coordinator_cannot_add_a_participant_to_another_faculty_event(
    as_user, faculty_a, faculty_b
):
    event = EventFactory(home_unit=faculty_b)
    client = as_user("coordinator")
    url = reverse("events:participant_add")
    data = read_form(client.get(url).content.decode())
    data.update(event=str(event.pk), name="Someone", role="attendee")

    response = client.post(url, data)

    assert response.status_code in (400, 403)
    assert not event.participants.exists()


def test_import_refuses_a_file_with_the_same_person_twice_and_saves_none(as_user, faculty_a):
    import io

    from openpyxl import Workbook

    event = EventFactory(home_unit=faculty_a)
    person = StaffFactory(org_unit=faculty_a, email="d.karimov@example.uz")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["event", "person_email", "name", "role", "hours", "language"])
    sheet.append([event.pk, "d.karimov@example.uz", "", "speaker", 4, "en"])
    sheet.append([event.pk, "", "Typed Person", "attendee", 2, "ru"])
    sheet.append([event.pk, "d.karimov@example.uz", "", "attendee", 2, "en"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    buffer.name = "participants.xlsx"
    client = as_user("officer")
    url = reverse("events:participant_import")

    preview = client.post(url, {"file": buffer})
    job = ImportJob.objects.get()
    applied = client.post(url, {"job": job.pk})

    assert preview.status_code == 200
    assert applied.status_code == 400
    assert "Row 4:" in applied.content.decode()
    assert "is already a participant of this event" in applied.content.decode()
    assert not event.participants.exists()
    assert person.event_participations.count() == 0


def test_dates_of_an_event_are_kept_as_typed(officer):
    from hamkor.events.services import event_save

    event = event_save(
        event=Event(
            kind="webinar",
            organisation="ours",
            format="online",
            title_ru="Вебинар",
            start=datetime.date(2025, 3, 12),
            end=datetime.date(2025, 3, 12),
        ),
        actor=officer,
    )
    assert (event.start, event.end, str(event)) == (
        datetime.date(2025, 3, 12),
        datetime.date(2025, 3, 12),
        "Вебинар",
    )
