"""Reads about a project's money: what it received and spent, in one currency.

Each amount is converted at the rate of ITS day (a receipt at the rate of the day it
arrived, an expense at the rate of the day it was paid), through the som, to the cent; the
cents are then added up. A rate that is not stored is never guessed from another day:
the amount stays out of the converted total, and the total lists the missing rates (currency
and day) and the amounts left out, so that nobody reads an incomplete sum as the whole.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from hamkor.grants.models import BudgetHeading, Expense, Project, Receipt
from hamkor.grants.selectors import ExchangeRateMissing, RateBook

# The currencies a project's totals are shown in.
TOTAL_CURRENCIES = ("USD", "EUR", "UZS")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class MissingRate:
    currency: str
    date: datetime.date


@dataclass
class Converted:
    """A sum in one currency of amounts converted each at its own day's rate."""

    currency: str
    total: Decimal = ZERO
    # Amounts that could not be converted, in their own currencies, with the rates missing.
    left_out: list[tuple[object, Decimal, str]] = field(default_factory=list)
    missing: set[MissingRate] = field(default_factory=set)

    @property
    def complete(self) -> bool:
        return not self.left_out

    def add(self, book: RateBook, record, amount, currency: str, day: datetime.date) -> None:
        try:
            self.total += book.convert(amount, currency, self.currency, day)
        except ExchangeRateMissing as exc:
            self.left_out.append((record, amount, currency))
            self.missing.add(MissingRate(exc.currency, exc.date))


@dataclass
class ProjectMoney:
    """What ``project_money`` answers: received, spent by heading, balance, in ``currency``."""

    project: Project
    currency: str
    received: Converted
    spent: Converted
    by_heading: list[tuple[BudgetHeading, Decimal]]
    receipts_count: int = 0
    expenses_count: int = 0

    @property
    def balance(self) -> Decimal:
        return self.received.total - self.spent.total

    @property
    def complete(self) -> bool:
        return self.received.complete and self.spent.complete

    @property
    def missing_rates(self) -> list[MissingRate]:
        """Every rate the totals lack, by day then currency."""
        return sorted(
            self.received.missing | self.spent.missing, key=lambda m: (m.date, m.currency)
        )


def project_money(project: Project, currency: str = "USD") -> ProjectMoney:
    """``project``'s receipts, expenses (by heading) and balance in ``currency``.

    Three queries whatever the number of records: the receipts, the expenses with their
    headings, and every rate of their days.
    """
    currency = currency.upper()
    receipts = list(Receipt.objects.filter(project=project).order_by("received_on", "pk"))
    expenses = list(
        Expense.objects.filter(project=project).select_related("heading").order_by("spent_on", "pk")
    )
    book = RateBook.for_days(
        {currency, *(r.currency for r in receipts), *(e.currency for e in expenses)},
        {*(r.received_on for r in receipts), *(e.spent_on for e in expenses)},
    )
    received = Converted(currency)
    for receipt in receipts:
        received.add(book, receipt, receipt.amount, receipt.currency, receipt.received_on)
    spent = Converted(currency)
    headings: dict[int, tuple[BudgetHeading, Converted]] = {}
    for expense in expenses:
        spent.add(book, expense, expense.amount, expense.currency, expense.spent_on)
        _heading, part = headings.setdefault(
            expense.heading_id, (expense.heading, Converted(currency))
        )
        part.add(book, expense, expense.amount, expense.currency, expense.spent_on)
    by_heading = sorted(
        ((heading, part.total) for heading, part in headings.values()),
        key=lambda pair: str(pair[0]),
    )
    return ProjectMoney(
        project=project,
        currency=currency,
        received=received,
        spent=spent,
        by_heading=by_heading,
        receipts_count=len(receipts),
        expenses_count=len(expenses),
    )


def receipts_converted(receipts, currency: str) -> Converted:
    """The sum of ``receipts`` (a queryset) in ``currency``, each at its day's rate."""
    return receipts_converted_by(receipts, currency, key=lambda receipt: None).get(
        None, Converted(currency.upper())
    )


def receipts_converted_by(receipts, currency: str, *, key) -> dict[object, Converted]:
    """The sums of ``receipts`` (a queryset) in ``currency``, each at its day's rate, by
    ``key(receipt)`` (a year, a project): two queries, whatever the number of groups."""
    rows = list(receipts.order_by("received_on", "pk"))
    book = RateBook.for_days({currency, *(r.currency for r in rows)}, {r.received_on for r in rows})
    totals: dict[object, Converted] = {}
    for receipt in rows:
        total = totals.setdefault(key(receipt), Converted(currency.upper()))
        total.add(book, receipt, receipt.amount, receipt.currency, receipt.received_on)
    return totals
