"""Writes about webhooks: keeping them, creating deliveries, logging each attempt."""

from __future__ import annotations

import datetime
import json

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from hamkor.core.services import object_delete, object_save
from hamkor.webhooks import sending
from hamkor.webhooks.models import Delivery, DeliveryAttempt, Webhook, new_secret

MAX_ATTEMPTS = 8  # the first and seven retries, the last some 2 hours after the first
BACKOFF_SECONDS = 60  # before the first retry; doubled before each next one


def backoff(attempt: int) -> int:
    """Seconds to wait after failed attempt number ``attempt`` (1, 2, ...)."""
    return BACKOFF_SECONDS * 2 ** (attempt - 1)


@transaction.atomic
def webhook_save(*, webhook: Webhook, actor, expected_version: int | None = None) -> Webhook:
    created = webhook.pk is None
    # Checked when the webhook may send; every delivery checks the address again.
    if webhook.is_active:
        sending.address_check(webhook.url)
    return object_save(
        instance=webhook,
        actor=actor,
        expected_version=expected_version,
        reason="webhooks.webhook.created" if created else "webhooks.webhook.edited",
    )


@transaction.atomic
def webhook_secret_rotate(*, webhook: Webhook, actor) -> Webhook:
    """A new signing secret; the old one stops working at once."""
    webhook.secret = new_secret()
    return object_save(instance=webhook, actor=actor, reason="webhooks.webhook.secret_rotated")


def webhook_delete(*, webhook: Webhook, actor) -> None:
    object_delete(instance=webhook, actor=actor, reason="webhooks.webhook.deleted")


def deliveries_create(*, event: str, payload: dict) -> list[Delivery]:
    """A delivery of ``payload`` for each active webhook subscribed to ``event``, each
    sent by the Celery task (eagerly when there is no broker)."""
    from hamkor.webhooks.tasks import delivery_send

    deliveries = [
        Delivery.objects.create(webhook=webhook, event=event, payload=payload)
        for webhook in Webhook.objects.filter(is_active=True)
        if event in webhook.events
    ]
    for delivery in deliveries:
        delivery_send.delay(delivery.pk)
    return deliveries


def delivery_attempt(*, delivery: Delivery) -> DeliveryAttempt:
    """POST ``delivery`` once and log the attempt; the delivery is delivered after a 2xx,
    failed when its last attempt fails (or its webhook was disabled meanwhile)."""
    webhook = delivery.webhook
    number = delivery.attempts + 1
    if not webhook.is_active:
        answer = sending.Answer(None, "", "The webhook is disabled.", 0)
    else:
        body = json.dumps(delivery.payload, ensure_ascii=False, sort_keys=True).encode()
        answer = sending.post(
            url=webhook.url,
            secret=webhook.secret,
            body=body,
            headers={
                "X-Hamkor-Event": delivery.event,
                "X-Hamkor-Delivery": str(delivery.payload.get("id", delivery.pk)),
            },
        )
    attempt = DeliveryAttempt.objects.create(
        delivery=delivery,
        number=number,
        status_code=answer.status_code,
        response=answer.text,
        error=answer.error,
        duration_ms=answer.duration_ms,
    )
    if answer.ok:
        status = Delivery.Status.DELIVERED
    elif number >= MAX_ATTEMPTS or not webhook.is_active:
        status = Delivery.Status.FAILED
    else:
        status = Delivery.Status.PENDING
    next_at = None
    if status == Delivery.Status.PENDING:
        next_at = timezone.now() + datetime.timedelta(seconds=backoff(number))
    Delivery.objects.filter(pk=delivery.pk).update(
        attempts=F("attempts") + 1, status=status, next_attempt_at=next_at
    )
    delivery.refresh_from_db()
    return attempt


def deliveries_retry_due(*, now: datetime.datetime | None = None) -> int:
    """Attempt again every pending delivery whose next attempt is due. Celery's retries do
    this with a broker; without one (tasks run in the request) the daily job does."""
    due = Delivery.objects.select_related("webhook").filter(
        status=Delivery.Status.PENDING, next_attempt_at__lte=now or timezone.now()
    )
    count = 0
    for delivery in due:
        delivery_attempt(delivery=delivery)
        count += 1
    return count
