"""Reads of the events app that are more than a filter: places, open events, the
participants who receive a certificate."""

from __future__ import annotations

import datetime

from django.utils import timezone

from hamkor.events.models import Event, Participant


def places_taken(event: Event) -> int:
    return event.participants.filter(registration=Participant.Registration.CONFIRMED).count()


def places_left(event: Event) -> int | None:
    """Free places, or ``None`` when the event has no capacity."""
    if event.capacity is None:
        return None
    return max(0, event.capacity - places_taken(event))


def public_events(*, since: datetime.date):
    """Our events the website shows (each has its public page) that end on ``since`` or
    later, soonest first."""
    return (
        Event.objects.organised()
        .filter(registration_open=True, end__gte=since)
        .order_by("start", "id")
    )


def open_events():
    """Our events taking registrations from the website, soonest first."""
    return public_events(since=timezone.localdate())


# The feed keeps the events of the last half year, so that a subscribed calendar keeps them.
FEED_DAYS_BACK = 183


def feed_events():
    """The events of the public calendar feed: upcoming ones and those of the last half
    year, soonest first."""
    return public_events(since=timezone.localdate() - datetime.timedelta(days=FEED_DAYS_BACK))


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
