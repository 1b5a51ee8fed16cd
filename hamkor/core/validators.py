"""Bounds of what a person may type, in one place: dates of documents, amounts, long texts.

Model fields name these validators, so forms, imports and the API refuse the same values;
``BootstrapMixin`` applies the bounds every field of a staff form shares (text length, years).
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A passport is issued for at most ten years, and one that ran out long ago names nobody's
# current travel document: beyond these bounds the date is a typing mistake.
PASSPORT_YEARS = 15
# Nobody travels or is hosted younger or older than this.
OLDEST_YEARS = 120
# Dates of the office's work (visits, agreements, letters).
FIRST_YEAR, LAST_YEAR = 1900, 2100
# A note, a reason or a summary: several pages of text, not a whole book pasted by mistake.
TEXT_MAX_LENGTH = 10_000


def _years_from(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def validate_date_of_birth(value: datetime.date) -> None:
    today = timezone.localdate()
    if value > today:
        raise ValidationError(_("A date of birth cannot be in the future."), code="future")
    if value < _years_from(today, -OLDEST_YEARS):
        raise ValidationError(
            _("A date of birth more than %(years)d years ago is not plausible."),
            code="too_old",
            params={"years": OLDEST_YEARS},
        )


def validate_passport_expiry(value: datetime.date) -> None:
    today = timezone.localdate()
    if not _years_from(today, -PASSPORT_YEARS) <= value <= _years_from(today, PASSPORT_YEARS):
        raise ValidationError(
            _("A passport expiry date must be within %(years)d years of today."),
            code="passport_expiry",
            params={"years": PASSPORT_YEARS},
        )


def validate_not_negative(value) -> None:
    if value is not None and value < 0:
        raise ValidationError(_("An amount cannot be negative."), code="negative")


def validate_office_date(value: datetime.date) -> None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            _("Enter a date between %(first)d and %(last)d."),
            code="date_range",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )


def is_number(text: str) -> bool:
    """Whether ``text`` from an address or a form is a whole number a database id, a year or
    a version can be: ASCII digits only, at most 18 of them. (``str.isdigit`` is true for
    "²" and "٣", which ``int`` refuses, and 5,000 digits make ``int`` refuse too.)"""
    return 0 < len(text) <= 18 and text.isascii() and text.isdigit()
