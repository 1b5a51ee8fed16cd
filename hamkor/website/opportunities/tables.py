"""List and export columns of opportunities."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from hamkor.core.exporting import CHOICE, DATETIME, TRANSLATED, Column, Export
from hamkor.core.tables import BaseTable
from hamkor.website.opportunities.filters import STATES
from hamkor.website.opportunities.models import Opportunity

STATE_CLASSES = {"draft": "text-bg-secondary", "open": "text-bg-success", "closed": "text-bg-dark"}
STATE_LABELS = dict(STATES)


def opportunity_badge(record: Opportunity) -> str:
    """Draft, open or closed, as a badge (the label carries the meaning)."""
    return format_html(
        '<span class="badge {}">{}</span>', STATE_CLASSES[record.state], STATE_LABELS[record.state]
    )


class OpportunityExport(Export):
    columns = (
        Column(_("Title"), "title", TRANSLATED),
        Column(_("Kind"), "kind", CHOICE),
        Column(_("Who may apply"), "audience", CHOICE),
        Column(_("Deadline"), "deadline", DATETIME),
        Column(_("Status"), "status", CHOICE),
        Column(_("Partner institution"), "partner__name"),
        Column(_("Official page"), "url"),
        Column(_("Address"), "slug"),
    )


class OpportunityTable(BaseTable):
    export_class = OpportunityExport

    title = tables.Column(verbose_name=_("Title"), linkify=True, order_by=("title_uz",))
    kind = tables.Column(verbose_name=_("Kind"))
    audience = tables.Column(verbose_name=_("Who may apply"))
    deadline = tables.DateTimeColumn(verbose_name=_("Deadline"))
    status = tables.Column(verbose_name=_("Status"))

    class Meta(BaseTable.Meta):
        model = Opportunity
        fields = ("title", "kind", "audience", "deadline", "status")

    def render_status(self, record):
        return opportunity_badge(record)
