"""The public events feed (/<lang>/events.ics), read back with the icalendar package, and
the iCalendar text it shares with the registration and reception e-mails (core.ical)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.conf import settings
from django.utils import timezone

from hamkor.core.ical import CalendarEntry, calendar_text
from hamkor.events.models import Event
from hamkor.events.tests.factories import EventFactory

TASHKENT = ZoneInfo("Asia/Tashkent")
HOSTILE = 'Forum, "Silk Road"; part 1\\2\nnew line'


def feed(client, language="en") -> icalendar.Calendar:
    response = client.get(f"/{language}/events.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def seminar(home):
    day = timezone.localdate() + datetime.timedelta(days=12)
    return EventFactory(
        kind=Event.Kind.SEMINAR,
        format=Event.Format.HYBRID,
        registration_open=True,
        title_en="Seminar on internationalisation at home",
        title_ru="Семинар об интернационализации дома",
        title_uz="Uydagi xalqarolashtirish seminari",
        start=day,
        end=day + datetime.timedelta(days=1),
        starts_at=datetime.time(10, 0),
        ends_at=datetime.time(13, 30),
        venue="Main building",
        city="Kokand",
        country="UZ",
        description="Open to the teachers of the region.",
    )


def test_feed_holds_the_public_events_only(client, seminar):
    EventFactory(registration_open=False, title_en="Internal planning meeting")
    EventFactory(
        registration_open=True,
        organisation=Event.Organisation.ATTENDED,
        title_en="A conference we attended",
    )
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    EventFactory(registration_open=True, title_en="Old webinar", start=long_ago, end=long_ago)

    assert list(vevents(feed(client))) == ["Seminar on internationalisation at home"]


def test_feed_times_are_in_tashkent_and_the_event_links_to_its_page(client, seminar):
    (event,) = vevents(feed(client)).values()

    start, end = event["DTSTART"].dt, event["DTEND"].dt
    assert start == datetime.datetime.combine(seminar.start, datetime.time(10), tzinfo=TASHKENT)
    assert end == datetime.datetime.combine(seminar.end, datetime.time(13, 30), tzinfo=TASHKENT)
    assert event["DTSTART"].params["TZID"] == "Asia/Tashkent"
    assert start.utcoffset() == datetime.timedelta(hours=5)
    assert str(event["URL"]) == f"{settings.HAMKOR_BASE_URL}/en/events/{seminar.pk}/"


def test_feed_speaks_the_language_of_its_address(client, seminar):
    (ru,) = vevents(feed(client, "ru")).values()
    (uz,) = vevents(feed(client, "uz")).values()

    assert str(ru["SUMMARY"]) == "Семинар об интернационализации дома"
    assert str(ru["LOCATION"]) == "Main building, Kokand, Узбекистан"
    assert str(ru["DESCRIPTION"]).startswith("Семинар · ")
    assert str(ru["URL"]).endswith(f"/ru/events/{seminar.pk}/")
    assert str(uz["SUMMARY"]) == "Uydagi xalqarolashtirish seminari"
    assert str(uz["LOCATION"]).endswith("Oʻzbekiston")
    # The same event keeps one UID in every language, so a calendar never doubles it.
    assert ru["UID"] == uz["UID"] == f"event-{seminar.pk}@127.0.0.1"


def test_feed_escapes_a_hostile_title_and_folds_long_lines(client, seminar):
    Event.objects.filter(pk=seminar.pk).update(title_en=HOSTILE, description="ы" * 120)

    raw = client.get("/en/events.ics").content.decode()
    (event,) = vevents(icalendar.Calendar.from_ical(raw)).values()

    assert str(event["SUMMARY"]) == HOSTILE
    assert 'SUMMARY:Forum\\, "Silk Road"\\; part 1\\\\2\\nnew line' in raw
    assert str(event["DESCRIPTION"]).endswith("ы" * 120)
    lines = raw.split("\r\n")
    assert raw.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert any(line.startswith(" ы") for line in lines), "the long description is folded"


def test_whole_day_events_end_the_day_after_their_last_day(client, home):
    day = timezone.localdate() + datetime.timedelta(days=3)
    EventFactory(registration_open=True, title_en="Summer school", start=day, end=day)

    (event,) = vevents(feed(client)).values()

    assert event["DTSTART"].dt == day
    assert event["DTEND"].dt == day + datetime.timedelta(days=1)


def test_events_page_links_the_feed(client, seminar):
    page = client.get("/uz/events/").text

    assert 'href="/uz/events.ics"' in page
    assert 'rel="alternate" type="text/calendar"' in page


def test_folding_never_splits_a_character_and_unfolds_to_the_text():
    entry = CalendarEntry(
        uid="x@example.org",
        summary="Oʻzbekiston — " * 12,
        start=datetime.datetime(2027, 3, 1, 9, tzinfo=datetime.UTC),
        end=datetime.datetime(2027, 3, 1, 10, tzinfo=datetime.UTC),
    )

    text = calendar_text([entry], product="Test")

    for line in text.split("\r\n"):
        assert len(line.encode()) <= 75
        line.encode().decode()  # each line is whole UTF-8
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Oʻzbekiston — " * 12
    # Given in UTC, written in Tashkent time: 09:00 UTC is 14:00 there.
    assert "DTSTART;TZID=Asia/Tashkent:20270301T140000" in text
