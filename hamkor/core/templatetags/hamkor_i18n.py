"""Filters for what depends on the reader's language: times, long dates, countries, reasons."""

from __future__ import annotations

import datetime

from django import template
from django.utils.html import json_script
from django.utils.translation import gettext

from hamkor import languages
from hamkor.core.countries import country_name as _country_name
from hamkor.core.dates import format_datetime, format_long_date, format_long_datetime
from hamkor.core.reasons import reason_label as _reason_label

register = template.Library()


@register.filter
def language_tag(code: str) -> str:
    """A language code as ``lang`` and ``hreflang`` attributes write it (``uz-Cyrl``)."""
    return languages.BCP47.get(code, code)


@register.filter(expects_localtime=False)
def local_datetime(value) -> str:
    """A stored time in the office's time zone and the language's short format; nothing for
    a missing time (as Django's ``date`` filter)."""
    if not isinstance(value, datetime.datetime):
        return ""
    return format_datetime(value)


@register.filter(expects_localtime=False)
def long_date(value) -> str:
    """A date with its month in words (``4 December 1975``), for letters and documents;
    nothing for a missing date (as Django's ``date`` filter)."""
    if not isinstance(value, datetime.date):
        return ""
    return format_long_date(value)


@register.filter(expects_localtime=False)
def long_datetime(value) -> str:
    """A stored time in the office's time zone, its date in words (``4 December 1975,
    09:05``): on pages whose dates are long ones, one style."""
    if not isinstance(value, datetime.datetime):
        return ""
    return format_long_datetime(value)


@register.filter
def country_name(value) -> str:
    """A country (code or django-countries ``Country``) by its CLDR name."""
    return _country_name(value)


@register.filter
def reason_label(value) -> str:
    """The readable label of a history change code."""
    return _reason_label(value)


@register.simple_tag
def client_texts() -> str:
    """The texts the page's scripts show, in the page's language, as a JSON script element
    (``#hamkor-texts``): scripts cannot call gettext, and the CSP forbids inline code."""
    texts = {
        "picker_placeholder": gettext("Type to search"),
        "picker_no_results": gettext("No results found"),
        "picker_loading": gettext("Searching…"),
    }
    return json_script(texts, "hamkor-texts")
