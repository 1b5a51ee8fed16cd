"""The event figures, each counted by hand on a small set of records."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from hamkor.core.documents import document_add
from hamkor.events.certificates import certificate_issue
from hamkor.events.figures import event_figures
from hamkor.events.tests.factories import EventFactory, ParticipantFactory
from hamkor.mobility.tests.test_services import PersonFactory, StaffFactory
from hamkor.partners.tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db

START, END = datetime.date(2022, 1, 1), datetime.date(2025, 12, 31)
PDF = b"%PDF-1.4\n%%EOF\n"


def abroad(kind="conference", country="TR", start=datetime.date(2024, 5, 6)):
    return EventFactory(kind=kind, organisation="attended", country=country, start=start)


def attended_with_scan(event, person, officer):
    participant = ParticipantFactory(event=event, person=person, name="")
    document_add(
        record=participant,
        kind="certificate",
        upload=SimpleUploadedFile("certificate.pdf", PDF),
        actor=officer,
    )
    return participant


def test_professors_abroad_count_each_staff_member_once_with_a_certificate(
    home, faculty_a, officer
):
    one, two, without, guest = (
        StaffFactory(org_unit=faculty_a),
        StaffFactory(org_unit=faculty_a),
        StaffFactory(org_unit=faculty_a),
        PersonFactory(),
    )
    first, second = abroad(), abroad(kind="symposium", country="DE")
    attended_with_scan(first, one, officer)
    attended_with_scan(second, one, officer)  # the same professor twice: once
    attended_with_scan(first, two, officer)
    ParticipantFactory(event=first, person=without, name="")  # no certificate
    attended_with_scan(first, guest, officer)  # not our staff
    attended_with_scan(abroad(kind="webinar"), StaffFactory(org_unit=faculty_a), officer)
    attended_with_scan(abroad(country="UZ"), StaffFactory(org_unit=faculty_a), officer)
    attended_with_scan(
        abroad(start=datetime.date(2021, 12, 31)), StaffFactory(org_unit=faculty_a), officer
    )
    waiting = attended_with_scan(first, StaffFactory(org_unit=faculty_a), officer)
    waiting.registration = "waiting"
    waiting.save()

    assert event_figures(start=START, end=END)["professors_abroad_with_certificate"] == 2


def test_a_generated_certificate_counts_like_an_uploaded_one(home, faculty_a, officer):
    # Our event abroad (organised with a partner there): generated certificates count.
    event = EventFactory(kind="seminar", country="KZ", start=datetime.date(2023, 3, 1))
    participant = ParticipantFactory(event=event, person=StaffFactory(org_unit=faculty_a))
    certificate_issue(participant=participant, actor=officer)

    assert event_figures(start=START, end=END)["professors_abroad_with_certificate"] == 1


def test_webinars_with_partners_and_conferences_we_organised(home):
    partner = InstitutionFactory()
    counted = EventFactory(kind="webinar", organisation="ours", start=datetime.date(2022, 2, 1))
    counted.partners.add(partner)
    twice = EventFactory(kind="webinar", start=datetime.date(2025, 12, 31))
    twice.partners.add(partner, InstitutionFactory())  # two partners: one webinar
    EventFactory(kind="webinar", start=datetime.date(2023, 1, 1))  # no partner recorded
    attended = EventFactory(kind="webinar", organisation="attended", start=START)
    attended.partners.add(partner)  # held by others
    EventFactory(kind="conference", organisation="with_partners", start=datetime.date(2024, 4, 4))
    EventFactory(kind="conference", organisation="ours", start=datetime.date(2024, 4, 4))
    EventFactory(kind="conference", organisation="with_partners", start=datetime.date(2026, 1, 1))

    figures = event_figures(start=START, end=END)

    assert figures["webinars_with_partners"] == 2
    assert figures["conferences_organised_with_partners"] == 1


def test_a_period_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        event_figures(start=END, end=START)
