"""Factories of grant projects and their money, for the money tests.

The project pages' own tests may declare richer project factories; these make what the
money needs: a funded project (running by default), its headings, receipts, expenses and
the exchange rates of their days.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory

from hamkor.grants.models import (
    BudgetHeading,
    ExchangeRate,
    Expense,
    Programme,
    Project,
    Receipt,
)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("code",)

    code = "erasmus-ka171"
    name_uz = "Erasmus+ KA171"
    name_en = "Erasmus+ KA171"
    funder = "European Commission"


class MoneyProjectFactory(factory.django.DjangoModelFactory):
    """A running project from 2022 to 2024."""

    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Capacity building project {n}")
    acronym = factory.Sequence(lambda n: f"CAP{n}")
    programme = factory.SubFactory(ProgrammeFactory)
    project_number = factory.Sequence(lambda n: f"2022-1-UZ01-KA171-HED-{n:06d}")
    call_year = 2022
    our_role = Project.Role.PARTNER
    status = Project.Status.RUNNING
    starts_on = datetime.date(2022, 1, 1)
    ends_on = datetime.date(2024, 12, 31)
    currency = "EUR"


class BudgetHeadingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetHeading
        django_get_or_create = ("code",)

    code = "travel"
    name_uz = "Yoʻl xarajatlari"
    name_en = "Travel"


class ExchangeRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExchangeRate
        django_get_or_create = ("currency", "date")

    currency = "USD"
    date = datetime.date(2024, 5, 10)
    rate = Decimal("12650")
    source = ExchangeRate.Source.MANUAL


class ReceiptFactory(factory.django.DjangoModelFactory):
    """A receipt in US dollars with its day's rate stored (the rule of the services)."""

    class Meta:
        model = Receipt
        skip_postgeneration_save = True

    project = factory.SubFactory(MoneyProjectFactory)
    received_on = datetime.date(2024, 5, 10)
    amount = Decimal("1000.00")
    currency = "USD"
    payer = "European Commission"

    @factory.post_generation
    def with_rate(obj, create, extracted, **kwargs):
        if create and extracted is not False and obj.currency != "UZS":
            ExchangeRateFactory(currency=obj.currency, date=obj.received_on)


class ExpenseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expense
        skip_postgeneration_save = True

    project = factory.SubFactory(MoneyProjectFactory)
    heading = factory.SubFactory(BudgetHeadingFactory)
    spent_on = datetime.date(2024, 5, 10)
    amount = Decimal("500.00")
    currency = "USD"
    description = "Flight Tashkent – Warsaw"

    @factory.post_generation
    def with_rate(obj, create, extracted, **kwargs):
        if create and extracted is not False and obj.currency != "UZS":
            ExchangeRateFactory(currency=obj.currency, date=obj.spent_on)
