"""Factories of inquiries and of the reception's records, and the day tests book on."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from hamkor.website.inquiries.models import Inquiry
from hamkor.website.reception.models import Booking, Holiday, ReceptionHours
from hamkor.website.reception.slots import holiday_on


class InquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inquiry

    reference = factory.Sequence(lambda n: f"INQ-2026-{n + 500:03d}")
    name = factory.Sequence(lambda n: f"Dilnoza Yusupova {n}")
    email = factory.Sequence(lambda n: f"sender{n}@example.org")
    subject = "Exchange semester in Kokand"
    message = "Which documents do I need for an exchange semester?"
    language = "en"


def reception_day(days_ahead: int = 7) -> datetime.date:
    """A day ``days_ahead`` from today or later that is no holiday."""
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    while holiday_on(day) is not None:
        day += datetime.timedelta(days=1)
    return day


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """A moment of ``day`` in Tashkent time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class ReceptionHoursFactory(factory.django.DjangoModelFactory):
    """Reception 09:00–12:00 on the weekday of :func:`reception_day`, half-hour slots, one
    visitor each."""

    class Meta:
        model = ReceptionHours

    weekday = factory.LazyFunction(lambda: reception_day().weekday())
    starts_at = datetime.time(9, 0)
    ends_at = datetime.time(12, 0)
    slot_minutes = 30
    capacity = 1


class HolidayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Holiday

    date = factory.LazyFunction(lambda: reception_day(30))
    name_uz = "Ramazon hayit"
    name_ru = "Рамазан хайит"
    name_en = "Eid al-Fitr"


class BookingFactory(factory.django.DjangoModelFactory):
    """A booking of 10:00 on :func:`reception_day` (no hours needed)."""

    class Meta:
        model = Booking

    reference = factory.Sequence(lambda n: f"REC-2026-{n + 500:03d}")
    starts_at = factory.LazyFunction(lambda: at(reception_day(), 10))
    ends_at = factory.LazyAttribute(
        lambda booking: booking.starts_at + datetime.timedelta(minutes=30)
    )
    name = factory.Sequence(lambda n: f"Jamshid Tursunov {n}")
    email = factory.Sequence(lambda n: f"visitor{n}@example.org")
    phone = "+998 90 123 45 67"
    purpose = "Documents for a summer school"
    language = "ru"


def reception_walk_records(unbroken) -> dict:
    """For the phone walk: an inquiry, reception hours with a booking of the coming week and
    a holiday, their texts as long as the fields allow (``unbroken(length)``)."""
    from hamkor.website.reception.services import cancel_token

    hours = ReceptionHoursFactory()
    booking = BookingFactory(
        hours=hours, name=unbroken(200), phone=unbroken(40), purpose=unbroken(2000)
    )
    inquiry = InquiryFactory(
        name=unbroken(200), subject=unbroken(200), message=unbroken(5000), phone=unbroken(40)
    )
    holiday = HolidayFactory(name_uz=unbroken(200), name_ru=unbroken(200), name_en=unbroken(200))
    return {
        "inquiry": inquiry.pk,
        "booking": booking.pk,
        "receptionhours": hours.pk,
        "holiday": holiday.pk,
        "booking_token": cancel_token(booking),
    }
