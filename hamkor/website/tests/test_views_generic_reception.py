"""The generic staff pages of inquiries, bookings, reception hours and holidays."""

from __future__ import annotations

from hamkor.core.testing.viewtests import ViewTests
from hamkor.website.tests.reception_factories import (
    BookingFactory,
    HolidayFactory,
    InquiryFactory,
    ReceptionHoursFactory,
)


class TestInquiryViews(ViewTests):
    """Personal data: officers (and administrators) only; leadership is refused."""

    urls = "website:inquiry"
    actions = ("list", "detail", "history", "delete", "export")
    reader = "officer"
    outsider = "leadership"

    def make(self, faculty_a):
        return InquiryFactory()

    def listed(self, obj) -> str:
        return obj.reference


class TestBookingViews(ViewTests):
    urls = "website:booking"
    actions = ("list", "detail", "history", "export")
    reader = "officer"
    outsider = "leadership"

    def make(self, faculty_a):
        return BookingFactory()

    def listed(self, obj) -> str:
        return obj.name


class TestReceptionHoursViews(ViewTests):
    urls = "website:receptionhours"
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    edit_changes = {"capacity": "3"}
    create_changes = {"weekday": "2", "starts_at": "14:00", "ends_at": "16:00"}

    def make(self, faculty_a):
        return ReceptionHoursFactory()

    def listed(self, obj) -> str:
        return obj.get_weekday_display()


class TestHolidayViews(ViewTests):
    urls = "website:holiday"
    actions = ("list", "detail", "history", "add", "edit", "delete", "export")
    edit_changes = {"name_en": "Eid al-Adha"}
    create_changes = {"date": "2027-05-17", "name_uz": "Qurbon hayit"}

    def make(self, faculty_a):
        return HolidayFactory()
