"""Reads of the events app that are more than a filter: places, open events, the
participants who receive a certificate."""

from __future__ import annotations

from django.utils import timezone

from hamkor.events.models import Event, Participant


def places_taken(event: Event) -> int:
    return event.participants.filter(registration=Participant.Registration.CONFIRMED).count()


def places_left(event: Event) -> int | None:
    """Free places, or ``None`` when the event has no capacity."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - places_taken(event))


def open_events():
    """Our events taking registrations from the website, soonest first."""
    return (
        Event.objects.organised()
        .filter(registration_open=True, end__gte=timezone.localdate())
        .order_by("start", "id")
    )


def certificates_pending(event_ids) -> list[Participant]:
    """Confirmed participants of our events among ``event_ids`` (each a certificate)."""
    return list(
        Participant.objects.filter(
            event_id__in=event_ids, registration=Participant.Registration.CONFIRMED
        )
        .exclude(event__organisation=Event.Organisation.ATTENDED)
        .select_related("event", "person")
        .order_by("event__start", "event_id", "name", "id")
    )
