"""Filters of receipts, expenses and exchange rates, shared by the list pages and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from hamkor.core.filters import SearchFilterSet
from hamkor.core.forms import DateInput
from hamkor.grants.models import BudgetHeading, ExchangeRate, Expense, Project, Receipt


def _currencies(model):
    """The currencies the records use, as choices (a few codes, read when the form is made)."""

    def choices():
        codes = model.objects.order_by().values_list("currency", flat=True).distinct()
        return [(code, code) for code in sorted(codes)]

    return choices


def _date_range(field_name: str):
    return (
        django_filters.DateFilter(
            label=_("From"), field_name=field_name, lookup_expr="gte", widget=DateInput
        ),
        django_filters.DateFilter(
            label=_("To"), field_name=field_name, lookup_expr="lte", widget=DateInput
        ),
    )


class ReceiptFilterSet(SearchFilterSet):
    search_fields = ("payer", "notes", "project__title", "project__acronym")

    project = django_filters.ModelChoiceFilter(
        label=_("Project"), queryset=Project.objects.order_by("acronym", "title")
    )
    currency = django_filters.ChoiceFilter(label=_("Currency"), choices=_currencies(Receipt))
    received_from, received_to = _date_range("received_on")

    class Meta:
        model = Receipt
        fields = ["q", "project", "currency", "received_from", "received_to"]


class ExpenseFilterSet(SearchFilterSet):
    search_fields = ("description", "payee", "project__title", "project__acronym")

    project = django_filters.ModelChoiceFilter(
        label=_("Project"), queryset=Project.objects.order_by("acronym", "title")
    )
    heading = django_filters.ModelChoiceFilter(
        label=_("Budget heading"), queryset=BudgetHeading.objects.all()
    )
    currency = django_filters.ChoiceFilter(label=_("Currency"), choices=_currencies(Expense))
    spent_from, spent_to = _date_range("spent_on")

    class Meta:
        model = Expense
        fields = ["q", "project", "heading", "currency", "spent_from", "spent_to"]


class ExchangeRateFilterSet(SearchFilterSet):
    search_fields = ("currency",)

    currency = django_filters.ChoiceFilter(label=_("Currency"), choices=_currencies(ExchangeRate))
    date_from, date_to = _date_range("date")
    source = django_filters.ChoiceFilter(label=_("Source"), choices=ExchangeRate.Source.choices)

    class Meta:
        model = ExchangeRate
        fields = ["q", "currency", "date_from", "date_to", "source"]
