"""Demo data of contact and reception: the office's hours every working day, the holidays
that move (entered per year, as the office does), a few inquiries at each stage and
bookings of the coming days. Written through the services; texts in our own words.

The fixed-date public holidays come with the migration; the dates of Ramazon hayit and
Qurbon hayit below follow the lunar calendar as announced for those years and are for the
office to check.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from hamkor.accounts.models import User
from hamkor.core.services import object_save
from hamkor.website.inquiries.models import Inquiry
from hamkor.website.inquiries.services import inquiry_receive, inquiry_transition
from hamkor.website.reception.models import Booking, Holiday, ReceptionHours
from hamkor.website.reception.services import booking_create
from hamkor.website.reception.slots import reception_days

# Every working day (Monday to Friday), morning and afternoon, two visitors a half hour.
HOURS = [
    (weekday, start, end)
    for weekday in range(5)
    for start, end in (((9, 0), (12, 0)), ((14, 0), (17, 0)))
]

MOVING_HOLIDAYS = (
    (datetime.date(2026, 3, 20), "Ramazon hayit", "Рамазан хайит", "Eid al-Fitr"),
    (datetime.date(2026, 5, 27), "Qurbon hayit", "Курбан хайит", "Eid al-Adha"),
    (datetime.date(2027, 3, 10), "Ramazon hayit", "Рамазан хайит", "Eid al-Fitr"),
    (datetime.date(2027, 5, 17), "Qurbon hayit", "Курбан хайит", "Eid al-Adha"),
)

INQUIRIES = (
    {
        "name": "Aziz Rahmonov",
        "email": "aziz.rahmonov@example.org",
        "subject": "Erasmus+ almashinuv dasturi",
        "message": "Assalomu alaykum! Kelgusi semestrda Erasmus+ orqali xorijda oʻqish "
        "imkoniyati bormi va hujjatlarni qachongacha topshirish kerak?",
        "language": "uz",
        "steps": (),
    },
    {
        "name": "Мария Ким",
        "email": "maria.kim@example.org",
        "subject": "Приглашение для визы",
        "message": "Здравствуйте! Я приглашённый преподаватель из Сеула. Подскажите, "
        "сколько времени занимает оформление приглашения для визы?",
        "language": "ru",
        "steps": (("assign", ""),),
    },
    {
        "name": "Lucas Moreau",
        "email": "lucas.moreau@example.org",
        "subject": "Joint summer school",
        "message": "Our faculty would like to organise a summer school with your university "
        "next July. Whom should we contact to discuss a programme?",
        "language": "en",
        "steps": (
            ("assign", ""),
            (
                "reply",
                "Thank you for your interest. Our department coordinates summer schools: "
                "please send a short outline and the dates you have in mind, and we will "
                "arrange a video call with the faculty concerned.",
            ),
        ),
    },
)

VISITORS = (
    (
        "Shahnoza Qodirova",
        "shahnoza.qodirova@example.org",
        "uz",
        "Talabalar almashinuvi boʻyicha maslahat",
    ),
    ("Дмитрий Ли", "dmitry.li@example.org", "ru", "Документы для стажировки за рубежом"),
    ("Amina Yusuf", "amina.yusuf@example.org", "en", "Registration of a foreign student"),
)


def load(stdout) -> None:
    officer = User.objects.get(email="officer@hamkor.demo")
    hours_created = 0
    for weekday, (start_h, start_m), (end_h, end_m) in HOURS:
        starts_at = datetime.time(start_h, start_m)
        if ReceptionHours.objects.filter(weekday=weekday, starts_at=starts_at).exists():
            continue
        hours = ReceptionHours(
            weekday=weekday,
            starts_at=starts_at,
            ends_at=datetime.time(end_h, end_m),
            slot_minutes=30,
            capacity=2,
        )
        object_save(instance=hours, actor=officer, reason="demo.loaded")
        hours_created += 1
    holidays_created = 0
    for date, name_uz, name_ru, name_en in MOVING_HOLIDAYS:
        if Holiday.objects.filter(date=date).exists():
            continue
        holiday = Holiday(date=date, name_uz=name_uz, name_ru=name_ru, name_en=name_en)
        object_save(instance=holiday, actor=officer, reason="demo.loaded")
        holidays_created += 1
    inquiries_created = 0
    for data in INQUIRIES:
        if Inquiry.objects.filter(email=data["email"]).exists():
            continue
        inquiry = inquiry_receive(
            name=data["name"],
            email=data["email"],
            subject=data["subject"],
            message=data["message"],
            language=data["language"],
        )
        for name, answer in data["steps"]:
            inquiry = inquiry_transition(
                inquiry=inquiry, name=name, actor=officer, assignee=officer, answer=answer
            )
        inquiries_created += 1
    bookings_created = 0
    free = [slot for day in reception_days() for slot in day.slots if slot.left]
    # The afternoon of the coming reception days, one visitor each.
    slots = [slot for slot in free if timezone.localtime(slot.starts_at).hour >= 14][::7]
    for (name, email, language, purpose), slot in zip(VISITORS, slots, strict=False):
        if Booking.objects.filter(email=email).exists():
            continue
        booking_create(
            starts_at=slot.starts_at,
            name=name,
            email=email,
            phone="+998 90 000 00 00",
            purpose=purpose,
            language=language,
        )
        bookings_created += 1
    stdout.write(
        f"reception: {hours_created} reception hours, {holidays_created} holidays, "
        f"{inquiries_created} inquiries, {bookings_created} bookings created"
    )
