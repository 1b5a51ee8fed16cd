"""The Central Bank of Uzbekistan's daily rates: reading its JSON answer.

The answer is a JSON array of objects with, among others, ``Ccy`` (the ISO 4217 alpha
code), ``Nominal`` (how many units ``Rate`` is for, a string: "1", "10", "100"), ``Rate``
(UZS for ``Nominal`` units, a decimal string) and ``Date`` (``dd.mm.yyyy``, the day the rate
applies from). The whole answer is checked before anything is stored, so a malformed
answer stores nothing.
"""

from __future__ import annotations

import datetime
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils.translation import gettext as _

TIMEOUT_SECONDS = 30


class RatesFetchError(Exception):
    """The rates could not be read; the message says why, for the person running it."""


@dataclass(frozen=True)
class PublishedRate:
    currency: str
    nominal: int
    rate: Decimal  # UZS for `nominal` units, as published
    date: datetime.date

    @property
    def per_unit(self) -> Decimal:
        return self.rate / self.nominal


def rates_url(on_date: datetime.date | None) -> str:
    """The address of every currency's rate, today's or on ``on_date``."""
    base = settings.HAMKOR_CBU_RATES_URL.rstrip("/") + "/"
    return base if on_date is None else f"{base}all/{on_date:%Y-%m-%d}/"


def rates_download(url: str) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT_SECONDS) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        raise RatesFetchError(
            _("Could not read the Central Bank rates at %(url)s: %(error)s")
            % {"url": url, "error": f"HTTP {exc.code} {exc.reason}"}
        ) from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        raise RatesFetchError(
            _("Could not read the Central Bank rates at %(url)s: %(error)s")
            % {"url": url, "error": getattr(exc, "reason", exc)}
        ) from exc


def rates_parse(content: bytes) -> list[PublishedRate]:
    """Every rate of one answer; raise :class:`RatesFetchError` on anything unexpected."""
    try:
        items = json.loads(content)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RatesFetchError(_("The Central Bank answer is not valid JSON.")) from exc
    if not isinstance(items, list):
        raise RatesFetchError(_("The Central Bank answer is not a list of rates."))
    rates = []
    for number, item in enumerate(items, start=1):
        try:
            currency = str(item["Ccy"]).strip().upper()
            nominal = int(str(item["Nominal"]).strip())
            rate = Decimal(str(item["Rate"]).strip())
            date = datetime.datetime.strptime(str(item["Date"]).strip(), "%d.%m.%Y").date()
        except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
            raise RatesFetchError(
                _("Entry %(number)s of the Central Bank answer is malformed (%(error)s).")
                % {"number": number, "error": exc}
            ) from exc
        if len(currency) != 3 or not currency.isalpha() or nominal <= 0 or not rate > 0:
            raise RatesFetchError(
                _("Entry %(number)s of the Central Bank answer is malformed (%(error)s).")
                % {"number": number, "error": f"{currency} {nominal} {rate}"}
            )
        rates.append(PublishedRate(currency=currency, nominal=nominal, rate=rate, date=date))
    return rates
