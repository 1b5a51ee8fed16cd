"""Our events as iCalendar entries (the text itself is :mod:`hamkor.core.ical`'s): the file
of the registration e-mail and the public feed (``/<lang>/events.ics``).

An event with hours runs from its first day's start time to its last day's end time in
Asia/Tashkent; one without is made of whole days. Texts are in the active language.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext

from hamkor.core.ical import TZID, CalendarEntry, calendar_text
from hamkor.core.urls_helpers import absolute_url
from hamkor.events.models import Event


def event_public_path(event: Event) -> str:
    return reverse("public:event_detail", kwargs={"pk": event.pk})


def _span(event: Event) -> tuple:
    if not event.starts_at:
        return event.start, event.end
    zone = ZoneInfo(TZID)
    start = datetime.datetime.combine(event.start, event.starts_at, tzinfo=zone)
    end = datetime.datetime.combine(event.end, event.ends_at or event.starts_at, tzinfo=zone)
    return start, end


def _place(event: Event) -> str:
    return ", ".join(
        part for part in (event.venue, event.city, str(event.country.name or "")) if part
    )


def event_ics(event: Event, *, uid: str, title: str) -> str:
    """The calendar file of ``event`` for one registration (``uid`` names it uniquely)."""
    start, end = _span(event)
    entry = CalendarEntry(
        uid=uid,
        summary=title,
        start=start,
        end=end,
        location=_place(event),
        description=absolute_url(event_public_path(event)),
        url=event.link,
    )
    return calendar_text([entry], product="Events")


def event_feed_uid(event: Event) -> str:
    """The same for an event whatever the feed's language, for as long as the event exists."""
    return f"event-{event.pk}@{urlsplit(settings.HAMKOR_BASE_URL).hostname}"


def events_feed_ics(events) -> str:
    """The public calendar of ``events``, in the active language: each links to its page."""
    entries = []
    for event in events:
        start, end = _span(event)
        about = f"{event.get_kind_display()} · {event.get_format_display()}"
        entries.append(
            CalendarEntry(
                uid=event_feed_uid(event),
                summary=str(event),
                start=start,
                end=end,
                location=_place(event),
                description="\n\n".join(part for part in (about, event.description) if part),
                url=absolute_url(event_public_path(event)),
                stamp=event.updated_at,
            )
        )
    return calendar_text(entries, product="Events", name=gettext("Events"))
