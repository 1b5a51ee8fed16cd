"""Reads of the grants app: the rate of a day and conversions through the som."""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from hamkor.grants.models import ExchangeRate

BASE_CURRENCY = "UZS"
CENT = Decimal("0.01")


class ExchangeRateMissing(LookupError):
    """No rate for a currency on a date; the message names both."""

    def __init__(self, currency: str, on_date: datetime.date):
        self.currency = currency
        self.date = on_date
        super().__init__(
            _("No %(currency)s rate for %(date)s")
            % {"currency": currency, "date": on_date.isoformat()}
        )


def exchange_rate_on(*, currency: str, on_date: datetime.date) -> Decimal:
    """UZS for one unit of ``currency`` on ``on_date``.

    Only that day's rate counts: a missing rate is an error, never another day's rate,
    because a receipt's value is fixed by the rate of the day it was paid.
    """
    currency = currency.upper()
    if currency == BASE_CURRENCY:
        return Decimal(1)
    rate = (
        ExchangeRate.objects.filter(currency=currency, date=on_date)
        .values_list("rate", flat=True)
        .first()
    )
    if rate is None:
        raise ExchangeRateMissing(currency, on_date)
    return rate


def convert(
    amount: Decimal, from_currency: str, to_currency: str, on_date: datetime.date
) -> Decimal:
    """``amount`` of ``from_currency`` in ``to_currency`` at the rates of ``on_date``,
    through the som, to the cent (half up)."""
    return RateBook().convert(amount, from_currency, to_currency, on_date)


class RateBook:
    """The rates of many days, read in one query, for converting many amounts.

    ``RateBook.for_days(currencies, days)`` loads every rate of those currencies on those
    days; :meth:`convert` then converts like :func:`convert` without a query, and raises
    :class:`ExchangeRateMissing` for a rate that is not stored (never another day's). A book
    made without ``for_days`` reads each rate when asked.
    """

    def __init__(self, rates: dict[tuple[str, datetime.date], Decimal] | None = None):
        self.rates = rates

    @classmethod
    def for_days(cls, currencies, days) -> RateBook:
        currencies = {c.upper() for c in currencies} - {BASE_CURRENCY}
        days = set(days)
        rates = {}
        if currencies and days:
            rows = ExchangeRate.objects.filter(currency__in=currencies, date__in=days)
            rates = {(c, d): r for c, d, r in rows.values_list("currency", "date", "rate")}
        return cls(rates)

    def rate(self, currency: str, on_date: datetime.date) -> Decimal:
        currency = currency.upper()
        if currency == BASE_CURRENCY:
            return Decimal(1)
        if self.rates is None:
            return exchange_rate_on(currency=currency, on_date=on_date)
        rate = self.rates.get((currency, on_date))
        if rate is None:
            raise ExchangeRateMissing(currency, on_date)
        return rate

    def convert(
        self, amount: Decimal, from_currency: str, to_currency: str, on_date: datetime.date
    ) -> Decimal:
        amount = Decimal(amount)
        if from_currency.upper() == to_currency.upper():
            return amount.quantize(CENT, rounding=ROUND_HALF_UP)
        in_som = amount * self.rate(from_currency, on_date)
        result = in_som / self.rate(to_currency, on_date)
        return result.quantize(CENT, rounding=ROUND_HALF_UP)
