"""List and export columns for institutions and contacts."""

from __future__ import annotations

import django_tables2 as tables
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from hamkor.core.exporting import (
    BOOL,
    CHOICE,
    COUNTRY,
    DATE,
    NUMBER,
    TRANSLATED,
    Column,
    Export,
)
from hamkor.core.tables import BaseTable
from hamkor.partners.models import Contact, Institution, Interaction, RankingEntry


def institutions_with_list_columns(queryset: QuerySet[Institution]) -> QuerySet[Institution]:
    """``queryset`` with what the list's computed columns show, in the same query.

    The latest QS World rank and the number of agreements are subqueries, so that a page of
    250 rows costs what a page of 25 does.
    """
    latest_qs = RankingEntry.objects.filter(
        institution=OuterRef("pk"), ranking=RankingEntry.Ranking.QS_WORLD
    ).order_by("-year")
    # Through the reverse relation: partners does not import the agreements app above it.
    agreements = (
        Institution.objects.filter(pk=OuterRef("pk"))
        .order_by()
        .annotate(n=Count("agreement_parties__agreement", distinct=True))
        .values("n")
    )
    return queryset.annotate(
        qs_rank=Subquery(latest_qs.values("rank")[:1]),
        qs_year=Subquery(latest_qs.values("year")[:1]),
        qs_rank_low=Subquery(latest_qs.values("rank_low")[:1]),
        agreements_count=Coalesce(Subquery(agreements, output_field=IntegerField()), Value(0)),
    )


class CountryColumn(tables.Column):
    """A country by its name in the reader's language (ordered by its code)."""

    def render(self, value):
        # django-tables2 already passes the choice's label for a field with choices.
        return getattr(value, "name", value)

    def value(self, value):
        return str(getattr(value, "name", value))


class InstitutionExport(Export):
    columns = (
        Column(_("Name"), "name", TRANSLATED, original=True),
        Column(_("Name (original)"), "name"),
        Column(_("Country"), "country", COUNTRY),
        Column(_("City"), "city"),
        Column(_("Kind"), "kind", CHOICE),
        Column(_("Partnership"), "partnership", CHOICE),
        Column(_("Latest QS rank"), "qs_rank"),
        Column(_("QS year"), "qs_year", NUMBER),
        Column(_("Agreements"), "agreements_count", NUMBER),
    )


class DormantPartnerExport(InstitutionExport):
    columns = (
        *(column for column in InstitutionExport.columns if column.path != "partnership"),
        Column(_("Last interaction"), "last_interaction", DATE),
    )


class ContactExport(Export):
    columns = (
        Column(_("Full name"), "full_name"),
        Column(_("Position"), "position"),
        Column(_("Institution"), "institution__name", TRANSLATED, original=True),
        Column(_("Office or department"), "unit"),
        Column(_("E-mail"), "email"),
        Column(_("Phone"), "phone"),
        Column(_("Main contact"), "is_primary", BOOL),
    )


class InteractionExport(Export):
    columns = (
        Column(_("Date"), "date", DATE),
        Column(_("Institution"), "institution__name", TRANSLATED, original=True),
        Column(_("Kind"), "kind", CHOICE),
        Column(_("Summary"), "summary"),
        Column(_("Our participants"), "participants"),
        Column(_("Follow up on"), "follow_up_on", DATE),
        Column(_("Follow-up done"), "follow_up_done", BOOL),
    )


class InstitutionTable(BaseTable):
    export_class = InstitutionExport

    name = tables.Column(verbose_name=_("Name"), linkify=True, order_by=("name",))
    country = CountryColumn(verbose_name=_("Country"))
    city = tables.Column(verbose_name=_("City"))
    kind = tables.Column(verbose_name=_("Kind"))
    partnership = tables.Column(
        verbose_name=_("Partnership"), attrs={"td": {"class": "text-nowrap"}}
    )
    qs_rank = tables.Column(
        verbose_name=_("Latest QS rank"),
        order_by=("qs_rank_low",),
        empty_values=(None, ""),
        attrs={"td": {"class": "text-nowrap"}},
    )
    agreements_count = tables.Column(
        verbose_name=_("Agreements"), attrs={"td": {"class": "text-end"}}
    )

    class Meta(BaseTable.Meta):
        model = Institution
        fields = ("name", "country", "city", "kind", "partnership", "qs_rank", "agreements_count")

    def render_name(self, record):
        return str(record)

    def value_name(self, record):
        return str(record)

    def render_qs_rank(self, value, record):
        return format_html('{} <span class="text-muted small">({})</span>', value, record.qs_year)

    def value_qs_rank(self, value, record):
        return f"{value} ({record.qs_year})" if value else ""


class DormantPartnerTable(InstitutionTable):
    export_class = DormantPartnerExport

    last_interaction = tables.DateColumn(
        verbose_name=_("Last interaction"), short=True, empty_values=(None,)
    )

    class Meta(InstitutionTable.Meta):
        exclude = ("partnership",)
        sequence = (
            "name",
            "country",
            "city",
            "kind",
            "last_interaction",
            "qs_rank",
            "agreements_count",
        )


def dormant_with_list_columns(queryset: QuerySet[Institution]) -> QuerySet[Institution]:
    last = Interaction.objects.filter(institution=OuterRef("pk")).order_by("-date")
    return institutions_with_list_columns(queryset).annotate(
        last_interaction=Subquery(last.values("date")[:1])
    )


class ContactTable(BaseTable):
    export_class = ContactExport

    full_name = tables.Column(verbose_name=_("Full name"), linkify=True)
    institution = tables.Column(
        verbose_name=_("Institution"), linkify=True, order_by=("institution__name",)
    )

    class Meta(BaseTable.Meta):
        model = Contact
        fields = ("full_name", "position", "institution", "unit", "email", "phone", "is_primary")


class InteractionTable(BaseTable):
    export_class = InteractionExport

    date = tables.DateColumn(verbose_name=_("Date"), linkify=True)
    institution = tables.Column(
        verbose_name=_("Institution"), linkify=True, order_by=("institution__name",)
    )

    class Meta(BaseTable.Meta):
        model = Interaction
        fields = ("date", "institution", "kind", "summary", "follow_up_on", "follow_up_done")
