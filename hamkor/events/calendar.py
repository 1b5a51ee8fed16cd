"""The iCalendar (RFC 5545) text of an event, attached to the confirmation e-mail.

Written here rather than through a library: one VEVENT with its times in Asia/Tashkent
(a VTIMEZONE without daylight saving, as Uzbekistan has none since 1992), or whole days
when the event has no hours.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from hamkor.core.urls_helpers import absolute_url
from hamkor.events.models import Event

TZID = "Asia/Tashkent"

VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0500",
    "TZOFFSETTO:+0500",
    "TZNAME:+05",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def _escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> list[str]:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1)."""
    parts, current = [], ""
    for char in line:
        if len((current + char).encode()) > (75 if not parts else 74):
            parts.append(current)
            current = char
        else:
            current += char
    parts.append(current)
    return [parts[0], *(" " + part for part in parts[1:])]


def event_ics(event: Event, *, uid: str, title: str) -> str:
    """The calendar file of ``event`` for one registration (``uid`` names it uniquely)."""
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    if event.starts_at:
        ends_at = event.ends_at or event.starts_at
        start = [f"DTSTART;TZID={TZID}:{event.start:%Y%m%d}T{event.starts_at:%H%M%S}"]
        end = [f"DTEND;TZID={TZID}:{event.end:%Y%m%d}T{ends_at:%H%M%S}"]
    else:
        start = [f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}"]
        end = [f"DTEND;VALUE=DATE:{event.end + datetime.timedelta(days=1):%Y%m%d}"]
    place = ", ".join(
        part for part in (event.venue, event.city, str(event.country.name or "")) if part
    )
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Hamkor//Events//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *(VTIMEZONE if event.starts_at else ()),
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        *start,
        *end,
        f"SUMMARY:{_escape(title)}",
        *([f"LOCATION:{_escape(place)}"] if place else []),
        *([f"URL:{event.link}"] if event.link else []),
        f"DESCRIPTION:{_escape(absolute_url(event_public_path(event)))}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"


def event_public_path(event: Event) -> str:
    from django.urls import reverse

    return reverse("public:event_detail", kwargs={"pk": event.pk})


def appointment_ics(
    *,
    uid: str,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    title: str,
    location: str = "",
    description: str = "",
) -> str:
    """The calendar file of an appointment between two moments (a reception booking), in
    Asia/Tashkent time; the same VCALENDAR as an event's."""
    local_start, local_end = timezone.localtime(starts_at), timezone.localtime(ends_at)
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Hamkor//Reception//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *VTIMEZONE,
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;TZID={TZID}:{local_start:%Y%m%dT%H%M%S}",
        f"DTEND;TZID={TZID}:{local_end:%Y%m%dT%H%M%S}",
        f"SUMMARY:{_escape(title)}",
        *([f"LOCATION:{_escape(location)}"] if location else []),
        *([f"DESCRIPTION:{_escape(description)}"] if description else []),
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(folded for line in lines for folded in _fold(line)) + "\r\n"
