"""The reception's lists: bookings, reception hours, holidays; list and export columns."""

from __future__ import annotations

import django_tables2 as tables
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamkor.core.exporting import BOOL, CHOICE, DATE, DATETIME, NUMBER, TRANSLATED, Column, Export
from hamkor.core.tables import BaseTable
from hamkor.core.tables import status_badge as badge
from hamkor.website.reception.models import Booking, Holiday, ReceptionHours

WIDE_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell"}}
BADGES = {
    Booking.Status.BOOKED: "text-bg-info",
    Booking.Status.CANCELLED: "text-bg-dark",
    Booking.Status.ATTENDED: "text-bg-success",
    Booking.Status.NO_SHOW: "text-bg-warning",
}


def status_badge(record) -> str:
    return badge(record, BADGES)


def _hhmm(path: str):
    def compute(row) -> str:
        return row[path].strftime("%H:%M") if row[path] else ""

    return compute


class BookingExport(Export):
    columns = (
        Column(_("Reference"), "reference"),
        Column(_("Time"), "starts_at", DATETIME),
        Column(pgettext_lazy("person", "Name"), "name"),
        Column(_("E-mail"), "email"),
        Column(_("Phone"), "phone"),
        Column(_("Purpose of the visit"), "purpose"),
        Column(_("Language"), "language", CHOICE),
        Column(_("Status"), "status", CHOICE),
    )


class BookingTable(BaseTable):
    export_class = BookingExport

    starts_at = tables.Column(verbose_name=_("Time"))
    name = tables.Column(
        verbose_name=pgettext_lazy("person", "Name"),
        linkify=lambda record: record.get_absolute_url(),
    )
    phone = tables.Column(verbose_name=_("Phone"), attrs=WIDE_ONLY)
    reference = tables.Column(verbose_name=_("Reference"), attrs=WIDE_ONLY)
    status = tables.Column(verbose_name=_("Status"))

    class Meta(BaseTable.Meta):
        model = Booking
        fields = ("starts_at", "name", "phone", "reference", "status")
        sequence = fields

    def render_starts_at(self, value):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")

    def render_status(self, record):
        return status_badge(record)

    def value_status(self, record):
        return record.get_status_display()


class ReceptionHoursExport(Export):
    columns = (
        Column(_("Weekday"), "weekday", CHOICE),
        Column(_("From"), fields=("starts_at",), compute=_hhmm("starts_at")),
        Column(_("To"), fields=("ends_at",), compute=_hhmm("ends_at")),
        Column(_("Slot length (minutes)"), "slot_minutes", NUMBER),
        Column(_("Visitors per slot"), "capacity", NUMBER),
    )


class ReceptionHoursTable(BaseTable):
    export_class = ReceptionHoursExport

    weekday = tables.Column(
        verbose_name=_("Weekday"), linkify=lambda record: record.get_absolute_url()
    )
    starts_at = tables.Column(verbose_name=_("From"))
    ends_at = tables.Column(verbose_name=_("To"))
    slot_minutes = tables.Column(verbose_name=_("Slot length (minutes)"), attrs=WIDE_ONLY)
    capacity = tables.Column(verbose_name=_("Visitors per slot"), attrs=WIDE_ONLY)

    class Meta(BaseTable.Meta):
        model = ReceptionHours
        fields = ("weekday", "starts_at", "ends_at", "slot_minutes", "capacity")
        sequence = fields

    def render_starts_at(self, value):
        return value.strftime("%H:%M")

    def render_ends_at(self, value):
        return value.strftime("%H:%M")


class HolidayExport(Export):
    columns = (
        Column(_("Date"), "date", DATE),
        Column(_("Every year"), "every_year", BOOL),
        Column(_("Name"), "name", TRANSLATED),
    )


class HolidayTable(BaseTable):
    export_class = HolidayExport

    date = tables.Column(verbose_name=_("Date"))
    name = tables.Column(
        verbose_name=_("Name"),
        linkify=lambda record: record.get_absolute_url(),
        order_by=("name_uz",),
        empty_values=(),
    )
    every_year = tables.BooleanColumn(verbose_name=_("Every year"))

    class Meta(BaseTable.Meta):
        model = Holiday
        fields = ("date", "name", "every_year")
        sequence = fields

    def render_date(self, record):
        if record.every_year:
            return date_format(record.date, "MONTH_DAY_FORMAT")
        return date_format(record.date, "DATE_FORMAT")

    def render_name(self, record):
        return record.name

    def value_name(self, record):
        return record.name
