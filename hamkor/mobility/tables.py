"""List and export columns for people and mobilities.

Personal data columns exist only for users who may read personal data: the table leaves
them out for everybody else, on screen and in exports alike.
"""

from __future__ import annotations

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamkor.core.exporting import (
    BOOL,
    CHOICE,
    COUNTRY,
    DATE,
    NUMBER,
    TRANSLATED,
    Column,
    Export,
    name_in_language,
)
from hamkor.core.tables import BaseTable
from hamkor.core.tables import status_badge as badge
from hamkor.mobility.models import PERSONAL_DATA, Mobility, Person
from hamkor.mobility.personal import hidden_fields

# Bootstrap badge classes of each status.
STATUS_BADGES = {
    Mobility.Status.PLANNED: "text-bg-light border",
    Mobility.Status.NOMINATED: "text-bg-info",
    Mobility.Status.ACCEPTED: "text-bg-primary",
    Mobility.Status.IN_PROGRESS: "text-bg-warning",
    Mobility.Status.COMPLETED: "text-bg-success",
    Mobility.Status.CANCELLED: "text-bg-dark",
}


WIDE_ONLY = {"th": {"class": "d-none d-md-table-cell"}, "td": {"class": "d-none d-md-table-cell"}}
WIDE_ONLY_SMALL = {
    "th": {"class": "d-none d-md-table-cell"},
    "td": {"class": "small d-none d-md-table-cell"},
}


def status_badge(mobility: Mobility) -> str:
    return badge(mobility, STATUS_BADGES)


def partner_of(mobility: Mobility):
    """The other side: the host of an outgoing mobility, the sender of an incoming one."""
    return mobility.receiving_institution if mobility.is_outgoing else mobility.sending_institution


# --- Export columns (declared once; see core/exporting.py) ---------------------------------


def _person_name(prefix: str):
    def compute(row: dict) -> str:
        parts = (row[f"{prefix}last_name"], row[f"{prefix}first_name"], row[f"{prefix}middle_name"])
        return " ".join(part for part in parts if part)

    return compute


def _partner_path(row: dict) -> str:
    outgoing = row["direction"] == Mobility.Direction.OUTGOING
    return "receiving_institution" if outgoing else "sending_institution"


def _partner_name(row: dict) -> str:
    return name_in_language(row, f"{_partner_path(row)}__name", original=True)


def _partner_country(row: dict) -> str:
    return row[f"{_partner_path(row)}__country"]


def _both(path: str) -> tuple[str, ...]:
    return tuple(f"{side}_institution__{path}" for side in ("receiving", "sending"))


class PersonExport(Export):
    columns = (
        Column(
            _("Name"),
            fields=("last_name", "first_name", "middle_name"),
            compute=_person_name(""),
        ),
        Column(_("Original script"), "name_original"),
        Column(_("Category"), "category", CHOICE),
        Column(_("Citizenship"), "citizenship", COUNTRY),
        Column(_("Faculty or unit"), "org_unit__name", TRANSLATED),
        Column(_("Institution"), "institution__name", TRANSLATED, original=True),
        Column(_("E-mail"), "email"),
        Column(
            _("Account"),
            kind=BOOL,
            fields=("user_id",),
            compute=lambda row: row["user_id"] is not None,
        ),
        Column(_("Mobilities"), "mobility_count", NUMBER),
        Column(_("Date of birth"), "date_of_birth", DATE, permission=PERSONAL_DATA),
        Column(_("Passport number"), "passport_number", permission=PERSONAL_DATA),
        Column(_("Passport valid to"), "passport_valid_to", DATE, permission=PERSONAL_DATA),
    )


class MobilityExport(Export):
    columns = (
        Column(
            _("Person"),
            fields=("person__last_name", "person__first_name", "person__middle_name"),
            compute=_person_name("person__"),
        ),
        Column(_("Direction"), "direction", CHOICE),
        Column(_("Kind"), "kind", CHOICE),
        Column(_("Programme"), "programme", CHOICE),
        Column(
            _("Partner"),
            fields=(
                "direction",
                *_both("name"),
                *_both("name_uz"),
                *_both("name_ru"),
                *_both("name_en"),
            ),
            compute=_partner_name,
        ),
        Column(
            _("Country"),
            kind=COUNTRY,
            fields=("direction", *_both("country")),
            compute=_partner_country,
        ),
        Column(_("Faculty or unit"), "home_unit__name", TRANSLATED),
        Column(_("Agreement"), "agreement__reference"),
        Column(
            pgettext_lazy("period", "Start"),
            kind=DATE,
            fields=("actual_start", "planned_start"),
            compute=lambda row: row["actual_start"] or row["planned_start"],
        ),
        Column(
            pgettext_lazy("period", "End"),
            kind=DATE,
            fields=("actual_end", "planned_end"),
            compute=lambda row: row["actual_end"] or row["planned_end"],
        ),
        Column(_("Status"), "status", CHOICE),
        Column(_("Funding"), "funding_amount", NUMBER),
        Column(_("Currency"), "funding_currency"),
        Column(_("Funding source"), "funding_source"),
        Column(
            _("Host's QS rank"),
            fields=("direction", "host_qs_label"),
            compute=lambda row: (
                row["host_qs_label"] if row["direction"] == Mobility.Direction.OUTGOING else None
            ),
        ),
    )


# --- Tables on screen -----------------------------------------------------------------------


class PersonTable(BaseTable):
    """Every row reads the unit, institution and account selected by the list view.

    On screen the original script and the e-mail sit under the name, and the unit or the
    institution share a column; exports get each in a column of its own.
    """

    export_class = PersonExport

    full_name = tables.Column(
        verbose_name=pgettext_lazy("person", "Name"), order_by=("last_name", "first_name")
    )
    category = tables.Column(verbose_name=_("Category"), attrs={"td": {"class": "small"}})
    citizenship = tables.Column(verbose_name=_("Citizenship"))
    affiliation = tables.Column(
        verbose_name=_("Faculty or institution"),
        accessor="pk",
        order_by=("org_unit__name_uz", "institution__name"),
        exclude_from_export=True,
        attrs={"td": {"class": "small"}},
    )
    user = tables.BooleanColumn(verbose_name=_("Account"), accessor="user_id")
    mobilities = tables.Column(
        verbose_name=_("Mobilities"),
        accessor="mobility_count",
        attrs={"td": {"class": "text-end"}},
    )
    date_of_birth = tables.DateColumn(verbose_name=_("Date of birth"), short=True)
    passport_number = tables.Column(verbose_name=_("Passport number"))
    passport_valid_to = tables.DateColumn(
        verbose_name=_("Passport valid to"), short=True, visible=False
    )
    name_original = tables.Column(verbose_name=_("Original script"), visible=False)
    email = tables.Column(verbose_name=_("E-mail"), visible=False)
    org_unit = tables.Column(verbose_name=_("Faculty or unit"), visible=False)
    institution = tables.Column(verbose_name=_("Institution"), visible=False)

    class Meta(BaseTable.Meta):
        model = Person
        fields = (
            "full_name",
            "category",
            "citizenship",
            "affiliation",
            "user",
            "mobilities",
            "date_of_birth",
            "passport_number",
            "passport_valid_to",
            "name_original",
            "email",
            "org_unit",
            "institution",
        )
        sequence = fields

    def __init__(self, *args, request=None, exclude=None, **kwargs):
        hidden = hidden_fields(getattr(request, "user", None), Person)
        if hidden:
            exclude = (*(exclude or ()), *hidden)
        super().__init__(*args, request=request, exclude=exclude, **kwargs)

    def render_full_name(self, record, value):
        return format_html(
            '<a href="{}">{}</a><div class="small text-muted">{}</div>'
            '<div class="small text-muted text-break">{}</div>',
            record.get_absolute_url(),
            value,
            record.name_original,
            record.email,
        )

    def render_citizenship(self, record):
        return record.citizenship.name

    def value_citizenship(self, record):
        return record.citizenship.code

    def render_affiliation(self, record):
        return str(record.org_unit or record.institution or "—")


class MobilityTable(BaseTable):
    """Every row reads the person and institutions selected by the list view and the host's
    QS rank annotated by ``with_host_qs_rank``: no query per row."""

    export_class = MobilityExport

    person = tables.Column(
        verbose_name=_("Person"),
        linkify=lambda record: record.get_absolute_url(),
        order_by=("person__last_name", "person__first_name"),
    )
    # Left out on a phone's width: the row's page tells them.
    direction = tables.Column(verbose_name=_("Direction"), attrs=WIDE_ONLY)
    kind = tables.Column(verbose_name=_("Kind"), attrs=WIDE_ONLY_SMALL)
    programme = tables.Column(verbose_name=_("Programme"), attrs=WIDE_ONLY_SMALL)
    partner = tables.Column(
        verbose_name=_("Partner"),
        accessor="pk",
        order_by=("receiving_institution__name", "sending_institution__name"),
    )
    # On screen the dates are one column; exports get each date and the country apart.
    dates = tables.Column(
        verbose_name=_("Dates"),
        accessor="planned_start",
        order_by=("planned_start",),
        exclude_from_export=True,
    )
    country = tables.Column(
        verbose_name=_("Country"), accessor="pk", orderable=False, visible=False
    )
    start = tables.Column(
        verbose_name=pgettext_lazy("period", "Start"), accessor="planned_start", visible=False
    )
    end = tables.Column(
        verbose_name=pgettext_lazy("period", "End"), accessor="planned_end", visible=False
    )
    status = tables.Column(verbose_name=_("Status"))
    host_qs_rank = tables.Column(
        verbose_name=_("Host's QS rank"),
        order_by=("host_qs_rank",),
        attrs={"td": {"class": "text-nowrap"}},
    )

    class Meta(BaseTable.Meta):
        model = Mobility
        fields = (
            "person",
            "direction",
            "kind",
            "programme",
            "partner",
            "dates",
            "status",
            "host_qs_rank",
            "country",
            "start",
            "end",
        )
        sequence = fields

    def render_partner(self, record):
        partner = partner_of(record)
        return format_html(
            '{}<div class="small text-muted">{}</div>', str(partner), partner.country.name
        )

    def value_partner(self, record):
        return str(partner_of(record))

    def render_country(self, record):
        return partner_of(record).country.name

    def value_country(self, record):
        return partner_of(record).country.code

    # Actual dates once known, else the planned ones.
    def render_dates(self, record):
        return format_html(
            '<span class="text-nowrap">{} –</span> <span class="text-nowrap">{}</span>',
            _date(record.start),
            _date(record.end),
        )

    def render_start(self, record):
        return _date(record.start)

    def value_start(self, record):
        return record.start.isoformat()

    def render_end(self, record):
        return _date(record.end)

    def value_end(self, record):
        return record.end.isoformat()

    def render_status(self, record):
        return status_badge(record)

    def value_status(self, record):
        return record.get_status_display()

    def render_host_qs_rank(self, record):
        if not record.is_outgoing:
            return "—"  # we host: our own rank is not a fact about the mobility
        return format_html(
            '<span title="{}">{}</span>',
            _("QS World %(edition)s") % {"edition": record.host_qs_edition},
            record.host_qs_label,
        )

    def value_host_qs_rank(self, record):
        return record.host_qs_label if record.is_outgoing else ""


def _date(value) -> str:
    return date_format(value, "SHORT_DATE_FORMAT")
