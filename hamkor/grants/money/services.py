"""Writes about a project's money: receipts and expenses.

Rules, checked by :func:`money_check` before anything is saved:

* the currency is an ISO 4217 code (``usd`` is read as ``USD``);
* the amount is greater than zero;
* the day is neither before the som existed (1 July 1994) nor in the future: a receipt is
  money that arrived, an expense money that left;
* the exchange rate of the record's own currency on its own day is stored, unless the
  currency is the som. A receipt in roubles needs the rouble's rate of its day: that rate
  fixes its value in som, and through the som in dollars or euros, so without it the
  receipt could not be totalled. The dollar and euro rates of the day are not required when
  the receipt is in another currency: a total in a currency whose rate of a day is missing
  names that rate (``project_money``) instead of guessing it;
* money moves only for a project that was funded (approved, running, final report, closed).

A refusal names the field, and for a missing rate the currency and the day, and saves
nothing.
"""

from __future__ import annotations

import datetime

import pycountry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hamkor.core.dates import format_long_date
from hamkor.core.services import object_delete, object_save
from hamkor.grants.models import ExchangeRate, Expense, Project, Receipt
from hamkor.grants.selectors import BASE_CURRENCY

# The som was introduced on 1 July 1994: no money of ours moved in it before.
FIRST_DAY = datetime.date(1994, 7, 1)


def currency_refusal(code: str) -> str | None:
    """Why ``code`` is not a currency a record may be in, or None."""
    if not code:
        return _("Give the currency of the amount.")
    if len(code) != 3 or not code.isalpha() or pycountry.currencies.get(alpha_3=code) is None:
        return _("“%(code)s” is not a currency code (ISO 4217), such as USD, EUR or UZS.") % {
            "code": code
        }
    return None


def money_check(record: Receipt | Expense, *, day_field: str) -> None:
    """Refuse ``record`` (a receipt or an expense) with every reason, by field."""
    errors: dict[str, str] = {}
    record.currency = (record.currency or "").strip().upper()
    refusal = currency_refusal(record.currency)
    if refusal:
        errors["currency"] = refusal
    if record.amount is not None and record.amount <= 0:
        errors["amount"] = _("An amount must be greater than zero.")
    day = getattr(record, day_field)
    today = timezone.localdate()
    if day is not None and day > today:
        errors[day_field] = _("The date cannot be in the future (today is %(today)s).") % {
            "today": format_long_date(today)
        }
    elif day is not None and day < FIRST_DAY:
        errors[day_field] = _(
            "The date cannot be before %(first)s, when the som was introduced."
        ) % {"first": format_long_date(FIRST_DAY)}
    if record.project_id:
        project = Project.objects.get(pk=record.project_id)
        if project.status not in Project.FUNDED:
            errors["project"] = _(
                "The project is “%(status)s”: money is recorded for approved projects only."
            ) % {"status": project.get_status_display()}
    if (
        day is not None
        and day_field not in errors
        and "currency" not in errors
        and record.currency != BASE_CURRENCY
        and not ExchangeRate.objects.filter(currency=record.currency, date=day).exists()
    ):
        errors["currency"] = _(
            "There is no %(currency)s exchange rate for %(date)s. Enter that rate (Exchange "
            "rates) or fetch the Central Bank's rates of that day, then save again."
        ) % {"currency": record.currency, "date": format_long_date(day)}
    if errors:
        raise ValidationError(errors)


def _save(record, *, actor, day_field: str, expected_version, verb: str):
    money_check(record, day_field=day_field)
    opts = type(record)._meta
    return object_save(
        instance=record,
        actor=actor,
        expected_version=expected_version,
        reason=f"{opts.app_label}.{opts.model_name}.{verb}",
    )


@transaction.atomic
def receipt_create(*, actor, receipt: Receipt | None = None, **fields) -> Receipt:
    """Record money received for a project: an unsaved ``receipt`` or its fields."""
    receipt = receipt or Receipt(**fields)
    if receipt.pk is not None:
        raise ValueError("receipt_create saves a new receipt")
    return _save(
        receipt, actor=actor, day_field="received_on", expected_version=None, verb="created"
    )


@transaction.atomic
def receipt_update(
    *, actor, receipt: Receipt, expected_version: int | None = None, **fields
) -> Receipt:
    """Change a receipt (its new values set on it, or given as ``fields``)."""
    for name, value in fields.items():
        setattr(receipt, name, value)
    return _save(
        receipt,
        actor=actor,
        day_field="received_on",
        expected_version=expected_version,
        verb="edited",
    )


@transaction.atomic
def receipt_delete(*, actor, receipt: Receipt) -> None:
    object_delete(instance=receipt, actor=actor, reason="grants.receipt.deleted")


@transaction.atomic
def expense_create(*, actor, expense: Expense | None = None, **fields) -> Expense:
    """Record money spent from a project under a budget heading."""
    expense = expense or Expense(**fields)
    if expense.pk is not None:
        raise ValueError("expense_create saves a new expense")
    return _save(expense, actor=actor, day_field="spent_on", expected_version=None, verb="created")


@transaction.atomic
def expense_update(
    *, actor, expense: Expense, expected_version: int | None = None, **fields
) -> Expense:
    for name, value in fields.items():
        setattr(expense, name, value)
    return _save(
        expense, actor=actor, day_field="spent_on", expected_version=expected_version, verb="edited"
    )


@transaction.atomic
def expense_delete(*, actor, expense: Expense) -> None:
    object_delete(instance=expense, actor=actor, reason="grants.expense.deleted")
