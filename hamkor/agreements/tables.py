"""List and export columns for agreements."""

from __future__ import annotations

import django_tables2 as tables
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from hamkor.agreements.models import Agreement, AgreementParty
from hamkor.agreements.selectors import agreement_utilisation_total, realised_mobilities_bulk
from hamkor.core.countries import country_name
from hamkor.core.exporting import (
    BOOL,
    CHOICE,
    DATE,
    NUMBER,
    Column,
    Export,
    name_in_language,
    name_paths,
)
from hamkor.core.tables import BaseTable
from hamkor.core.tables import status_badge as badge

# Bootstrap badge classes of each status.
STATUS_BADGES = {
    Agreement.Status.DRAFT: "text-bg-light border",
    Agreement.Status.NEGOTIATION: "text-bg-info",
    Agreement.Status.AWAITING_SIGNATURE: "text-bg-warning",
    Agreement.Status.ACTIVE: "text-bg-success",
    Agreement.Status.EXPIRED: "text-bg-secondary",
    Agreement.Status.TERMINATED: "text-bg-dark",
}


def status_badge(agreement: Agreement) -> str:
    return badge(agreement, STATUS_BADGES)


def partner_names(agreement: Agreement) -> list[str]:
    # Reads the parties prefetched by the list view, with their institutions.
    return [str(party.institution) for party in agreement.parties.all()]


class AgreementExport(Export):
    """The partners and their countries are read for a chunk of rows in one query."""

    columns = (
        Column(_("Reference"), "reference"),
        Column(_("Title"), "title"),
        Column(_("Partners"), fields=("pk",), compute=lambda row: row["partners"]),
        Column(_("Country"), fields=("pk",), compute=lambda row: row["countries"]),
        Column(_("Kind"), "kind", CHOICE),
        Column(_("Status"), "status", CHOICE),
        Column(_("Signed on"), "signed_on", DATE),
        Column(_("Valid from"), "valid_from", DATE),
        Column(_("Valid to"), "valid_to", DATE),
        Column(_("Renews automatically"), "auto_renewal", BOOL),
        Column(_("Notice period (days)"), "notice_period_days", NUMBER),
    )

    def prepare(self, rows: list[dict]) -> None:
        paths = name_paths("institution__name", original=True)
        parties: dict[int, list[dict]] = {}
        for party in (
            AgreementParty.objects.filter(agreement__in=[row["pk"] for row in rows])
            .order_by("agreement", "id")
            .values("agreement", "institution__country", *paths)
        ):
            parties.setdefault(party["agreement"], []).append(party)
        for row in rows:
            mine = parties.get(row["pk"], [])
            row["partners"] = "; ".join(
                name_in_language(p, "institution__name", original=True) for p in mine
            )
            codes = dict.fromkeys(p["institution__country"] for p in mine)
            row["countries"] = "; ".join(country_name(code) for code in codes)


class ExpiringAgreementExport(AgreementExport):
    columns = (
        *AgreementExport.columns,
        Column(
            _("Days left"),
            kind=NUMBER,
            fields=("valid_to",),
            compute=lambda row: (row["valid_to"] - timezone.localdate()).days,
        ),
    )


class AgreementTable(BaseTable):
    """Every row reads prefetched parties and quotas: no query per row."""

    export_class = AgreementExport

    reference = tables.Column(
        verbose_name=_("Reference"), linkify=True, attrs={"td": {"class": "text-nowrap"}}
    )
    title = tables.Column(verbose_name=_("Title"))
    partners = tables.Column(verbose_name=_("Partners"), accessor="pk", orderable=False)
    kind = tables.Column(verbose_name=_("Kind"))
    status = tables.Column(verbose_name=_("Status"))
    signed_on = tables.DateColumn(verbose_name=_("Signed on"), short=True)
    # Rendered when empty as well: an empty end date means open-ended.
    valid_to = tables.Column(verbose_name=_("Valid to"), empty_values=())
    utilisation = tables.Column(
        verbose_name=_("Utilisation"),
        accessor="pk",
        orderable=False,
        attrs={"td": {"class": "text-nowrap"}},
    )

    class Meta(BaseTable.Meta):
        model = Agreement
        fields = (
            "reference",
            "title",
            "partners",
            "kind",
            "status",
            "signed_on",
            "valid_to",
            "utilisation",
        )
        sequence = fields

    def render_partners(self, record):
        return format_html_join(", ", "{}", ((name,) for name in partner_names(record)))

    def value_partners(self, record):
        return "; ".join(partner_names(record))

    def render_status(self, record):
        return status_badge(record)

    def value_status(self, record):
        return record.get_status_display()

    def render_valid_to(self, record):
        if record.valid_to is None:
            return format_html('<span class="text-muted">{}</span>', _("open-ended"))
        return date_format(record.valid_to, "SHORT_DATE_FORMAT")

    def value_valid_to(self, record):
        return record.valid_to.isoformat() if record.valid_to else _("open-ended")

    def utilisation_of(self, record) -> tuple[int, int]:
        # Mobilities of the rows shown (the page, or every row of an export) in one query.
        if getattr(self, "_realised", None) is None:
            page = getattr(self, "page", None)
            records = [row.record for row in page.object_list] if page else list(self.data)
            self._realised = realised_mobilities_bulk([record.pk for record in records])
        return agreement_utilisation_total(record, realised=self._realised.get(record.pk, {}))

    def render_utilisation(self, record):
        realised, places = self.utilisation_of(record)
        if not places:
            return "—"
        return format_html(
            '<span title="{}">{}/{}</span>', _("realised / places"), realised, places
        )

    def value_utilisation(self, record):
        realised, places = self.utilisation_of(record)
        return f"{realised}/{places}" if places else ""


class ExpiringAgreementTable(AgreementTable):
    """Active agreements that end soon, with the days left."""

    export_class = ExpiringAgreementExport

    days_left = tables.Column(
        verbose_name=_("Days left"), accessor="valid_to", attrs={"td": {"class": "text-end"}}
    )

    class Meta(AgreementTable.Meta):
        fields = (*AgreementTable.Meta.fields, "days_left")
        sequence = (
            "reference",
            "title",
            "partners",
            "kind",
            "valid_to",
            "days_left",
            "status",
            "signed_on",
            "utilisation",
        )

    def render_days_left(self, record):
        return record.days_left()

    def value_days_left(self, record):
        return record.days_left()
