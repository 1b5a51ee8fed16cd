"""E-mail backends that keep a copy of each message in the outbox, one-time links hidden.

The outbox is read by administrators, and it holds other people's mail: a password-reset
or invitation link read there would let the reader take over that account. So the copy
keeps every one-time link and code masked (the message itself goes out whole), the pages
mask again whatever older rows hold, and each opening of a message is recorded.
"""

from __future__ import annotations

import re

from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend

HIDDEN = "[hidden]"

# One-time links: what is secret in each is replaced, the rest stays to show the kind of
# link. ``uidb64`` names the account, so it goes too.
ONE_TIME_LINKS = (
    # Password reset and invitation: /account/password/reset/<uidb64>/<token>/
    (
        re.compile(r"(/account/password/reset/)(?!sent/|done/)[^/\s<>\"']+/[^/\s<>\"']+/"),
        rf"\1…/{HIDDEN}/",
    ),
)


def redact(text: str, secrets: tuple[str, ...] | list[str] = ()) -> str:
    """``text`` with one-time links masked, and each of ``secrets`` (codes a sender marked
    on its message as ``message.secrets``) replaced by ``[hidden]``."""
    for pattern, replacement in ONE_TIME_LINKS:
        text = pattern.sub(replacement, text)
    for secret in secrets:
        if secret:
            text = text.replace(secret, HIDDEN)
    return text


def _keep(messages, status: str, error: str = "") -> None:
    from hamkor.core.models import OutboxMessage

    rows = []
    for message in messages:
        secrets = tuple(getattr(message, "secrets", ()))
        html = next(
            (
                content
                for content, mime in getattr(message, "alternatives", [])
                if mime == "text/html"
            ),
            "",
        )
        rows.append(
            OutboxMessage(
                sender=message.from_email,
                recipients=", ".join(message.recipients()),
                subject=redact(message.subject, secrets),
                body=redact(message.body, secrets),
                html_body=redact(html, secrets),
                status=status,
                error=redact(error, secrets),
            )
        )
    OutboxMessage.objects.bulk_create(rows)


def outbox_message_read(*, message, reader) -> None:
    """Record that ``reader`` opened ``message`` in the outbox."""
    from hamkor.core.models import OutboxReading

    OutboxReading.objects.create(message=message, reader=reader)


class OutboxConsoleBackend(ConsoleBackend):
    """Embedded mode: print each message and keep it in the outbox."""

    def send_messages(self, email_messages):
        sent = super().send_messages(email_messages)
        _keep(email_messages, "kept")
        return sent


class OutboxSMTPBackend(SMTPBackend):
    """Production: send by SMTP and keep a copy, with the error when sending failed."""

    def send_messages(self, email_messages):
        try:
            sent = super().send_messages(email_messages)
        except Exception as exc:
            _keep(email_messages, "failed", str(exc))
            raise
        _keep(email_messages, "sent")
        return sent
