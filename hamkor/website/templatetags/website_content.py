"""Template helpers of the site's content: sanitised rich text, news dates, the menu."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone

from hamkor.core.dates import format_long_date
from hamkor.website.content.richtext import as_html
from hamkor.website.content.selectors import page_menu

register = template.Library()


@register.filter
def rich_text(value: str):
    """A text's HTML, sanitised again when shown (what reached the database another way
    than the editing service is cleaned all the same)."""
    return as_html(value or "")


@register.filter(expects_localtime=False)
def news_date(value) -> str:
    """The day of a publication time in Tashkent, with the month in words."""
    if not isinstance(value, datetime.datetime):
        return ""
    return format_long_date(timezone.localtime(value).date())


@register.inclusion_tag("website/content_nav.html", takes_context=True)
def site_menu(context):
    """The public menu: the news and the top pages of the tree with their children."""
    request = context.get("request")
    return {"menu": page_menu(), "path": request.path if request else ""}


@register.filter
def days_left(opportunity) -> int | None:
    """The calendar days (Tashkent) until an opportunity's deadline; None once closed."""
    return opportunity.days_left()
