"""List and export columns for foreign students and their requests.

Visa and passport columns are personal data: left out, on screen and in exports, for users
who may not read personal data.
"""

from __future__ import annotations

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamkor.core.exporting import (
    CHOICE,
    COUNTRY,
    DATE,
    DATETIME,
    NUMBER,
    TRANSLATED,
    Column,
    Export,
)
from hamkor.core.tables import BaseTable
from hamkor.core.tables import status_badge as badge
from hamkor.mobility.models import PERSONAL_DATA
from hamkor.mobility.personal import hidden_fields
from hamkor.students.models import ForeignStudent, StudentRequest

WIDE_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell"}}

STUDENT_BADGES = {
    ForeignStudent.Status.ADMITTED: "text-bg-light border",
    ForeignStudent.Status.ENROLLED: "text-bg-success",
    ForeignStudent.Status.ON_LEAVE: "text-bg-warning",
    ForeignStudent.Status.GRADUATED: "text-bg-primary",
    ForeignStudent.Status.WITHDRAWN: "text-bg-dark",
}
REQUEST_BADGES = {
    StudentRequest.Status.NEW: "text-bg-info",
    StudentRequest.Status.IN_PROGRESS: "text-bg-warning",
    StudentRequest.Status.RESOLVED: "text-bg-success",
    StudentRequest.Status.DECLINED: "text-bg-dark",
}


def status_badge(record) -> str:
    badges = STUDENT_BADGES if isinstance(record, ForeignStudent) else REQUEST_BADGES
    return badge(record, badges)


def _name(prefix: str):
    def compute(row: dict) -> str:
        parts = (row[f"{prefix}last_name"], row[f"{prefix}first_name"], row[f"{prefix}middle_name"])
        return " ".join(part for part in parts if part)

    return compute


PERSON = "person__"
STUDENT_PERSON = "student__person__"


class ForeignStudentExport(Export):
    columns = (
        Column(
            pgettext_lazy("person", "Name"),
            fields=(f"{PERSON}last_name", f"{PERSON}first_name", f"{PERSON}middle_name"),
            compute=_name(PERSON),
        ),
        Column(_("Original script"), f"{PERSON}name_original"),
        Column(_("Citizenship"), f"{PERSON}citizenship", COUNTRY),
        Column(_("Faculty"), "faculty__name", TRANSLATED),
        Column(_("Programme"), "programme"),
        Column(_("Level"), "level", CHOICE),
        Column(_("Year of study"), "year_of_study", NUMBER),
        Column(_("Status"), "status", CHOICE),
        Column(_("Enrolled on"), "enrolled_on", DATE),
        Column(_("Contract number"), "contract_number"),
        Column(_("Annual fee (UZS)"), "annual_fee", NUMBER),
        Column(_("E-mail"), f"{PERSON}email"),
        Column(_("Entered Uzbekistan on"), "entry_date", DATE),
        Column(_("Registered on"), "registered_on", DATE),
        Column(_("Registration valid to"), "registration_valid_to", DATE),
        Column(_("Visa number"), "visa_number", permission=PERSONAL_DATA),
        Column(_("Visa valid from"), "visa_valid_from", DATE, permission=PERSONAL_DATA),
        Column(_("Visa valid to"), "visa_valid_to", DATE, permission=PERSONAL_DATA),
        Column(_("Passport number"), f"{PERSON}passport_number", permission=PERSONAL_DATA),
        Column(
            _("Passport valid to"), f"{PERSON}passport_valid_to", DATE, permission=PERSONAL_DATA
        ),
    )


class StudentRequestExport(Export):
    columns = (
        Column(_("Filed"), "created_at", DATETIME),
        Column(
            _("Foreign student"),
            fields=(
                f"{STUDENT_PERSON}last_name",
                f"{STUDENT_PERSON}first_name",
                f"{STUDENT_PERSON}middle_name",
            ),
            compute=_name(STUDENT_PERSON),
        ),
        Column(_("Faculty"), "student__faculty__name", TRANSLATED),
        Column(_("Kind"), "kind", CHOICE),
        Column(_("Subject"), "subject"),
        Column(_("Status"), "status", CHOICE),
        Column(
            _("Assignee"),
            fields=("assignee__full_name", "assignee__email"),
            compute=lambda row: row["assignee__full_name"] or row["assignee__email"] or "",
        ),
    )


def _date(value) -> str:
    return date_format(value, "SHORT_DATE_FORMAT") if value else "—"


class ForeignStudentTable(BaseTable):
    """Rows read the person and faculty selected by the list view: no query per row."""

    export_class = ForeignStudentExport

    person = tables.Column(
        verbose_name=pgettext_lazy("person", "Name"),
        linkify=lambda record: record.get_absolute_url(),
        order_by=("person__last_name", "person__first_name"),
    )
    citizenship = tables.Column(
        verbose_name=_("Citizenship"), accessor="person__citizenship", orderable=False
    )
    faculty = tables.Column(verbose_name=_("Faculty"), attrs=WIDE_ONLY)
    level = tables.Column(verbose_name=_("Level"), attrs=WIDE_ONLY)
    year_of_study = tables.Column(verbose_name=_("Year"), attrs=WIDE_ONLY)
    status = tables.Column(verbose_name=_("Status"))
    visa_valid_to = tables.Column(verbose_name=_("Visa valid to"), attrs=WIDE_ONLY)
    registration_valid_to = tables.Column(verbose_name=_("Registration valid to"), attrs=WIDE_ONLY)

    class Meta(BaseTable.Meta):
        model = ForeignStudent
        fields = (
            "person",
            "citizenship",
            "faculty",
            "level",
            "year_of_study",
            "status",
            "visa_valid_to",
            "registration_valid_to",
        )
        sequence = fields

    def __init__(self, *args, request=None, exclude=None, **kwargs):
        hidden = hidden_fields(getattr(request, "user", None), ForeignStudent)
        if hidden:
            exclude = (*(exclude or ()), *(name for name in hidden if name in self.base_columns))
        super().__init__(*args, request=request, exclude=exclude, **kwargs)

    def render_citizenship(self, record):
        return record.person.citizenship.name

    def render_status(self, record):
        return status_badge(record)

    def value_status(self, record):
        return record.get_status_display()

    def render_visa_valid_to(self, value):
        return _date(value)

    def render_registration_valid_to(self, value):
        return _date(value)


class StudentRequestTable(BaseTable):
    export_class = StudentRequestExport

    subject = tables.Column(
        verbose_name=_("Subject"), linkify=lambda record: record.get_absolute_url()
    )
    student = tables.Column(
        verbose_name=_("Foreign student"),
        order_by=("student__person__last_name", "student__person__first_name"),
    )
    kind = tables.Column(verbose_name=_("Kind"), attrs=WIDE_ONLY)
    status = tables.Column(verbose_name=_("Status"))
    assignee = tables.Column(verbose_name=_("Assignee"), attrs=WIDE_ONLY)
    created_at = tables.Column(verbose_name=_("Filed"), attrs=WIDE_ONLY)

    class Meta(BaseTable.Meta):
        model = StudentRequest
        fields = ("subject", "student", "kind", "status", "assignee", "created_at")
        sequence = fields

    def render_status(self, record):
        return status_badge(record)

    def value_status(self, record):
        return record.get_status_display()

    def render_created_at(self, value):
        return date_format(value, "SHORT_DATE_FORMAT")
