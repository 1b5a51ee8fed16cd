"""List and export columns for calls and applications."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from hamkor.calls.models import Application, Call
from hamkor.core.exporting import CHOICE, DATETIME, NUMBER, TRANSLATED, Column, Export
from hamkor.core.tables import BaseTable
from hamkor.core.tables import status_badge as badge

CALL_BADGES = {
    Call.Status.DRAFT: "text-bg-light border",
    Call.Status.OPEN: "text-bg-success",
    Call.Status.CLOSED: "text-bg-warning",
    Call.Status.EVALUATION: "text-bg-info",
    Call.Status.PUBLISHED: "text-bg-primary",
    Call.Status.ARCHIVED: "text-bg-secondary",
}
APPLICATION_BADGES = {
    Application.Status.DRAFT: "text-bg-light border",
    Application.Status.SUBMITTED: "text-bg-primary",
    Application.Status.WITHDRAWN: "text-bg-secondary",
    Application.Status.ACCEPTED: "text-bg-success",
    Application.Status.DECLINED: "text-bg-warning",
}


def call_badge(call: Call) -> str:
    return badge(call, CALL_BADGES)


def application_badge(application: Application) -> str:
    return badge(application, APPLICATION_BADGES)


def short_datetime(value) -> str:
    return date_format(localtime(value), "SHORT_DATETIME_FORMAT") if value else "—"


class CallExport(Export):
    columns = (
        Column(_("Title"), "title", TRANSLATED),
        Column(_("Programme"), "programme", CHOICE),
        Column(_("For"), "audience", CHOICE),
        Column(_("Status"), "status", CHOICE),
        Column(_("Opens at"), "opens_at", DATETIME),
        Column(_("Closes at"), "closes_at", DATETIME),
    )


class CallTable(BaseTable):
    export_class = CallExport

    title = tables.Column(verbose_name=_("Title"), linkify=True, order_by=("title_uz",))
    programme = tables.Column(verbose_name=_("Programme"))
    audience = tables.Column(verbose_name=_("For"))
    status = tables.Column(verbose_name=_("Status"))
    closes_at = tables.Column(verbose_name=_("Closes at"))

    class Meta(BaseTable.Meta):
        model = Call
        fields = ("title", "programme", "audience", "status", "closes_at")
        sequence = fields

    def render_status(self, record):
        return call_badge(record)

    def value_status(self, record):
        return record.get_status_display()

    def render_closes_at(self, record):
        return short_datetime(record.closes_at)


class ApplicationExport(Export):
    columns = (
        Column(_("Call"), "call__title", TRANSLATED),
        Column(_("Last name"), "person__last_name"),
        Column(_("First name"), "person__first_name"),
        Column(_("Status"), "status", CHOICE),
        Column(_("Submitted"), "submitted_at", DATETIME),
        Column(_("GPA"), "gpa", NUMBER),
        Column(_("Eligible"), fields=("eligible",), compute=lambda row: _yes_no(row["eligible"])),
        Column(_("Total score"), "total", NUMBER),
        Column(_("Rank"), "rank", NUMBER),
        Column(_("Outcome"), "outcome", CHOICE),
    )


def _yes_no(value) -> str:
    return "" if value is None else str(_("Yes") if value else _("No"))


class ApplicationTable(BaseTable):
    export_class = ApplicationExport

    person = tables.Column(
        verbose_name=_("Applicant"), linkify=lambda record: record.get_absolute_url()
    )
    call = tables.Column(verbose_name=_("Call"))
    status = tables.Column(verbose_name=_("Status"))
    submitted_at = tables.Column(verbose_name=_("Submitted"))
    eligible = tables.Column(verbose_name=_("Eligible"), empty_values=())
    outcome = tables.Column(verbose_name=_("Outcome"))

    class Meta(BaseTable.Meta):
        model = Application
        fields = ("person", "call", "status", "submitted_at", "eligible", "outcome")
        sequence = fields

    def render_status(self, record):
        return application_badge(record)

    def value_status(self, record):
        return record.get_status_display()

    def render_submitted_at(self, record):
        return short_datetime(record.submitted_at)

    def render_eligible(self, record):
        if record.eligible is None:
            return "—"
        if record.eligible:
            return _("Yes")
        if record.override_reason:
            return format_html(
                '<span class="badge text-bg-info">{}</span>', _("Admitted by the office")
            )
        return format_html('<span class="badge text-bg-warning">{}</span>', _("No"))
