"""The outbox's staff pages, tested by declaration: administrators read the mail the system
sent; nobody writes it, imports or exports it from here."""

from __future__ import annotations

import pytest

from hamkor.core.models import OutboxMessage
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
