"""The grant figure of the department page: money received in a period, in dollars."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from hamkor.grants.figures import grant_figures
from hamkor.grants.models import Project
from hamkor.grants.tests.money_factories import (
    ExchangeRateFactory,
    MoneyProjectFactory,
    ReceiptFactory,
)

pytestmark = pytest.mark.django_db

START, END = datetime.date(2022, 1, 1), datetime.date(2024, 12, 31)


def test_money_received_in_the_period_at_each_receipts_rate_and_the_active_projects():
    a = MoneyProjectFactory()
    b = MoneyProjectFactory(starts_on=datetime.date(2023, 3, 1), ends_on=None)
    MoneyProjectFactory(starts_on=datetime.date(2019, 1, 1), ends_on=datetime.date(2021, 6, 30))
    MoneyProjectFactory(status=Project.Status.REJECTED)  # never funded
    day1, day2 = datetime.date(2022, 6, 14), datetime.date(2024, 6, 18)
    ExchangeRateFactory(currency="USD", date=day1, rate=Decimal("10950"))
    ExchangeRateFactory(currency="EUR", date=day1, rate=Decimal("11500"))
    ExchangeRateFactory(currency="USD", date=day2, rate=Decimal("12600"))
    ReceiptFactory(project=a, received_on=day1, currency="EUR", amount=Decimal(10950))
    ReceiptFactory(project=b, received_on=day2, currency="UZS", amount=Decimal(126_000_000))
    ReceiptFactory(project=b, received_on=datetime.date(2025, 1, 15), amount=Decimal(99999))
    figures = grant_figures(start=START, end=END)
    # 10 950 EUR at 11 500 / 10 950 = 11 500.00 USD; 126 000 000 som = 10 000.00 USD.
    assert figures["grant_money_usd"] == Decimal("21500.00")
    assert figures["grant_projects"] == 2
    assert figures["grant_money_missing_rates"] == []


def test_a_receipt_without_the_dollar_rate_of_its_day_is_named_not_guessed():
    day = datetime.date(2023, 2, 14)
    ReceiptFactory(received_on=day, currency="EUR", amount=Decimal(100))
    figures = grant_figures(start=START, end=END)
    assert figures["grant_money_usd"] == Decimal("0.00")
    assert figures["grant_money_missing_rates"] == [("USD", day)]


def test_a_period_ending_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        grant_figures(start=END, end=START)
