"""The events a webhook may subscribe to, declared once, and how a service emits one.

A service calls :func:`event_emit` inside its transaction; the deliveries are created and
queued only when that transaction commits (``transaction.on_commit``), so a step rolled
back sends nothing. The payload names the record and its staff page; a receiver reads the
rest through the API.
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.core.urls_helpers import absolute_url

EVENTS: dict[str, object] = {
    "agreement.activated": _("Agreement activated"),
    "agreement.terminated": _("Agreement terminated"),
    "agreement.expired": _("Agreement expired"),
    "mobility.started": _("Mobility started"),
    "mobility.completed": _("Mobility completed"),
    "mobility.cancelled": _("Mobility cancelled"),
    "application.submitted": _("Application submitted"),
    "foreign_student.enrolled": _("Foreign student enrolled"),
}


def event_choices() -> list[tuple[str, object]]:
    return list(EVENTS.items())


def event_payload(*, event: str, record) -> dict:
    """What every delivery of ``event`` about ``record`` carries."""
    opts = record._meta
    try:
        url = absolute_url(record.get_absolute_url())
    except NoReverseMatch:  # a record without a staff page of its own
        url = ""
    data = {
        "type": f"{opts.app_label}.{opts.model_name}",
        "id": record.pk,
        "name": str(record),
        "url": url,
    }
    if hasattr(record, "status"):
        data["status"] = record.status
    return {
        "id": str(uuid.uuid4()),
        "event": event,
        "occurred_at": timezone.now().isoformat(),
        "data": data,
    }


def event_emit(*, event: str, record) -> None:
    """Queue deliveries of ``event`` to every active webhook subscribed to it, once the
    current transaction commits."""
    if event not in EVENTS:
        raise ValueError(f"unknown webhook event: {event}")
    payload = event_payload(event=event, record=record)

    def queue():
        from hamkor.webhooks.services import deliveries_create

        deliveries_create(event=event, payload=payload)

    transaction.on_commit(queue)
