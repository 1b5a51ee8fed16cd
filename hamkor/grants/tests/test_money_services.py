"""Receipts and expenses: the services' rules, and totals in one currency by the day."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hamkor.grants.models import Expense, Project, Receipt
from hamkor.grants.money.selectors import MissingRate, project_money
from hamkor.grants.money.services import (
    expense_create,
    receipt_create,
    receipt_delete,
    receipt_update,
)
from hamkor.grants.tests.money_factories import (
    BudgetHeadingFactory,
    ExchangeRateFactory,
    MoneyProjectFactory,
    ReceiptFactory,
)

pytestmark = pytest.mark.django_db

MAY_10 = datetime.date(2024, 5, 10)
JUNE_14 = datetime.date(2024, 6, 14)


def rates(day, **values):
    for currency, rate in values.items():
        ExchangeRateFactory(currency=currency, date=day, rate=Decimal(rate))


def refusal(call, **kwargs) -> dict:
    with pytest.raises(ValidationError) as caught:
        call(**kwargs)
    return caught.value.message_dict


def receipt_fields(project, **overrides):
    return {
        "project": project,
        "received_on": MAY_10,
        "amount": Decimal("1000"),
        "currency": "USD",
        "payer": "EACEA",
        **overrides,
    }


def test_a_receipt_with_its_days_rate_is_saved_with_its_history(officer):
    rates(MAY_10, USD="12650")
    receipt = receipt_create(actor=officer, **receipt_fields(MoneyProjectFactory(), currency="usd"))
    assert receipt.currency == "USD"
    history = receipt.history.get()
    assert (history.history_user, history.history_change_reason) == (
        officer,
        "grants.receipt.created",
    )


def test_a_receipt_in_som_needs_no_rate(officer):
    receipt = receipt_create(
        actor=officer,
        **receipt_fields(MoneyProjectFactory(), currency="UZS", amount=Decimal(5_000_000)),
    )
    assert Receipt.objects.get() == receipt


def test_a_receipt_without_its_days_rate_names_the_currency_and_day_and_saves_nothing(officer):
    rates(JUNE_14, RUB="140")  # another day's rate is not used
    errors = refusal(
        receipt_create, actor=officer, **receipt_fields(MoneyProjectFactory(), currency="RUB")
    )
    assert "There is no RUB exchange rate for 10 May 2024" in errors["currency"][0]
    assert not Receipt.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"currency": "XYZ"}, "currency", "“XYZ” is not a currency code (ISO 4217)"),
        ({"currency": "dollars"}, "currency", "is not a currency code"),
        ({"currency": ""}, "currency", "Give the currency of the amount."),
        ({"amount": Decimal("-5")}, "amount", "greater than zero"),
        ({"amount": Decimal("0")}, "amount", "greater than zero"),
        ({"received_on": datetime.date(1990, 1, 1)}, "received_on", "when the som was introduced"),
        ({"received_on": datetime.date(2999, 1, 1)}, "received_on", "cannot be in the future"),
    ],
)
def test_bad_receipts_are_refused_at_their_field(officer, overrides, field, message):
    rates(MAY_10, USD="12650")
    errors = refusal(
        receipt_create, actor=officer, **receipt_fields(MoneyProjectFactory(), **overrides)
    )
    assert message in " ".join(errors[field])
    assert not Receipt.objects.exists()


def test_money_is_recorded_for_funded_projects_only(officer):
    rates(MAY_10, USD="12650")
    project = MoneyProjectFactory(status=Project.Status.SUBMITTED)
    errors = refusal(receipt_create, actor=officer, **receipt_fields(project))
    assert "approved projects only" in errors["project"][0]


def test_moving_a_receipt_to_a_day_without_a_rate_is_refused_and_nothing_changes(officer):
    receipt = ReceiptFactory()
    errors = refusal(receipt_update, actor=officer, receipt=receipt, received_on=JUNE_14)
    assert "There is no USD exchange rate for 14 June 2024" in errors["currency"][0]
    receipt.refresh_from_db()
    assert receipt.received_on == MAY_10


def test_a_receipt_is_deleted_with_a_trace_in_its_history(officer):
    receipt = ReceiptFactory()
    receipt_delete(actor=officer, receipt=receipt)
    assert not Receipt.objects.exists()
    assert Receipt.history.filter(history_type="-").get().history_user == officer


def test_an_expense_follows_the_same_rules(officer):
    project = MoneyProjectFactory()
    heading = BudgetHeadingFactory()
    fields = {
        "project": project,
        "heading": heading,
        "spent_on": MAY_10,
        "amount": Decimal("-1"),
        "currency": "EUR",
        "description": "Flights",
    }
    errors = refusal(expense_create, actor=officer, **fields)
    assert set(errors) == {"amount", "currency"}
    rates(MAY_10, EUR="13662")
    expense_create(actor=officer, **{**fields, "amount": Decimal("300")})
    assert Expense.objects.get().amount == Decimal("300")


def test_totals_across_three_currencies_name_the_missing_rate_and_keep_the_receipt(officer):
    project = MoneyProjectFactory()
    rates(MAY_10, USD="12650", EUR="13662")
    rates(JUNE_14, RUB="140")  # no USD rate on 14 June
    receipt_create(actor=officer, **receipt_fields(project, currency="USD", amount=Decimal(1000)))
    receipt_create(actor=officer, **receipt_fields(project, currency="EUR", amount=Decimal(1000)))
    receipt_create(
        actor=officer,
        **receipt_fields(project, currency="RUB", amount=Decimal(50000), received_on=JUNE_14),
    )
    money = project_money(project, "USD")
    # 1000 USD + 1000 EUR at 13 662 / 12 650 = 1080.00 USD; the roubles cannot be converted.
    assert money.received.total == Decimal("2080.00")
    assert not money.complete
    assert money.missing_rates == [MissingRate("USD", JUNE_14)]
    assert [(amount, currency) for _r, amount, currency in money.received.left_out] == [
        (Decimal("50000.00"), "RUB")
    ]
    # In som every receipt converts: each at its own day's rate.
    in_som = project_money(project, "UZS")
    assert in_som.complete
    assert in_som.received.total == Decimal(12_650_000 + 13_662_000 + 7_000_000)


def test_each_receipt_is_converted_at_the_rate_of_its_own_day(officer):
    project = MoneyProjectFactory()
    rates(MAY_10, USD="12650", EUR="13662")
    rates(JUNE_14, USD="12600", EUR="13500")
    receipt_create(actor=officer, **receipt_fields(project, currency="EUR", amount=Decimal(1000)))
    receipt_create(
        actor=officer,
        **receipt_fields(project, currency="EUR", amount=Decimal(1000), received_on=JUNE_14),
    )
    # 1080.00 on 10 May, 13 500 000 / 12 600 = 1071.43 on 14 June.
    assert project_money(project, "USD").received.total == Decimal("2151.43")


def test_spent_by_heading_and_the_balance(officer):
    project = MoneyProjectFactory()
    rates(MAY_10, USD="12650", EUR="13662")
    receipt_create(actor=officer, **receipt_fields(project, amount=Decimal(5000)))
    travel = BudgetHeadingFactory(code="travel", name_en="Travel")
    equipment = BudgetHeadingFactory(code="equipment", name_en="Equipment")
    for heading, amount, currency in [
        (travel, "1000", "EUR"),
        (travel, "1265000", "UZS"),
        (equipment, "700", "USD"),
    ]:
        expense_create(
            actor=officer,
            project=project,
            heading=heading,
            spent_on=MAY_10,
            amount=Decimal(amount),
            currency=currency,
            description="x",
        )
    money = project_money(project, "USD")
    assert [(str(h), total) for h, total in money.by_heading] == [
        ("Equipment", Decimal("700.00")),
        ("Travel", Decimal("1180.00")),
    ]
    assert money.spent.total == Decimal("1880.00")
    assert money.balance == Decimal("3120.00")


def test_totals_take_three_queries_whatever_the_number_of_receipts(
    officer, django_assert_num_queries
):
    project = MoneyProjectFactory()
    rates(MAY_10, USD="12650", EUR="13662")
    for _ in range(5):
        receipt_create(actor=officer, **receipt_fields(project, currency="EUR"))
    with django_assert_num_queries(3):
        project_money(project, "USD")


def test_today_is_a_valid_day_for_money(officer):
    today = timezone.localdate()
    receipt_create(
        actor=officer,
        **receipt_fields(MoneyProjectFactory(), currency="UZS", received_on=today),
    )
    assert Receipt.objects.count() == 1
