"""E-mail backends that keep a copy of each message in the outbox."""

from __future__ import annotations

from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend


def _keep(messages, status: str, error: str = "") -> None:
    from hamkor.core.models import OutboxMessage

    rows = []
    for message in messages:
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
                subject=message.subject,
                body=message.body,
                html_body=html,
                status=status,
                error=error,
            )
        )
    OutboxMessage.objects.bulk_create(rows)


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
