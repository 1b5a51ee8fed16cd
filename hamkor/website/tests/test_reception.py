"""Reception booking: the slots offered, each refusal with its reason, the e-mail with its
calendar file and cancellation link, and the office's day page and marks."""

from __future__ import annotations

import datetime
import time

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from hamkor.website.reception.models import Booking, Holiday
from hamkor.website.reception.services import (
    booking_cancel,
    booking_create,
    booking_transition,
    cancel_token,
)
from hamkor.website.reception.slots import holiday_on, reception_days
from hamkor.website.spam import started_token
from hamkor.website.tests.reception_factories import (
    BookingFactory,
    HolidayFactory,
    ReceptionHoursFactory,
    at,
    reception_day,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """``with sent():`` the e-mails written inside leave when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def book(starts_at, **changes):
    return booking_create(
        **{
            "starts_at": starts_at,
            "name": "Jamshid Tursunov",
            "email": "jamshid@example.org",
            "phone": "+998 90 123 45 67",
            "purpose": "Documents for a summer school",
            "language": "ru",
            **changes,
        }
    )


def refusal(starts_at) -> str:
    with pytest.raises(ValidationError) as caught:
        book(starts_at)
    return " ".join(caught.value.message_dict["slot"])


def test_fixed_date_holidays_are_seeded_and_come_back_every_year():
    holiday = Holiday.objects.get(date__month=3, date__day=21, every_year=True)
    assert holiday.name_uz == "Navroʻz bayrami"
    assert holiday_on(datetime.date(2031, 3, 21)) == holiday
    assert holiday_on(datetime.date(2031, 3, 22)) is None


def test_days_list_the_free_times_and_holidays():
    hours = ReceptionHoursFactory()
    day = reception_day()
    BookingFactory(starts_at=at(day, 9), hours=hours)
    closed = HolidayFactory(date=day + datetime.timedelta(days=7))
    days = {found.date: found for found in reception_days()}
    slots = {timezone.localtime(slot.starts_at).time(): slot.left for slot in days[day].slots}
    assert slots[datetime.time(9, 0)] == 0  # taken
    assert slots[datetime.time(11, 30)] == 1
    assert datetime.time(12, 0) not in slots  # a slot ends by the closing time
    assert days[closed.date].holiday == closed and days[closed.date].slots == []


def test_reception_days_cost_three_queries(django_assert_num_queries):
    ReceptionHoursFactory()
    ReceptionHoursFactory(starts_at=datetime.time(14, 0), ends_at=datetime.time(16, 0))
    with django_assert_num_queries(3):
        reception_days()


def test_booking_confirms_with_calendar_file_and_cancel_link(sent):
    ReceptionHoursFactory()
    with sent():
        booking = book(at(reception_day(), 10, 30))
    assert booking.reference.startswith("REC-") and booking.status == Booking.Status.BOOKED
    assert booking.ends_at - booking.starts_at == datetime.timedelta(minutes=30)
    (message,) = mail.outbox
    assert message.to == ["jamshid@example.org"]
    assert booking.reference in message.subject
    with translation.override("ru"):
        cancel = reverse("public:reception_cancel", kwargs={"token": cancel_token(booking)})
    assert cancel in message.body and "/ru/" in cancel
    name, ics, mime = message.attachments[0]
    assert name == "visit.ics" and mime == "text/calendar"
    day = reception_day()
    assert f"DTSTART;TZID=Asia/Tashkent:{day:%Y%m%d}T103000" in ics


def test_full_slot_is_refused():
    ReceptionHoursFactory(capacity=2)
    slot = at(reception_day(), 10)
    book(slot)
    book(slot, email="second@example.org")
    assert "fully booked" in refusal(slot)
    assert Booking.objects.count() == 2


def test_cancelled_booking_frees_its_place():
    ReceptionHoursFactory()
    slot = at(reception_day(), 10)
    booking_cancel(booking=book(slot))
    assert book(slot, email="next@example.org").status == Booking.Status.BOOKED


def test_past_slot_is_refused():
    hours = ReceptionHoursFactory(
        weekday=(timezone.localdate() - datetime.timedelta(days=7)).weekday()
    )
    past = at(timezone.localdate() - datetime.timedelta(days=7), 10)
    assert hours and "passed" in refusal(past)


def test_holiday_is_refused_with_its_name():
    ReceptionHoursFactory()
    day = reception_day()
    HolidayFactory(date=day, name_en="Eid al-Fitr")
    with translation.override("en"):
        assert "Eid al-Fitr" in refusal(at(day, 10))


def test_yearly_holiday_is_refused():
    day = reception_day()
    ReceptionHoursFactory(weekday=day.weekday())
    HolidayFactory(date=day.replace(year=2000), every_year=True, name_en="A yearly day")
    with translation.override("en"):
        assert "A yearly day" in refusal(at(day, 10))


def test_day_without_reception_and_a_time_between_slots_are_refused():
    day = reception_day()
    ReceptionHoursFactory()
    other_day = day + datetime.timedelta(days=1)
    while holiday_on(other_day):
        other_day += datetime.timedelta(days=1)
    assert "no reception on" in refusal(at(other_day, 10))
    assert "no reception at this time" in refusal(at(day, 10, 10))
    assert "no reception at this time" in refusal(at(day, 15))


def test_slot_beyond_the_weeks_open_is_refused(settings):
    settings.HAMKOR_RECEPTION_WEEKS = 1
    ReceptionHoursFactory()
    far = reception_day(21)
    far += datetime.timedelta(days=(reception_day().weekday() - far.weekday()) % 7)
    while holiday_on(far):
        far += datetime.timedelta(days=7)
    assert "next 1 week" in refusal(at(far, 10))


def test_cancel_link_cancels_once_and_refuses_a_past_visit(client):
    ReceptionHoursFactory()
    booking = book(at(reception_day(), 10))
    with translation.override("ru"):
        url = reverse("public:reception_cancel", kwargs={"token": cancel_token(booking)})
    assert client.get(url).status_code == 200
    response = client.post(url, follow=True)
    assert response.status_code == 200
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    past = BookingFactory(starts_at=timezone.now() - datetime.timedelta(hours=2))
    with translation.override("en"):
        late = reverse("public:reception_cancel", kwargs={"token": cancel_token(past)})
    answer = client.post(late)
    assert answer.status_code == 400 and "can no longer be cancelled" in answer.text
    assert client.get(url.replace(url.split("/")[-2], "forged")).status_code == 404


def test_office_marks_only_a_visit_whose_time_has_come(officer):
    future = BookingFactory()
    with pytest.raises(ValidationError, match="not taken place"):
        booking_transition(booking=future, name="miss", actor=officer)
    past = BookingFactory(starts_at=timezone.now() - datetime.timedelta(hours=1))
    assert booking_transition(booking=past, name="miss", actor=officer).status == "no_show"
    assert booking_transition(booking=past, name="undo", actor=officer).status == "booked"
    assert booking_transition(booking=past, name="attend", actor=officer).status == "attended"


def test_day_page_lists_the_days_bookings_with_the_marks(as_user):
    today = timezone.localdate()
    early = BookingFactory(starts_at=timezone.now() - datetime.timedelta(minutes=1))
    BookingFactory(name="Another day", starts_at=at(today + datetime.timedelta(days=2), 10))
    client = as_user("officer")
    page = client.get(reverse("website:booking_day"))
    assert page.status_code == 200
    assert early.name in page.text and "Another day" not in page.text
    mark = reverse("website:booking_transition", kwargs={"pk": early.pk, "name": "miss"})
    assert mark in page.text
    response = client.post(mark)
    assert response.status_code == 302 and "day=" in response["Location"]
    early.refresh_from_db()
    assert early.status == Booking.Status.NO_SHOW
    chosen = client.get(
        reverse("website:booking_day"), {"day": (today + datetime.timedelta(days=2)).isoformat()}
    )
    assert "Another day" in chosen.text
    assert client.get(reverse("website:booking_day"), {"day": "31.02.x"}).status_code == 200


def test_bookings_are_personal_data(as_user):
    booking = BookingFactory()
    for persona in ("leadership", "coordinator", "applicant"):
        assert as_user(persona).get(reverse("website:booking_day")).status_code == 403
        assert as_user(persona).get(booking.get_absolute_url()).status_code == 403


def public_form(slot: str, **changes) -> dict:
    return {
        "slot": slot,
        "name": "Jamshid Tursunov",
        "email": "jamshid@example.org",
        "phone": "+998 90 123 45 67",
        "purpose": "Documents",
        "homepage": "",
        "started": started_token(time.time() - 60),
        **changes,
    }


def test_public_page_books_and_a_full_slot_keeps_what_was_typed(client):
    ReceptionHoursFactory()
    with translation.override("uz"):
        url = reverse("public:reception")
    page = client.get(url)
    value = f"{reception_day():%Y-%m-%d}T10:00"
    assert page.status_code == 200 and f'value="{value}"' in page.text
    booked = client.post(url, public_form(value), follow=True)
    booking = Booking.objects.get()
    assert booking.reference in booked.text
    # Reloading the outcome's page books nothing again.
    assert booking.reference in client.get(booked.redirect_chain[-1][0]).text
    assert Booking.objects.count() == 1
    assert booking.language == "uz"
    again = client.post(url, public_form(value, email="late@example.org", purpose="Kech qoldim"))
    assert again.status_code == 400
    assert "Kech qoldim" in again.text and "late@example.org" in again.text
    assert Booking.objects.count() == 1


def test_public_page_opens_one_day_and_folds_the_others(client):
    import re

    ReceptionHoursFactory()
    with translation.override("en"):
        url = reverse("public:reception")
    page = client.get(url).text
    days = re.findall(r"<details class=\"reception-day[^>]*>", page)
    assert len(days) >= 4  # four weeks of one reception day a week
    assert sum(" open" in tag for tag in days) == 1
    assert re.search(r"day-summary\">·\s*6 free times\s*</span>", page)
    # A form sent back with an error opens the day of the time chosen.
    later = reception_day(21)
    value = f"{later:%Y-%m-%d}T10:00"
    again = client.post(url, public_form(value, email="not an address")).text
    opened = re.search(r"<details class=\"reception-day[^>]* open>(.*?)</details>", again, re.S)
    assert f'id="slot-{value}"' in opened.group(1)


def test_public_page_refuses_a_missing_or_malformed_time(client):
    ReceptionHoursFactory()
    with translation.override("en"):
        url = reverse("public:reception")
    for slot in ("", "tomorrow", "2026-13-45T10:00"):
        response = client.post(url, public_form(slot))
        assert response.status_code == 400
        assert "Choose a time among those shown" in response.text
    assert not Booking.objects.exists()


def test_public_booking_honeypot_and_rate_limit(client, settings):
    settings.HAMKOR_PUBLIC_SENDS_PER_EMAIL = 1
    ReceptionHoursFactory(capacity=5)
    with translation.override("en"):
        url = reverse("public:reception")
    value = f"{reception_day():%Y-%m-%d}T10:00"
    assert client.post(url, public_form(value, homepage="x")).status_code == 400
    assert client.post(url, public_form(value)).status_code == 302
    blocked = client.post(url, public_form(f"{reception_day():%Y-%m-%d}T10:30"))
    assert blocked.status_code == 429 and "Please wait" in blocked.text
    assert Booking.objects.count() == 1
