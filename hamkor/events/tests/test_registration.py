"""Public registration for our open events: capacity, waiting list and its promotion, the
confirmation e-mail with its calendar file, the cancellation link, refusals, rate limit."""

from __future__ import annotations

import base64
import contextlib
import datetime
import zlib

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from hamkor import languages
from hamkor.events.models import Participant
from hamkor.events.registration import cancel_token
from hamkor.events.services import participant_cancel
from hamkor.events.tests.factories import EventFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def register_url(event, language="en"):
    with translation.override(language):
        return reverse("public:event_detail", kwargs={"pk": event.pk})


def link_in(message, part: str) -> str:
    """The path of the link of ``message`` whose address holds ``part``."""
    link = next(word for word in message.body.split() if part in word)
    return "/" + link.split("/", 3)[3]


def register(client, event, *, email, name="Aziza Karimova", language="en", **extra):
    """Fill in the form, then confirm from the e-mail it sends (which is taken out of the
    outbox); answers the last page, the form's when it refuses."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            register_url(event, language),
            {"name": name, "email": email, "affiliation": "", "language": language, **extra},
        )
    if response.status_code != 200:
        return response
    request = mail.outbox.pop()
    assert request.to == [email]
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(link_in(request, "/events/confirm/"))


@pytest.fixture
def open_event(home):
    return EventFactory(
        registration_open=True,
        capacity=2,
        title_en="Webinar on open science",
        title_ru="Вебинар об открытой науке",
        start=timezone.localdate() + datetime.timedelta(days=10),
        starts_at=datetime.time(15, 0),
        ends_at=datetime.time(16, 30),
    )


def test_registration_confirms_by_email_with_an_ics_in_tashkent_time(client, open_event):
    response = register(client, open_event, email="aziza@example.org", language="ru")

    assert response.status_code == 200
    participant = Participant.objects.get()
    assert participant.registration == Participant.Registration.CONFIRMED
    assert participant.language == "ru"
    (message,) = mail.outbox
    assert message.to == ["aziza@example.org"]
    assert "Вебинар об открытой науке" in message.subject
    name, ics, mimetype = message.attachments[0]
    assert (name, mimetype) == ("event.ics", "text/calendar")
    day = open_event.start.strftime("%Y%m%d")
    assert f"DTSTART;TZID=Asia/Tashkent:{day}T150000" in ics
    assert f"DTEND;TZID=Asia/Tashkent:{day}T163000" in ics
    assert "TZOFFSETTO:+0500" in ics
    assert "SUMMARY:Вебинар об открытой науке" in ics
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    # The cancellation link in the e-mail cancels this registration.
    link = next(line for line in message.body.splitlines() if "/events/cancel/" in line)
    path = link[link.index("/ru/") :]
    assert client.get(path).status_code == 200
    client.post(path)
    participant.refresh_from_db()
    assert participant.registration == Participant.Registration.CANCELLED


def test_the_form_registers_nobody_until_the_address_confirms_it(client, open_event):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            register_url(open_event, "ru"),
            {"name": "Азиза", "email": "aziza@example.org", "affiliation": "", "language": "ru"},
        )
    assert response.status_code == 200
    assert 'role="status"' in response.content.decode()
    assert "aziza@example.org" in response.content.decode()
    assert not Participant.objects.exists()
    (request,) = mail.outbox
    assert request.to == ["aziza@example.org"]
    assert "Вебинар об открытой науке" in request.subject
    path = link_in(request, "/events/confirm/")
    assert path.startswith("/ru/events/confirm/")
    # The link carries what was typed sealed: mail servers and logs cannot read it.
    # (Decoded as a merely signed value would be: its payload, compressed or not.)
    payload = path.rstrip("/").rsplit("/", 1)[1].split(":")[0].lstrip(".")
    raw = base64.urlsafe_b64decode(payload + "==")
    with contextlib.suppress(zlib.error):
        raw = zlib.decompress(raw)
    assert b"aziza" not in raw

    # Opening the link (as a mail scanner would) registers nobody; confirming does, once.
    assert "Азиза" in client.get(path).content.decode()
    assert not Participant.objects.exists()
    client.post(path)
    client.post(path)
    participant = Participant.objects.get()
    assert (participant.name, participant.language) == ("Азиза", "ru")


def test_a_forged_or_expired_link_registers_nobody(client, open_event, settings):
    register(client, open_event, email="x@example.org")
    forged = reverse("public:event_confirm", kwargs={"token": "eyJlIjoxfQ:1abc:def"})
    response = client.post(forged)
    assert response.status_code == 400
    assert "not valid or has expired" in response.content.decode()
    assert Participant.objects.count() == 1


def test_a_full_event_puts_the_next_on_the_waiting_list_and_promotes_on_cancel(
    client, open_event, django_capture_on_commit_callbacks
):
    for n in range(3):
        register(client, open_event, email=f"p{n}@example.org", name=f"Person {n}")
    first, second, third = Participant.objects.order_by("id")
    assert [p.registration for p in (first, second, third)] == [
        "confirmed",
        "confirmed",
        "waiting",
    ]
    assert "waiting list" in mail.outbox[2].body
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("public:event_cancel", kwargs={"token": cancel_token(first)}),
        )

    third.refresh_from_db()
    assert third.registration == Participant.Registration.CONFIRMED
    (promotion,) = mail.outbox
    assert promotion.to == ["p2@example.org"]


def test_a_full_event_without_a_waiting_list_refuses_and_saves_nothing(client, open_event):
    open_event.waiting_list = False
    open_event.save()
    ParticipantFactory.create_batch(2, event=open_event)

    response = register(client, open_event, email="late@example.org")

    assert response.status_code == 400
    assert "This event is full: no places are left." in response.content.decode()
    assert not Participant.objects.filter(email="late@example.org").exists()
    assert not mail.outbox


def test_a_past_event_refuses_with_a_clear_message(client, home):
    past = EventFactory(
        registration_open=True,
        start=timezone.localdate() - datetime.timedelta(days=3),
        end=timezone.localdate() - datetime.timedelta(days=2),
    )

    response = register(client, past, email="late@example.org")

    assert response.status_code == 400
    assert "This event is over: registration is closed." in response.content.decode()
    assert not Participant.objects.exists()


def test_registering_twice_with_one_email_is_refused(client, open_event):
    register(client, open_event, email="aziza@example.org")

    response = register(client, open_event, email="Aziza@Example.org", name="Other")

    assert response.status_code == 400
    assert "already registered for this event" in response.content.decode()
    assert Participant.objects.count() == 1


def test_a_malformed_email_is_refused_beside_the_field(client, open_event):
    response = register(client, open_event, email="not-an-email")

    assert response.status_code == 400
    assert not Participant.objects.exists()


def test_the_form_is_rate_limited_per_address(client, open_event, settings):
    settings.HAMKOR_EVENT_REGISTRATIONS_PER_IP = 2
    open_event.capacity = None
    open_event.save()
    for n in range(2):
        assert register(client, open_event, email=f"p{n}@example.org").status_code == 200

    response = register(client, open_event, email="p9@example.org")

    assert response.status_code == 429
    assert "Too many registrations from your address" in response.content.decode()
    assert Participant.objects.count() == 2


def test_events_we_attend_or_closed_are_not_public(client, home):
    attended = EventFactory(organisation="attended")
    closed = EventFactory(registration_open=False)

    assert client.get(register_url(attended)).status_code == 404
    assert client.get(register_url(closed)).status_code == 404


@pytest.mark.parametrize("language", ["uz", "uz-cyrl", "ru", "en"])
def test_the_public_pages_answer_in_each_language(client, open_event, language):
    with translation.override(language):
        listing = client.get(reverse("public:event_list"))
    page = client.get(register_url(open_event, language))

    assert listing.status_code == 200 and page.status_code == 200
    assert f'<html lang="{languages.BCP47[language]}">' in page.content.decode()


def test_the_participants_export_lists_the_registrations(as_user, open_event):
    ParticipantFactory(event=open_event, name="Aziza Karimova", email="aziza@example.org")
    url = reverse("events:participant_list") + f"?event={open_event.pk}&export=csv"

    officer_csv = b"".join(as_user("officer").get(url).streaming_content).decode()
    leader_csv = b"".join(as_user("leadership").get(url).streaming_content).decode()

    assert "Aziza Karimova" in officer_csv and "aziza@example.org" in officer_csv
    assert "Aziza Karimova" in leader_csv and "aziza@example.org" not in leader_csv


def test_the_cancel_link_refuses_once_the_event_is_over_and_promotes_nobody(
    client, open_event, django_capture_on_commit_callbacks
):
    for n in range(3):
        register(client, open_event, email=f"p{n}@example.org", name=f"Person {n}")
    first, _second, third = Participant.objects.order_by("id")
    open_event.start = timezone.localdate() - datetime.timedelta(days=3)
    open_event.end = timezone.localdate() - datetime.timedelta(days=2)
    open_event.save()
    mail.outbox.clear()
    link = reverse("public:event_cancel", kwargs={"token": cancel_token(first)})

    assert "can no longer be cancelled" in client.get(link).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)

    assert response.status_code == 400
    assert "This event is over: the registration can no longer be cancelled." in response.text
    first.refresh_from_db()
    third.refresh_from_db()
    assert first.registration == Participant.Registration.CONFIRMED
    assert third.registration == Participant.Registration.WAITING
    assert not mail.outbox


def test_staff_cancelling_after_the_event_tells_nobody_a_place_is_theirs(open_event, officer):
    present = ParticipantFactory(event=open_event)
    ParticipantFactory(event=open_event)
    waiting = ParticipantFactory(event=open_event, registration=Participant.Registration.WAITING)
    open_event.start = timezone.localdate() - datetime.timedelta(days=3)
    open_event.end = timezone.localdate() - datetime.timedelta(days=2)
    open_event.save()

    assert participant_cancel(participant=present, actor=officer) is None

    waiting.refresh_from_db()
    assert waiting.registration == Participant.Registration.WAITING
