"""The demo's grant money: rates of every receipt day, receipts in three currencies for each
funded project, 2022-2024 adding up to the department page's $200,000; nothing added again."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest

from hamkor.core.management.commands.demo_data import STEPS
from hamkor.demo import grant_money
from hamkor.grants.figures import grant_figures
from hamkor.grants.models import ExchangeRate, Expense, Project, Receipt
from hamkor.grants.money.selectors import project_money
from hamkor.grants.tests.money_factories import MoneyProjectFactory

pytestmark = pytest.mark.django_db


def test_the_step_runs_after_the_grants_step():
    assert STEPS.index("hamkor.demo.grant_money.load") > STEPS.index("hamkor.demo.grants.load")


def test_the_demo_money_reaches_the_department_pages_figure_once():
    projects = [
        MoneyProjectFactory(status=Project.Status.RUNNING),
        MoneyProjectFactory(status=Project.Status.CLOSED, ends_on=datetime.date(2023, 8, 31)),
        MoneyProjectFactory(status=Project.Status.APPROVED, starts_on=datetime.date(2024, 3, 1)),
        MoneyProjectFactory(
            status=Project.Status.FINAL_REPORT,
            starts_on=datetime.date(2020, 9, 1),
            ends_on=datetime.date(2021, 12, 31),
        ),
    ]
    unfunded = MoneyProjectFactory(status=Project.Status.SUBMITTED)
    out = io.StringIO()
    grant_money.load(out)
    figures = grant_figures(start=datetime.date(2022, 1, 1), end=datetime.date(2024, 12, 31))
    assert figures["grant_money_usd"] >= Decimal(200_000)
    assert figures["grant_money_usd"] < Decimal(250_000)
    assert figures["grant_money_missing_rates"] == []
    assert figures["grant_projects"] == 3
    assert set(Receipt.objects.values_list("currency", flat=True)) == {"USD", "EUR", "UZS"}
    assert not unfunded.receipts.exists()
    for project in projects:
        assert project.receipts.exists()
        money = project_money(project, "EUR")
        assert money.complete
        assert Decimal(0) < money.spent.total < money.received.total
    # Every receipt day has its dollar, euro and rouble rate.
    for day in Receipt.objects.values_list("received_on", flat=True):
        assert (
            ExchangeRate.objects.filter(date=day, currency__in=["USD", "EUR", "RUB"]).count() == 3
        )
    counts = (Receipt.objects.count(), Expense.objects.count(), ExchangeRate.history.count())
    again = io.StringIO()
    grant_money.load(again)
    assert "0 exchange rates, 0 receipts and 0 expenses created" in again.getvalue()
    assert (
        Receipt.objects.count(),
        Expense.objects.count(),
        ExchangeRate.history.count(),
    ) == counts


def test_without_funded_projects_the_step_adds_rates_only():
    MoneyProjectFactory(status=Project.Status.IDEA)
    grant_money.load(io.StringIO())
    assert not Receipt.objects.exists()
    assert ExchangeRate.objects.filter(currency="USD").count() == len(grant_money.RATES)
