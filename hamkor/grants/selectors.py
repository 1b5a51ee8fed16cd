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
    amount = Decimal(amount)
    if from_currency.upper() == to_currency.upper():
        return amount.quantize(CENT, rounding=ROUND_HALF_UP)
    in_som = amount * exchange_rate_on(currency=from_currency, on_date=on_date)
    result = in_som / exchange_rate_on(currency=to_currency, on_date=on_date)
    return result.quantize(CENT, rounding=ROUND_HALF_UP)
