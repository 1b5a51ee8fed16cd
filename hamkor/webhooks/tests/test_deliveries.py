"""Deliveries: signed, logged, retried with backoff; addresses checked against SSRF."""

from __future__ import annotations

import datetime
import json

import pytest
from celery.exceptions import Retry
from django.core.exceptions import ValidationError
from django.utils import timezone

from hamkor.mobility.models import Mobility
from hamkor.mobility.services import mobility_transition
from hamkor.mobility.tests.test_services import MobilityFactory
from hamkor.webhooks.events import event_emit
from hamkor.webhooks.models import Delivery, Webhook
from hamkor.webhooks.sending import EXCERPT_CHARS, SIGNATURE_HEADER, address_check, signature_valid
from hamkor.webhooks.services import deliveries_retry_due
from hamkor.webhooks.tasks import delivery_send
from hamkor.webhooks.tests.receiver import receiver

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_allowed(settings):
    settings.HAMKOR_WEBHOOKS_ALLOW_PRIVATE = True


def _webhook(url: str, events=("mobility.started",)) -> Webhook:
    return Webhook.objects.create(name="Partner system", url=url, events=list(events))


def test_event_is_delivered_signed_after_commit(
    private_allowed, django_capture_on_commit_callbacks, faculty_a
):
    mobility = MobilityFactory(status=Mobility.Status.ACCEPTED)
    with receiver((200, "thanks")) as (server, url):
        webhook = _webhook(url)
        _webhook(url, events=("mobility.completed",))  # not subscribed: nothing for it
        with django_capture_on_commit_callbacks(execute=True):
            mobility_transition(mobility=mobility, name="start_trip", actor=None)
            assert not server.received  # nothing leaves before the commit

    [(headers, body)] = server.received
    assert signature_valid(secret=webhook.secret, header=headers[SIGNATURE_HEADER], body=body)
    assert not signature_valid(secret="another secret", header=headers[SIGNATURE_HEADER], body=body)
    payload = json.loads(body)
    assert payload["event"] == headers["X-Hamkor-Event"] == "mobility.started"
    assert payload["data"]["type"] == "mobility.mobility"
    assert payload["data"]["id"] == mobility.pk
    assert payload["data"]["status"] == "in_progress"
    delivery = Delivery.objects.get(webhook=webhook)
    assert delivery.status == Delivery.Status.DELIVERED
    [attempt] = delivery.tries.all()
    assert (attempt.status_code, attempt.response) == (200, "thanks")


def test_rolled_back_step_sends_nothing(private_allowed, django_capture_on_commit_callbacks):
    mobility = MobilityFactory(status=Mobility.Status.ACCEPTED)
    _webhook("http://127.0.0.1:9/hook")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        event_emit(event="mobility.started", record=mobility)
    assert len(callbacks) == 1  # queued for the commit, which a rollback never reaches
    assert not Delivery.objects.exists()


def test_failures_are_retried_with_growing_waits(private_allowed, monkeypatch):
    waits = []

    def retry(*, countdown):
        waits.append(countdown)
        return Retry()

    monkeypatch.setattr(delivery_send, "retry", retry)
    with receiver((500, "x" * 5000), (503, "busy"), (200, "ok")) as (server, url):
        webhook = _webhook(url)
        delivery = Delivery.objects.create(webhook=webhook, event="mobility.started", payload={})
        # Called as a worker calls it: each failure asks Celery for a retry, later each time.
        for _failure in range(2):
            with pytest.raises(Retry):
                delivery_send(delivery.pk)
        assert delivery_send(delivery.pk) == Delivery.Status.DELIVERED

    assert waits == [60, 120]
    attempts = list(delivery.tries.values_list("number", "status_code"))
    assert attempts == [(1, 500), (2, 503), (3, 200)]
    assert len(delivery.tries.first().response) == EXCERPT_CHARS
    assert len(server.received) == 3


def test_without_a_broker_a_failure_waits_for_the_daily_job(private_allowed):
    with receiver((502, "down"), (200, "ok")) as (_server, url):
        delivery = Delivery.objects.create(
            webhook=_webhook(url), event="mobility.started", payload={}
        )
        assert delivery_send.delay(delivery.pk).get() == Delivery.Status.PENDING
        delivery.refresh_from_db()
        assert delivery.next_attempt_at > timezone.now()
        assert deliveries_retry_due() == 0  # not due yet
        later = timezone.now() + datetime.timedelta(minutes=2)
        assert deliveries_retry_due(now=later) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Delivery.Status.DELIVERED, 2)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://10.1.2.3/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "ftp://93.184.216.34/hook",
        "http://[64:ff9b::a00:1]/hook",  # NAT64 into 10.0.0.1
        "http://[2002:a00:1::1]/hook",  # 6to4 from 10.0.0.1
        "http://[::ffff:10.0.0.1]/hook",
    ],
)
def test_private_and_local_addresses_are_refused(url):
    with pytest.raises(ValidationError):
        address_check(url)


def test_public_address_is_accepted_and_is_where_the_delivery_goes():
    assert address_check("https://93.184.216.34/hook") == "93.184.216.34"


def test_delivery_to_a_private_address_is_logged_as_refused(settings):
    settings.HAMKOR_WEBHOOKS_ALLOW_PRIVATE = False
    # Saved while allowed, then the setting was turned off: the send itself checks again.
    webhook = _webhook("http://127.0.0.1:9/hook")
    delivery = Delivery.objects.create(webhook=webhook, event="mobility.started", payload={})
    delivery_send.delay(delivery.pk)
    attempt = delivery.tries.get()
    assert attempt.status_code is None
    assert "private or local network" in attempt.error
