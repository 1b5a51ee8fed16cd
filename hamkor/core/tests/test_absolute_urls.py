"""One public address for the site (``HAMKOR_BASE_URL``): the letter's QR code and the links
of every e-mail name it, never the host a request happened to come by."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from hamkor.core.urls_helpers import absolute_url

BASE = "https://hamkor.university.uz"


@pytest.fixture(autouse=True)
def _public_address(settings):
    settings.HAMKOR_BASE_URL = BASE + "/"


def links(message) -> list[str]:
    return [word for word in message.body.split() if "://" in word]


def test_absolute_url_joins_the_public_address_and_a_path():
    assert absolute_url("/staff/") == f"{BASE}/staff/"
    assert absolute_url("staff/") == f"{BASE}/staff/"
    assert absolute_url() == f"{BASE}/"


def test_letter_qr_code_and_printed_address_name_the_public_address(
    monkeypatch, home, faculty_a, officer
):
    from hamkor.mobility import letters
    from hamkor.mobility.services import mobility_invitation_issue
    from hamkor.mobility.tests.test_letters import pdf_pages
    from hamkor.mobility.tests.test_services import MobilityFactory, PersonFactory

    guest = MobilityFactory(
        incoming=True,
        person=PersonFactory(citizenship="DE", org_unit=faculty_a, language="en"),
        home_unit=faculty_a,
        planned_start=datetime.date(2026, 4, 6),
        planned_end=datetime.date(2026, 4, 17),
    )
    mobility_invitation_issue(mobility=guest, actor=officer)
    encoded = []
    real_qr = letters.qr_svg
    monkeypatch.setattr(letters, "qr_svg", lambda url: encoded.append(url) or real_qr(url))

    class Response:
        content = letters.invitation_pdf(guest)

    check = reverse("public:letter_verify", kwargs={"token": guest.invitation_token})
    assert encoded == [BASE + check]
    text = " ".join(pdf_pages(Response)).replace("\n", "")
    assert BASE + check in text
    assert "127.0.0.1" not in text


def test_password_reset_link_names_the_public_address(client, officer):
    client.post(
        reverse("accounts:password_reset"), {"email": officer.email}, HTTP_HOST="testserver"
    )

    (message,) = mail.outbox
    (link,) = links(message)
    assert link.startswith(f"{BASE}/account/password/reset/"), link


def test_invitation_link_names_the_public_address(
    client, admin, django_capture_on_commit_callbacks
):
    from hamkor.accounts.roles import Role
    from hamkor.accounts.services import user_invite

    with django_capture_on_commit_callbacks(execute=True):
        user_invite(actor=admin, email="new@example.org", full_name="New", roles=[Role.OFFICER])

    (message,) = mail.outbox
    (link,) = links(message)
    assert link.startswith(f"{BASE}/account/password/reset/"), link


def test_agreement_reminder_link_names_the_public_address(
    officer, django_capture_on_commit_callbacks
):
    from hamkor.agreements.services import agreement_reminders_send
    from hamkor.agreements.tests.factories import AgreementFactory, put_in_status

    agreement = AgreementFactory(responsible=officer, valid_to=datetime.date(2026, 3, 1))
    put_in_status(agreement, "active")

    with django_capture_on_commit_callbacks(execute=True):
        agreement_reminders_send(today=datetime.date(2026, 1, 1))

    (message,) = mail.outbox
    detail = reverse("agreements:agreement_detail", kwargs={"pk": agreement.pk})
    assert BASE + detail in links(message)
