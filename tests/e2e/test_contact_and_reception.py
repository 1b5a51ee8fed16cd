"""A visitor writes to the office and an officer answers; a visitor books a visit and
cancels it from the e-mail's link.

The minimum fill time is set to nothing: a browser driven by a test fills a form faster
than any person (the rule itself is tested in ``website/tests/test_inquiries.py``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from tests.e2e.conftest import PHONE, expect, log_in, screenshot

pytestmark = pytest.mark.django_db(transaction=True)

SENDER = "dilnoza.yusupova@example.org"


@pytest.fixture(autouse=True)
def _no_fill_time(settings):
    settings.HAMKOR_PUBLIC_FORM_MIN_SECONDS = 0


def link_in(message, pattern: str) -> str:
    return next(word for word in message.body.split() if re.search(pattern, word))


def test_inquiry_from_the_form_to_the_officers_answer(new_page, department, officer):
    from hamkor.website.inquiries.models import Inquiry

    # 1. The visitor writes in Russian, on a phone.
    visitor = new_page(viewport=PHONE)
    visitor.goto("/ru/")
    with visitor.expect_navigation():
        visitor.locator("nav a[href='/ru/contact/']").click()
    form = visitor.locator("main form")
    form.locator("input[name=name]").fill("Дилноза Юсупова")
    form.locator("input[name=email]").fill(SENDER)
    form.locator("input[name=subject]").fill("Семестр по обмену")
    form.locator("textarea[name=message]").fill("Какие документы нужны для обмена?")
    with visitor.expect_navigation():
        form.locator("button[type=submit]").click()
    inquiry = Inquiry.objects.get()
    expect(visitor.get_by_role("status")).to_contain_text(inquiry.reference)
    screenshot(visitor, "contact-sent-ru-phone")
    (confirmation,) = mail.outbox
    assert confirmation.to == [SENDER] and inquiry.reference in confirmation.subject
    assert inquiry.language == "ru"

    # 2. The officer finds it in the inbox, takes it and answers.
    office = new_page()
    log_in(office, officer)
    office.goto("/staff/inquiries/?status=new")
    with office.expect_navigation():
        office.get_by_role("link", name=inquiry.reference).click()
    expect(office.locator("main")).to_contain_text("Какие документы нужны для обмена?")
    with office.expect_navigation():
        office.locator(".steps").get_by_role("link", name="Assign").click()
    office.locator("select[name=assignee]").select_option(str(officer.pk))
    with office.expect_navigation():
        office.locator("main form button[type=submit]").click()
    expect(office.locator("main")).to_contain_text("Assigned")
    with office.expect_navigation():
        office.locator(".steps").get_by_role("link", name="Answer by e-mail").click()
    office.locator("textarea[name=answer]").fill("Нужны паспорт и справка с места учёбы.")
    with office.expect_navigation():
        office.locator("main form button[type=submit]").click()
    expect(office.locator("#answer")).to_contain_text("Нужны паспорт и справка")
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.ANSWERED and inquiry.assignee == officer

    # 3. The answer reaches the sender.
    answer = mail.outbox[-1]
    assert answer.to == [SENDER]
    assert "Нужны паспорт и справка с места учёбы." in answer.body
    assert inquiry.reference in answer.subject

    # 4. Nothing more to do: closed.
    with office.expect_navigation():
        office.locator(".steps").get_by_role("button", name="Close").click()
    inquiry.refresh_from_db()
    assert inquiry.status == Inquiry.Status.CLOSED


def test_booking_and_its_cancellation_through_the_emails_link(new_page, department, officer):
    from hamkor.website.reception.models import Booking
    from hamkor.website.tests.reception_factories import ReceptionHoursFactory, reception_day

    ReceptionHoursFactory()
    day = reception_day()
    value = f"{day:%Y-%m-%d}T10:00"

    # 1. The visitor books 10:00 in Uzbek, on a phone.
    visitor = new_page(viewport=PHONE)
    visitor.goto("/uz/reception/")
    # One day is open, the others folded: the visitor opens the day they want.
    chosen_day = visitor.locator(f'details.reception-day:has(input[id="slot-{value}"])')
    if chosen_day.get_attribute("open") is None:
        chosen_day.locator("summary").click()
    visitor.locator(f'label[for="slot-{value}"]').click()
    form = visitor.locator("main form")
    form.locator("input[name=name]").fill("Jamshid Tursunov")
    form.locator("input[name=email]").fill("jamshid@example.org")
    form.locator("input[name=phone]").fill("+998 90 123 45 67")
    form.locator("textarea[name=purpose]").fill("Yozgi maktab hujjatlari")
    with visitor.expect_navigation():
        form.locator("button[type=submit]").click()
    booking = Booking.objects.get()
    expect(visitor.get_by_role("status")).to_contain_text(booking.reference)
    assert booking.language == "uz"

    (confirmation,) = mail.outbox
    assert confirmation.to == ["jamshid@example.org"]
    assert confirmation.attachments[0][0] == "visit.ics"
    cancel = urlsplit(link_in(confirmation, r"/uz/reception/cancel/")).path

    # 2. The office sees it among the day's bookings.
    office = new_page()
    log_in(office, officer)
    office.goto(f"/staff/bookings/day/?day={day:%Y-%m-%d}")
    expect(office.locator(".booking-day")).to_contain_text("Jamshid Tursunov")

    # 3. The visitor cannot come: the e-mail's link cancels, and the time is free again.
    visitor.goto(cancel)
    with visitor.expect_navigation():
        visitor.locator("main form button[type=submit]").click()
    expect(visitor.get_by_role("status")).to_be_visible()
    booking.refresh_from_db()
    assert booking.status == Booking.Status.CANCELLED
    visitor.goto("/uz/reception/")
    expect(visitor.locator(f'input[id="slot-{value}"]')).to_be_enabled()


def test_the_reception_page_fits_a_phone_with_weeks_of_times(new_page, department):
    import datetime

    from hamkor.website.tests.reception_factories import ReceptionHoursFactory

    # Reception every working day, 09:00-17:00 in quarter hours: weeks of times.
    for weekday in range(5):
        ReceptionHoursFactory(
            weekday=weekday,
            starts_at=datetime.time(9, 0),
            ends_at=datetime.time(17, 0),
            slot_minutes=15,
        )
    visitor = new_page(viewport=PHONE)
    visitor.goto("/en/reception/")
    days = visitor.locator("details.reception-day")
    assert days.count() >= 15
    expect(visitor.locator("details.reception-day[open]")).to_have_count(1)
    # The booking form is within a few screens, not below weeks of buttons.
    form_top = visitor.locator("input[name=name]").evaluate(
        "element => element.getBoundingClientRect().top + window.scrollY"
    )
    assert form_top < 6 * PHONE["height"]
    assert visitor.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # Another day opens with a tap, without any script of ours.
    third = days.nth(2)
    third.locator("summary").click()
    expect(third.locator("label.btn").first).to_be_visible()
