"""The outbox's staff pages, tested by declaration: administrators read the mail the system
sent; nobody writes it, imports or exports it from here."""

from __future__ import annotations

import pytest

from hamkor.core.models import EmailTemplate, OutboxMessage
from hamkor.core.testing.viewtests import ViewTests

pytestmark = pytest.mark.django_db


class TestOutboxViews(ViewTests):
    urls = "core:outboxmessage"
    actions = ("list", "detail")
    writer = "admin"
    reader = "admin"
    outsider = "officer"

    def make(self, faculty_a):
        return OutboxMessage.objects.create(
            sender="iro@example.org",
            recipients="guest@example.org",
            subject="Your visit to the Faculty A",
            body="Welcome.",
            status=OutboxMessage.Status.KEPT,
        )


class TestEmailTemplateViews(ViewTests):
    """The templates of bulk e-mail: administrators' pages (officers send, not write them)."""

    urls = "core:emailtemplate"
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    writer = "admin"
    reader = "admin"
    outsider = "officer"
    edit_changes = {"subject_en": "Before you leave"}
    create_changes = {
        "code": "pre-departure",
        "subject_uz": "Joʻnab ketishdan oldin",
        "body_uz": "Hurmatli {name}, ...",
    }

    def make(self, faculty_a):
        return EmailTemplate.objects.create(
            code=f"welcome-{EmailTemplate.objects.count()}",
            subject_uz="Xush kelibsiz",
            body_uz="Hurmatli {name}!",
        )
