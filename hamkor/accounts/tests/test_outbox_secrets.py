"""The administrators' outbox never hands out another user's one-time link (issue 7, 22)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.utils.http import urlsafe_base64_decode

from conftest import login
from hamkor.accounts import services
from hamkor.core.models import OutboxMessage, OutboxReading

OUTBOX = "/staff/outbox/"
RESET_LINK = re.compile(r"/account/password/reset/([^/\s<>\"']+)/([^/\s<>\"']+)/")


@pytest.fixture
def console_mail(settings):
    """The project's embedded-mode backend: mail printed and kept in the outbox."""
    settings.EMAIL_BACKEND = "hamkor.core.mail.OutboxConsoleBackend"


def live_links(text: str, user) -> list[str]:
    """Every reset link in ``text`` whose token would still work for ``user``."""
    found = []
    for uid, token in RESET_LINK.findall(text):
        try:
            pk = urlsafe_base64_decode(uid).decode()
        except (ValueError, UnicodeDecodeError):
            continue
        if pk == str(user.pk) and default_token_generator.check_token(user, token):
            found.append(f"/account/password/reset/{uid}/{token}/")
    return found


def test_outbox_hides_another_users_reset_link(client, admin, officer, console_mail, capsys):
    client.post("/account/password/reset/", {"email": officer.email})
    # The real message went out with a working link (here: printed by the console).
    sent = capsys.readouterr().out
    assert len(live_links(sent, officer)) == 1
    real_token = RESET_LINK.search(sent)[2]

    login(client, admin)
    message = OutboxMessage.objects.get()
    # (The outbox has no export: nobody holds its export permission.)
    assert client.get(f"{OUTBOX}?export=csv").status_code == 403
    for page in (OUTBOX, f"{OUTBOX}{message.pk}/"):
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        assert real_token not in html, page
        assert live_links(html, officer) == [], page
    detail = client.get(f"{OUTBOX}{message.pk}/").text
    assert "/account/password/reset/…/[hidden]/" in detail
    # Nor is the token stored: Django's own admin site shows the stored row.
    assert real_token not in message.body

    # Following the masked link resets nothing.
    client.post("/account/logout/")
    masked = client.get("/account/password/reset/…/[hidden]/", follow=True)
    assert 'name="new_password1"' not in masked.text


def test_outbox_hides_the_invitation_link(
    client, admin, console_mail, capsys, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invited = services.user_invite(
            actor=admin,
            email="new@example.org",
            full_name="New Person",
            roles=["officer"],
        )
    assert live_links(capsys.readouterr().out, invited)
    login(client, admin)
    message = OutboxMessage.objects.get(recipients="new@example.org")
    assert live_links(client.get(f"{OUTBOX}{message.pk}/").text, invited) == []


def test_outbox_masks_rows_kept_before_the_fix(client, admin, officer):
    token = default_token_generator.make_token(officer)
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(officer.pk))
    message = OutboxMessage.objects.create(
        sender="hamkor@localhost",
        recipients=officer.email,
        subject="Choose a new Hamkor password",
        body=f"Open http://testserver/account/password/reset/{uid}/{token}/ now",
        status="kept",
    )
    login(client, admin)
    html = client.get(f"{OUTBOX}{message.pk}/").text
    assert token not in html
    assert live_links(html, officer) == []


def test_outbox_hides_codes_a_sender_marks_secret(admin, console_mail):
    message = EmailMessage("Your code", "Enter 734-912 to continue.", to=["a@example.org"])
    message.secrets = ["734-912"]
    message.send()
    assert OutboxMessage.objects.get().body == "Enter [hidden] to continue."


def test_outbox_records_who_opened_which_message(client, admin, officer, console_mail):
    client.post("/account/password/reset/", {"email": officer.email})
    message = OutboxMessage.objects.get()
    login(client, admin)
    page = client.get(f"{OUTBOX}{message.pk}/").text
    reading = OutboxReading.objects.get()
    assert (reading.message, reading.reader) == (message, admin)
    assert "Opened in the outbox by" in page
    assert str(admin) in client.get(f"{OUTBOX}{message.pk}/").text
    assert OutboxReading.objects.filter(message=message, reader=admin).count() == 2
