"""Template helpers shared by every staff page."""

from __future__ import annotations

from django import template

from hamkor.core.tables import body_rows as table_body_rows

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


EMPTY = "—"


@register.filter
def shown(obj, name: str):
    """Field ``name`` of ``obj`` as a page shows it: the choice's label, or an em dash when
    the field is empty (never a "None", nor the label a form gives the empty choice)."""
    value = getattr(obj, name, None)
    if value in (None, ""):
        return EMPTY
    display = getattr(obj, f"get_{name}_display", None)
    return display() if display else value


@register.filter
def or_dash(value):
    """``value``, or an em dash when it is empty (None, "" or an empty list)."""
    return EMPTY if value in (None, "", [], ()) else value


@register.filter
def body_rows(table):
    """A table's rows, rendered once a column (see ``hamkor.core.tables.body_rows``)."""
    return table_body_rows(table)
