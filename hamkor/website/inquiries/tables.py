"""The inquiries' inbox: list and export columns."""

from __future__ import annotations

import django_tables2 as tables
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamkor.core.exporting import CHOICE, DATETIME, Column, Export
from hamkor.core.tables import BaseTable
from hamkor.core.tables import status_badge as badge
from hamkor.website.inquiries.models import Inquiry

WIDE_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell"}}
BADGES = {
    Inquiry.Status.NEW: "text-bg-info",
    Inquiry.Status.ASSIGNED: "text-bg-warning",
    Inquiry.Status.ANSWERED: "text-bg-success",
    Inquiry.Status.CLOSED: "text-bg-dark",
}


def status_badge(record) -> str:
    return badge(record, BADGES)


def _user(prefix: str):
    def compute(row) -> str:
        return row[f"{prefix}__full_name"] or row[f"{prefix}__email"] or ""

    return compute


class InquiryExport(Export):
    columns = (
        Column(_("Reference"), "reference"),
        Column(_("Received"), "created_at", DATETIME),
        Column(pgettext_lazy("person", "Name"), "name"),
        Column(_("E-mail"), "email"),
        Column(_("Phone"), "phone"),
        Column(_("Subject"), "subject"),
        Column(_("Message"), "message"),
        Column(_("Language"), "language", CHOICE),
        Column(_("Status"), "status", CHOICE),
        Column(
            _("Assignee"),
            fields=("assignee__full_name", "assignee__email"),
            compute=_user("assignee"),
        ),
        Column(_("Answered"), "answered_at", DATETIME),
        Column(_("Answer"), "answer"),
    )


class InquiryTable(BaseTable):
    export_class = InquiryExport

    reference = tables.Column(
        verbose_name=_("Reference"), linkify=lambda record: record.get_absolute_url()
    )
    subject = tables.Column(verbose_name=_("Subject"))
    name = tables.Column(verbose_name=pgettext_lazy("person", "Name"), attrs=WIDE_ONLY)
    status = tables.Column(verbose_name=_("Status"))
    assignee = tables.Column(verbose_name=_("Assignee"), attrs=WIDE_ONLY)
    created_at = tables.Column(verbose_name=_("Received"), attrs=WIDE_ONLY)

    class Meta(BaseTable.Meta):
        model = Inquiry
        fields = ("reference", "subject", "name", "status", "assignee", "created_at")
        sequence = fields

    def render_status(self, record):
        return status_badge(record)

    def value_status(self, record):
        return record.get_status_display()

    def render_created_at(self, value):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
