"""List and export columns for agreements."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from hamkor.agreements.models import Agreement
from hamkor.agreements.selectors import agreement_utilisation_total, realised_mobilities_bulk
from hamkor.core.tables import BaseTable

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
    return format_html(
        '<span class="badge {}">{}</span>',
        STATUS_BADGES.get(agreement.status, "text-bg-light"),
        agreement.get_status_display(),
    )


def partner_names(agreement: Agreement) -> list[str]:
    # Reads the parties prefetched by the list view, with their institutions.
    return [str(party.institution) for party in agreement.parties.all()]


class AgreementTable(BaseTable):
    """Every row reads prefetched parties and quotas: no query per row."""

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
