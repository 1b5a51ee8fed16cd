"""iCalendar (RFC 5545) text, written once for every calendar Hamkor hands out: an event's
file in its registration e-mail, a reception booking's, the public events feed.

Written here rather than through a library: a few VEVENTs with their times in Asia/Tashkent
(a VTIMEZONE without daylight saving, as Uzbekistan has none since 1992), or whole days.
Text values are escaped (``\\``, ``;``, ``,``, newlines) and every line is folded at 75
octets, never inside a UTF-8 character.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

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


@dataclass(frozen=True)
class CalendarEntry:
    """One VEVENT. ``start``/``end`` are aware moments, or dates for whole days (``end``
    then the last day, included)."""

    uid: str
    summary: str
    start: datetime.datetime | datetime.date
    end: datetime.datetime | datetime.date
    location: str = ""
    description: str = ""
    url: str = ""
    stamp: datetime.datetime | None = None  # when it last changed; now when not given

    @property
    def timed(self) -> bool:
        return isinstance(self.start, datetime.datetime)


def escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> list[str]:
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


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _times(entry: CalendarEntry) -> list[str]:
    if entry.timed:
        start, end = timezone.localtime(entry.start), timezone.localtime(entry.end)
        return [
            f"DTSTART;TZID={TZID}:{start:%Y%m%dT%H%M%S}",
            f"DTEND;TZID={TZID}:{end:%Y%m%dT%H%M%S}",
        ]
    # A whole-day event ends (exclusively) the day after its last day.
    return [
        f"DTSTART;VALUE=DATE:{entry.start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{entry.end + datetime.timedelta(days=1):%Y%m%d}",
    ]


def _vevent(entry: CalendarEntry, now: datetime.datetime) -> list[str]:
    return [
        "BEGIN:VEVENT",
        f"UID:{entry.uid}",
        f"DTSTAMP:{_utc(entry.stamp or now)}",
        *_times(entry),
        f"SUMMARY:{escape(entry.summary)}",
        *([f"LOCATION:{escape(entry.location)}"] if entry.location else []),
        *([f"DESCRIPTION:{escape(entry.description)}"] if entry.description else []),
        *([f"URL:{entry.url}"] if entry.url else []),
        "END:VEVENT",
    ]


def calendar_text(entries: Iterable[CalendarEntry], *, product: str, name: str = "") -> str:
    """The VCALENDAR of ``entries`` (``product`` names its maker in PRODID, ``name`` the
    calendar, as subscribed calendars show it), lines ended by CRLF."""
    entries = list(entries)
    now = timezone.now()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Hamkor//{product}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        *([f"X-WR-CALNAME:{escape(name)}", f"X-WR-TIMEZONE:{TZID}"] if name else []),
        *(VTIMEZONE if any(entry.timed for entry in entries) else ()),
        *(line for entry in entries for line in _vevent(entry, now)),
        "END:VCALENDAR",
    ]
    return "\r\n".join(folded for line in lines for folded in fold(line)) + "\r\n"
