"""The webhooks' staff pages: administrators only."""

from __future__ import annotations

import pytest

from hamkor.core.testing.viewtests import ViewTests
from hamkor.webhooks.models import Delivery, Webhook

pytestmark = pytest.mark.django_db


class TestWebhookViews(ViewTests):
    urls = "webhooks:webhook"
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    writer = "admin"
    reader = "admin"
    outsider = "officer"
    edit_changes = {"name": "Moodle"}
    create_changes = {
        "name": "Partner CRM",
        "url": "https://93.184.216.34/hook",
        "events": ["agreement.activated", "mobility.completed"],
        "is_active": "on",
    }

    def make(self, faculty_a):
        return Webhook.objects.create(
            name=f"Receiver {Webhook.objects.count()}",
            url="https://93.184.216.34/hook",
            events=["agreement.activated"],
        )


def test_form_refuses_a_local_address(as_user):
    client = as_user("admin")
    response = client.post(
        "/staff/webhooks/add/",
        {"name": "Local", "url": "http://127.0.0.1:8000/", "events": ["agreement.activated"]},
    )
    assert response.status_code == 400
    assert "private or local network" in response.content.decode()
    assert not Webhook.objects.exists()


def test_delivery_page_shows_attempts_to_admins_only(as_user):
    webhook = Webhook.objects.create(name="CRM", url="https://93.184.216.34/", events=[])
    delivery = Delivery.objects.create(
        webhook=webhook, event="mobility.completed", payload={"event": "mobility.completed"}
    )
    delivery.tries.create(number=1, status_code=500, response="Internal error")
    page = as_user("admin").get(f"/staff/webhooks/deliveries/{delivery.pk}/")
    assert page.status_code == 200
    assert "Internal error" in page.content.decode()
    assert as_user("officer").get(f"/staff/webhooks/deliveries/{delivery.pk}/").status_code == 403


def test_secret_rotation_replaces_the_secret(as_user):
    webhook = Webhook.objects.create(name="CRM", url="https://93.184.216.34/", events=[])
    old = webhook.secret
    assert as_user("admin").post(f"/staff/webhooks/{webhook.pk}/secret/").status_code == 302
    webhook.refresh_from_db()
    assert webhook.secret != old and len(webhook.secret) == 64
