"""List and export columns for grant projects, programmes and budget headings."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from hamkor.core.exporting import (
    CHOICE,
    DATE,
    NUMBER,
    TRANSLATED,
    Column,
    Export,
    name_in_language,
    name_paths,
)
from hamkor.core.tables import BaseTable
from hamkor.core.tables import status_badge as badge
from hamkor.grants.models import BudgetHeading, Programme, Project, ProjectPartner

STATUS_BADGES = {
    Project.Status.IDEA: "text-bg-light border",
    Project.Status.PREPARATION: "text-bg-info",
    Project.Status.SUBMITTED: "text-bg-warning",
    Project.Status.APPROVED: "text-bg-primary",
    Project.Status.RUNNING: "text-bg-success",
    Project.Status.FINAL_REPORT: "text-bg-secondary",
    Project.Status.CLOSED: "text-bg-dark",
    Project.Status.REJECTED: "text-bg-danger",
    Project.Status.WITHDRAWN: "text-bg-light border",
}


def status_badge(project: Project) -> str:
    return badge(project, STATUS_BADGES)


def money(amount, currency: str) -> str:
    """An amount with its currency, in the page's number format ("—" when unknown)."""
    if amount is None:
        return "—"
    return f"{number_format(amount, 2, force_grouping=True)} {currency}"


class ProjectExport(Export):
    """The consortium is read for a chunk of rows in one query."""

    columns = (
        Column(_("Acronym"), "acronym"),
        Column(_("Title"), "title"),
        Column(_("Programme"), "programme__name", TRANSLATED),
        Column(_("Project number"), "project_number"),
        Column(_("Call year"), "call_year", NUMBER),
        Column(_("Our role"), "our_role", CHOICE),
        Column(_("Status"), "status", CHOICE),
        Column(_("Starts on"), "starts_on", DATE),
        Column(_("Ends on"), "ends_on", DATE),
        Column(_("Currency"), "currency"),
        Column(_("Total budget"), "total_budget", NUMBER),
        Column(_("Our share"), "our_share", NUMBER),
        Column(_("Consortium"), fields=("pk",), compute=lambda row: row["consortium"]),
    )

    def prepare(self, rows: list[dict]) -> None:
        paths = name_paths("institution__name", original=True)
        members: dict[int, list[str]] = {}
        for partner in (
            ProjectPartner.objects.filter(project__in=[row["pk"] for row in rows])
            .order_by("project", "id")
            .values("project", *paths)
        ):
            members.setdefault(partner["project"], []).append(
                name_in_language(partner, "institution__name", original=True)
            )
        for row in rows:
            row["consortium"] = "; ".join(members.get(row["pk"], []))


class ProjectTable(BaseTable):
    """Rows read the prefetched programme and consortium: no query per row."""

    export_class = ProjectExport

    acronym = tables.Column(verbose_name=_("Acronym"), linkify=True, empty_values=())
    title = tables.Column(verbose_name=_("Title"))
    programme = tables.Column(verbose_name=_("Programme"))
    status = tables.Column(verbose_name=_("Status"))
    starts_on = tables.DateColumn(verbose_name=_("Starts on"), short=True)
    ends_on = tables.DateColumn(verbose_name=_("Ends on"), short=True)
    our_share = tables.Column(
        verbose_name=_("Our share"), attrs={"td": {"class": "text-end text-nowrap"}}
    )

    class Meta(BaseTable.Meta):
        model = Project
        fields = ("acronym", "title", "programme", "status", "starts_on", "ends_on", "our_share")
        sequence = fields

    def render_acronym(self, record):
        return record.acronym or "—"

    def render_status(self, record):
        return status_badge(record)

    def value_status(self, record):
        return record.get_status_display()

    def render_our_share(self, record):
        return money(record.our_share, record.currency)


class ProgrammeExport(Export):
    columns = (
        Column(_("Code"), "code"),
        Column(_("Name"), "name", TRANSLATED),
        Column(_("Funder"), "funder"),
        Column(_("Erasmus+ action"), "erasmus_action"),
    )


class ProgrammeTable(BaseTable):
    export_class = ProgrammeExport

    code = tables.Column(verbose_name=_("Code"), linkify=True)
    name = tables.Column(verbose_name=_("Name"), accessor="name", order_by=("name_uz",))
    funder = tables.Column(verbose_name=_("Funder"))
    erasmus_action = tables.Column(verbose_name=_("Erasmus+ action"))

    class Meta(BaseTable.Meta):
        model = Programme
        fields = ("code", "name", "funder", "erasmus_action")
        sequence = fields


class BudgetHeadingExport(Export):
    columns = (Column(_("Code"), "code"), Column(_("Name"), "name", TRANSLATED))


class BudgetHeadingTable(BaseTable):
    export_class = BudgetHeadingExport

    code = tables.Column(verbose_name=_("Code"), linkify=True)
    name = tables.Column(verbose_name=_("Name"), accessor="name", order_by=("name_uz",))

    class Meta(BaseTable.Meta):
        model = BudgetHeading
        fields = ("code", "name")
        sequence = fields
