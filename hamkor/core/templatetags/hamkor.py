"""Template helpers shared by every staff page."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def url_for(obj, action: str) -> str:
    """The URL name of ``action`` for ``obj``'s model: ``<app>:<model>_<action>``."""
    opts = obj._meta
    return f"{opts.app_label}:{opts.model_name}_{action}"


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with ``changes`` applied; a value of None removes a key."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = value
    return "?" + query.urlencode() if query else "?"


@register.filter
def import_count(result, action: str) -> int:
    return result.count(action)
