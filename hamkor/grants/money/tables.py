"""List and export columns of receipts, expenses and exchange rates."""

from __future__ import annotations

import django_tables2 as tables
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from hamkor.core.exporting import CHOICE, DATE, NUMBER, TRANSLATED, Column, Export
from hamkor.core.tables import BaseTable
from hamkor.grants.models import ExchangeRate, Expense, Receipt


def amount_text(amount, currency: str) -> str:
    """``12 650.00 USD``: grouped in the reader's language, with its currency."""
    return f"{formats.number_format(amount, 2, use_l10n=True, force_grouping=True)} {currency}"


def _project(row) -> str:
    acronym, title = row["project__acronym"], row["project__title"]
    return f"{acronym} — {title}" if acronym else title


PROJECT = Column(
    _("Project"), "project", fields=("project__acronym", "project__title"), compute=_project
)


class ReceiptExport(Export):
    columns = (
        Column(_("Received on"), "received_on", DATE),
        PROJECT,
        Column(_("Project number"), "project__project_number"),
        Column(_("Amount"), "amount", NUMBER),
        Column(_("Currency"), "currency"),
        Column(_("Payer"), "payer"),
        Column(_("Notes"), "notes"),
    )


class ExpenseExport(Export):
    columns = (
        Column(_("Spent on"), "spent_on", DATE),
        PROJECT,
        Column(_("Project number"), "project__project_number"),
        Column(_("Budget heading"), "heading__name", TRANSLATED),
        Column(_("Amount"), "amount", NUMBER),
        Column(_("Currency"), "currency"),
        Column(_("Description"), "description"),
        Column(_("Paid to"), "payee"),
    )


class ExchangeRateExport(Export):
    columns = (
        Column(_("Date"), "date", DATE),
        Column(_("Currency"), "currency"),
        Column(_("Rate (UZS per unit)"), "rate", NUMBER),
        Column(_("Nominal"), "nominal", NUMBER),
        Column(_("Source"), "source", CHOICE),
    )


class AmountColumn(tables.Column):
    """An amount with its currency; ordered by the amount."""

    def __init__(self, **kwargs):
        kwargs.setdefault("attrs", {"td": {"class": "text-end text-nowrap"}})
        super().__init__(**kwargs)

    def render(self, value, record):
        return amount_text(value, record.currency)


class ReceiptTable(BaseTable):
    export_class = ReceiptExport

    received_on = tables.DateColumn(verbose_name=_("Received on"), linkify=True, short=True)
    project = tables.Column(
        verbose_name=_("Project"), linkify=False, order_by=("project__acronym",)
    )
    amount = AmountColumn(verbose_name=_("Amount"))

    class Meta(BaseTable.Meta):
        model = Receipt
        fields = ("received_on", "project", "amount", "payer")


class ExpenseTable(BaseTable):
    export_class = ExpenseExport

    spent_on = tables.DateColumn(verbose_name=_("Spent on"), linkify=True, short=True)
    project = tables.Column(verbose_name=_("Project"), order_by=("project__acronym",))
    heading = tables.Column(verbose_name=_("Budget heading"), order_by=("heading__code",))
    amount = AmountColumn(verbose_name=_("Amount"))

    class Meta(BaseTable.Meta):
        model = Expense
        fields = ("spent_on", "project", "heading", "amount", "description", "payee")


class ExchangeRateTable(BaseTable):
    export_class = ExchangeRateExport

    date = tables.DateColumn(verbose_name=_("Date"), linkify=True, short=True)
    rate = tables.Column(verbose_name=_("Rate (UZS per unit)"), attrs={"td": {"class": "text-end"}})

    class Meta(BaseTable.Meta):
        model = ExchangeRate
        fields = ("date", "currency", "rate", "nominal", "source")

    def render_rate(self, value):
        places = 2 if value >= 100 else 4
        return formats.number_format(value, places, use_l10n=True, force_grouping=True)
