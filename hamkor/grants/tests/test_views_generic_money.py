"""The generic staff pages of receipts, expenses and exchange rates, tested by declaration."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from hamkor.core.testing.viewtests import ViewTests
from hamkor.grants.tests.money_factories import (
    BudgetHeadingFactory,
    ExchangeRateFactory,
    ExpenseFactory,
    MoneyProjectFactory,
    ReceiptFactory,
)

pytestmark = pytest.mark.django_db


class LinkedRows:
    def listed(self, obj):
        # The first column links to the record's page.
        return self.url("detail", obj)


class TestReceiptViews(LinkedRows, ViewTests):
    urls = "grants:receipt"
    scoped_by_faculty = True
    edit_changes = {"payer": "Ministry of Higher Education"}

    @property
    def create_changes(self):
        return {
            "project": self.project.pk,
            "received_on": "2024-05-10",
            "amount": "24500.00",
            "currency": "EUR",
            "payer": "EACEA",
        }

    def make(self, faculty_a):
        self.project = MoneyProjectFactory(faculty=faculty_a)
        ExchangeRateFactory(currency="EUR", date=datetime.date(2024, 5, 10), rate=Decimal(13662))
        return ReceiptFactory(project=self.project)


class TestExpenseViews(LinkedRows, ViewTests):
    urls = "grants:expense"
    scoped_by_faculty = True
    edit_changes = {"description": "Visa fees"}

    @property
    def create_changes(self):
        return {
            "project": self.project.pk,
            "heading": self.heading.pk,
            "spent_on": "2024-05-10",
            "amount": "1200000",
            "currency": "UZS",
            "description": "Interpreting",
        }

    def make(self, faculty_a):
        self.project = MoneyProjectFactory(faculty=faculty_a)
        self.heading = BudgetHeadingFactory()
        return ExpenseFactory(project=self.project, heading=self.heading)


class TestExchangeRateViews(LinkedRows, ViewTests):
    urls = "grants:exchangerate"
    edit_changes = {"rate": "12700"}
    create_changes = {"currency": "GBP", "date": "2024-05-10", "rate": "16050.5", "nominal": "1"}

    def shown(self, obj):
        obj.refresh_from_db()  # the rate as stored, to its eight decimals
        return super().shown(obj)

    def make(self, faculty_a):
        count = ExchangeRateFactory._meta.model.objects.count()
        return ExchangeRateFactory(date=datetime.date(2023, 1, 2) + datetime.timedelta(days=count))
