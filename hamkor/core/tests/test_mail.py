"""The e-mail outbox: in the embedded mode mail is printed and kept for administrators."""

from __future__ import annotations

import pytest
from django.core.mail import EmailMultiAlternatives, send_mail

from hamkor.core.models import OutboxMessage

OUTBOX = "/staff/outbox/"


@pytest.fixture
def console_mail(settings, db):
    """The project's own embedded-mode backend (it keeps mail in the database)."""
    settings.EMAIL_BACKEND = "hamkor.core.mail.OutboxConsoleBackend"


def test_mail_sent_in_embedded_mode_is_kept_in_the_outbox(console_mail, capsys):
    send_mail("Visa deadline", "The visa expires soon.", None, ["student@example.org"])
    message = OutboxMessage.objects.get()
    assert message.status == OutboxMessage.Status.KEPT
    assert message.subject == "Visa deadline"
    assert message.recipients == "student@example.org"
    assert message.body == "The visa expires soon."
    assert message.sender == "hamkor@localhost"
    # It is also printed, for whoever runs the development server.
    assert "Subject: Visa deadline" in capsys.readouterr().out


def test_mail_with_an_html_part_keeps_both_texts(console_mail):
    email = EmailMultiAlternatives("Welcome", "Plain words", to=["a@example.org", "b@example.org"])
    email.attach_alternative("<p>Rich words</p>", "text/html")
    email.send()
    message = OutboxMessage.objects.get()
    assert message.recipients == "a@example.org, b@example.org"
    assert message.html_body == "<p>Rich words</p>"


def test_mail_outbox_lists_messages_to_an_administrator(as_user, console_mail):
    send_mail("Visa deadline", "The visa expires soon.", None, ["student@example.org"])
    client = as_user("admin")
    response = client.get(OUTBOX)
    assert response.status_code == 200
    assert "Visa deadline" in response.text
    assert "student@example.org" in response.text

    message = OutboxMessage.objects.get()
    response = client.get(f"{OUTBOX}{message.pk}/")
    assert response.status_code == 200
    assert "The visa expires soon." in response.text


@pytest.mark.parametrize("persona", ["officer", "coordinator", "leadership", "applicant"])
def test_mail_outbox_is_closed_to_everyone_else(as_user, console_mail, persona):
    send_mail("Visa deadline", "The visa expires soon.", None, ["student@example.org"])
    message = OutboxMessage.objects.get()
    client = as_user(persona)
    assert client.get(OUTBOX).status_code == 403
    assert client.get(f"{OUTBOX}{message.pk}/").status_code == 403


def test_mail_outbox_is_not_shown_to_anonymous_visitors(client, db):
    response = client.get(OUTBOX)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
