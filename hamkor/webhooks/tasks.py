"""Sending deliveries: one attempt per run, retried with exponential backoff."""

from __future__ import annotations

from celery import shared_task

from hamkor.webhooks.models import Delivery
from hamkor.webhooks.services import MAX_ATTEMPTS, backoff, delivery_attempt


@shared_task(bind=True, max_retries=MAX_ATTEMPTS - 1)
def delivery_send(self, delivery_id: int) -> str:
    """Attempt the delivery; while it is still pending, retry after 1, 2, 4, ... minutes.

    Without a broker the task runs inside the request that emitted the event: a retry would
    hold that request, so the delivery stays pending and the daily job sends it again
    (``deliveries_retry_due``)."""
    delivery = Delivery.objects.select_related("webhook").filter(pk=delivery_id).first()
    if delivery is None or delivery.status != Delivery.Status.PENDING:
        return "gone"
    delivery_attempt(delivery=delivery)
    if delivery.status == Delivery.Status.PENDING and not self.request.is_eager:
        raise self.retry(countdown=backoff(delivery.attempts))
    return delivery.status
