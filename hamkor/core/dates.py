"""Dates and times as people read them: in the office's time zone and the reader's language.

Times are stored in UTC. Everything shown goes through :func:`format_datetime` (local time,
the language's short format, no seconds' fractions) or, on official documents that a
consulate reads, :func:`format_long_date`: the month written out, so that ``04/12/1975``
cannot be read as April or December.
"""

from __future__ import annotations

import datetime

from babel.dates import format_date as babel_format_date
from django.utils import formats, timezone, translation

from hamkor.core.countries import locale_of

__all__ = ["format_datetime", "format_long_date", "format_long_datetime"]


def format_long_date(value: datetime.date | None, language: str | None = None) -> str:
    """``value`` with its month in words: ``4 December 1975``, ``4 dekabr 1975``,
    ``4 декабря 1975`` (the genitive), ``4 декабр 1975``; the active language by default.
    A datetime is taken in local time first."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return babel_format_date(value, "d MMMM y", locale=locale_of(language))


def format_long_datetime(value: datetime.datetime | None, language: str | None = None) -> str:
    """``value`` in the office's time zone as its long date and the time on the 24-hour
    clock: ``4 December 1975, 09:05``, ``4 dekabr 1975, 09:05``, ``4 декабря 1975, 09:05``.
    For pages whose other dates are long ones (the reports), so that a page keeps one style.
    """
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return f"{format_long_date(value.date(), language)}, {value:%H:%M}"


def format_datetime(value: datetime.datetime | None, language: str | None = None) -> str:
    """``value`` in the office's time zone, in the language's short date-and-time format."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    value = value.replace(second=0, microsecond=0)
    if language is None:
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    with translation.override(language):
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
