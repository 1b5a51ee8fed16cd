"""List and export columns of the university's years and the strategy targets."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamkor.core.exporting import CHOICE, DATETIME, NUMBER, TRANSLATED, Column, Export
from hamkor.core.tables import BaseTable
from hamkor.reports.models import Target, UniversityYear


class UniversityYearExport(Export):
    columns = (
        Column(pgettext_lazy("calendar year", "Year"), "year", NUMBER),
        Column(_("Students, total"), "students_total", NUMBER),
        Column(_("International students"), "international_students", NUMBER),
        Column(_("Academic staff, total"), "faculty_total", NUMBER),
        Column(_("International academic staff"), "international_faculty", NUMBER),
        Column(_("Closed at"), "closed_at", DATETIME),
        Column(_("Notes"), "notes"),
    )


class UniversityYearTable(BaseTable):
    export_class = UniversityYearExport

    year = tables.Column(verbose_name=pgettext_lazy("calendar year", "Year"), linkify=True)
    students_total = tables.Column(verbose_name=_("Students, total"))
    international_students = tables.Column(verbose_name=_("International students"))
    faculty_total = tables.Column(verbose_name=_("Academic staff, total"))
    international_faculty = tables.Column(verbose_name=_("International academic staff"))
    closed_at = tables.DateTimeColumn(verbose_name=_("Closed at"), short=True)

    class Meta(BaseTable.Meta):
        model = UniversityYear
        fields = (
            "year",
            "students_total",
            "international_students",
            "faculty_total",
            "international_faculty",
            "closed_at",
        )
        sequence = fields


class TargetExport(Export):
    columns = (
        Column(_("Figure"), "key", CHOICE),
        Column(pgettext_lazy("calendar year", "Year"), "year", NUMBER),
        Column(_("Faculty"), "faculty__name", TRANSLATED),
        Column(_("Target"), "value", NUMBER),
        Column(_("Note"), "note"),
    )


class TargetTable(BaseTable):
    export_class = TargetExport

    key = tables.Column(verbose_name=_("Figure"), linkify=True)
    year = tables.Column(verbose_name=pgettext_lazy("calendar year", "Year"))
    faculty = tables.Column(
        verbose_name=_("Faculty"), order_by=("faculty__code",), default=_("Whole university")
    )
    value = tables.Column(verbose_name=_("Target"))

    class Meta(BaseTable.Meta):
        model = Target
        fields = ("key", "year", "faculty", "value")
        sequence = fields
