"""The deadlines feed: a private address made and revoked on the profile page, holding what
the pages show its owner, read back with ``icalendar``."""

from __future__ import annotations

import datetime
import hashlib
import re

import icalendar
import pytest
from django.utils import timezone

from hamkor.agreements.tests.factories import AgreementFactory
from hamkor.calls.tests.factories import CallFactory
from hamkor.feeds.models import CalendarToken
from hamkor.feeds.services import calendar_token_create
from hamkor.grants.tests.factories import ProjectFactory, ReportingDeadlineFactory
from hamkor.students.models import ForeignStudent
from hamkor.students.tests.factories import ForeignStudentFactory

pytestmark = pytest.mark.django_db


def _read(client, user) -> icalendar.Calendar:
    token = calendar_token_create(user=user)
    response = client.get(f"/feeds/deadlines/{token}.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    return icalendar.Calendar.from_ical(response.content)


def _summaries(calendar) -> dict[str, object]:
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


@pytest.fixture
def deadlines(faculty_a, faculty_b):
    today = timezone.localdate()
    ending = today + datetime.timedelta(days=60)
    return {
        "agreement": AgreementFactory(
            status="active", title="Exchange with Ankara", valid_to=ending
        ),
        "report": ReportingDeadlineFactory(
            project=ProjectFactory(title="Green campus"),
            kind="interim",
            due_on=today + datetime.timedelta(days=10),
        ),
        "call": CallFactory(status="open", title_en="Erasmus+ spring"),
        # Arrived yesterday, not registered: registration due within days. Faculty B's.
        "student": ForeignStudentFactory(
            faculty=faculty_b,
            status=ForeignStudent.Status.ENROLLED,
            entry_date=today - datetime.timedelta(days=1),
            person__last_name="Yilmaz",
        ),
    }


def test_officer_feed_holds_every_kind_of_deadline(client, officer, deadlines):
    calendar = _read(client, officer)
    events = _summaries(calendar)
    agreement = deadlines["agreement"]
    assert events[f"Agreement ends: {agreement}"]["DTSTART"].dt == agreement.valid_to
    assert f"Interim report due: {deadlines['report'].project}" in events
    assert "Call closes: Erasmus+ spring" in events
    [registration] = [name for name in events if "Yilmaz" in name]
    assert registration.startswith("Registration at the place of stay")
    # Whole days carry no personal data: no visa or passport numbers in a calendar.
    assert "DESCRIPTION" not in events[registration]
    assert str(events[registration]["URL"]).endswith(deadlines["student"].get_absolute_url())
    assert len({str(event["UID"]) for event in calendar.walk("VEVENT")}) == len(events)


def test_feed_is_scoped_like_the_pages(client, coordinator, applicant, deadlines):
    names = _summaries(_read(client, coordinator))
    assert not [name for name in names if "Yilmaz" in name]  # faculty B's student
    assert any(name.startswith("Agreement ends") for name in names)
    assert _summaries(_read(client, applicant)) == {}


def test_feed_speaks_its_owners_language(client, officer, deadlines):
    officer.language = "ru"
    officer.save(update_fields=["language"])
    names = _summaries(_read(client, officer))
    # The board's labels are translated already; the feed's own ones when the lead applies them.
    assert any(re.match("[А-Яа-я]", name) and "Yilmaz" in name for name in names)


def test_address_made_shown_once_and_revoked(as_user, officer):
    client = as_user("officer")
    response = client.post("/account/calendar/new/")
    assert response.status_code == 302
    page = client.get("/account/profile/").content.decode()
    [address] = re.findall(r'value="(http[^"]+/feeds/deadlines/[^"]+\.ics)"', page)
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    stored = CalendarToken.objects.get(user=officer)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest() != token
    assert token not in client.get("/account/profile/").content.decode()  # shown once

    assert client.get(f"/feeds/deadlines/{token}.ics").status_code == 200
    stored.refresh_from_db()
    assert stored.last_used_at is not None

    # A new address replaces the old one.
    client.post("/account/calendar/new/")
    assert client.get(f"/feeds/deadlines/{token}.ics").status_code == 404
    client.post("/account/calendar/revoke/")
    assert not CalendarToken.objects.filter(user=officer).exists()


def test_unknown_token_and_inactive_owner_get_404(client, officer):
    assert client.get("/feeds/deadlines/nonsense.ics").status_code == 404
    token = calendar_token_create(user=officer)
    officer.is_active = False
    officer.save(update_fields=["is_active"])
    assert client.get(f"/feeds/deadlines/{token}.ics").status_code == 404
