"""A visitor registers for one of our open events on the public website, the office sends
the certificates, and the visitor downloads theirs from the link in the e-mail.

The registration is typed in the English pages with a name in Cyrillic and Russian chosen for
the certificate; the confirmation e-mail carries the calendar file and the cancellation link.
An officer opens the event's page, finds the participant and sends the certificate; the
visitor follows the e-mail's link, downloads the PDF (read back: the Cyrillic name, the
number, the event's Russian title) and checks it on the public page its QR code names.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from pypdf import PdfReader

from tests.e2e.conftest import expect, log_in

pytestmark = pytest.mark.django_db(transaction=True)

NAME = "Азиза Каримова"
EMAIL = "aziza.karimova@example.org"
TITLE_EN = "Seminar on open science"
TITLE_RU = "Семинар об открытой науке"


@pytest.fixture
def event(home, department):
    from hamkor.events.tests.factories import EventFactory

    return EventFactory(
        kind="seminar",
        title_en=TITLE_EN,
        title_ru=TITLE_RU,
        registration_open=True,
        capacity=20,
        start=timezone.localdate() + datetime.timedelta(days=14),
        starts_at=datetime.time(10, 0),
    )


def link_in(message, pattern: str) -> str:
    return next(word for word in message.body.split() if re.search(pattern, word))


def test_public_registration_through_to_the_certificate_download(
    new_page, event, officer, live_server, tmp_path
):
    from hamkor.events.models import Event, Participant

    # 1. The visitor finds the event on the public site and registers.
    visitor = new_page()
    visitor.goto("/en/events/")
    with visitor.expect_navigation():
        visitor.get_by_role("link", name=re.compile(TITLE_EN)).click()
    form = visitor.locator("main form")
    form.locator("input[name=name]").fill(NAME)
    form.locator("input[name=email]").fill(EMAIL)
    form.locator("input[name=affiliation]").fill("Fergana State University")
    form.locator("select[name=language]").select_option("ru")
    with visitor.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(visitor.get_by_role("status")).to_contain_text("Check your e-mail")
    assert not Participant.objects.filter(email=EMAIL).exists()

    # The address is confirmed from the e-mail's link (in the language chosen).
    (request,) = mail.outbox
    assert request.to == [EMAIL]
    confirm_link = link_in(request, "/events/confirm/")
    visitor.goto(confirm_link.replace("http://127.0.0.1:8000", live_server.url))
    with visitor.expect_navigation():
        visitor.locator("main form button[type=submit]").click()
    expect(visitor.get_by_role("status")).to_contain_text(EMAIL)
    mail.outbox.remove(request)

    (confirmation,) = mail.outbox
    assert confirmation.to == [EMAIL]
    assert confirmation.attachments[0][0] == "event.ics"
    assert "/ru/events/cancel/" in confirmation.body
    participant = Participant.objects.get(email=EMAIL)
    assert participant.registration == "confirmed" and participant.language == "ru"

    # 2. The seminar takes place (time passes: its day moves to yesterday), then the officer
    # sends the certificate from the participant's page.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(start=yesterday, end=yesterday)
    office = new_page()
    log_in(office, officer)
    office.goto(event.get_absolute_url())
    with office.expect_navigation():
        office.locator("#participants").get_by_role("link", name=NAME).click()
    with office.expect_navigation():
        office.get_by_role("button", name="Send the certificate by e-mail").click()
    expect(office.locator(".alert-success")).to_contain_text(f"sent to {EMAIL}")

    # 3. The visitor downloads the certificate from the e-mail's link and reads it.
    certificate_mail = mail.outbox[-1]
    assert certificate_mail.to == [EMAIL]
    download_link = link_in(certificate_mail, "/certificates/download/")
    verify_link = link_in(certificate_mail, r"/certificates/(?!download/)")
    participant.refresh_from_db()
    with visitor.expect_download() as download_info:
        visitor.evaluate(
            "url => { const a = document.createElement('a'); a.href = url; "
            "document.body.append(a); a.click(); }",
            download_link.replace("http://127.0.0.1:8000", live_server.url),
        )
    download = download_info.value
    assert download.suggested_filename == f"{participant.certificate_reference}.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    text = " ".join(page.extract_text() for page in PdfReader(saved).pages)
    assert NAME in text
    assert participant.certificate_reference in text
    assert TITLE_RU in text

    # 4. The check page the QR code names confirms it.
    visitor.goto(verify_link.replace("http://127.0.0.1:8000", live_server.url))
    expect(visitor.get_by_role("status")).to_contain_text(participant.certificate_reference)
    expect(visitor.locator("main")).to_contain_text(NAME)
