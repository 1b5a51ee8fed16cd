"""Search-as-you-type pickers over large tables (institutions, people, agreements).

A select over such a table would send every row (the world directory alone has 15,000
institutions, a megabyte of options): the picker sends only the chosen row and asks the
endpoint (``core:autocomplete``) for matches as the user types. Each app registers the
sources of its models in its ``AppConfig.ready()``, so that ``core`` imports no domain app.

A form field chosen through a picker takes its rows from the same source
(:func:`picker_field`): every choice the picker offers is one the form accepts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Model, Q, QuerySet
from django.http import QueryDict

from hamkor.core.translit import normalise_apostrophes

# Matches returned for one query: a picker is for finding a row, not browsing a table.
LIMIT = 20
# Words of a query that are searched; the rest are ignored (each adds a condition).
MAX_WORDS = 6


@dataclass(frozen=True)
class Source:
    """The rows a picker offers a user, narrowed by the query string's ``params``."""

    rows: Callable[[object, QueryDict], QuerySet]
    search_fields: tuple[str, ...]
    label: Callable[[Model], str] = str


SOURCES: dict[str, Source] = {}


def register(name: str, source: Source) -> None:
    SOURCES[name] = source


def label_for(name: str, obj: Model) -> str:
    source = SOURCES.get(name)
    return source.label(obj) if source else str(obj)


def source_rows(name: str, user, params: QueryDict | None = None) -> QuerySet:
    """The rows picker ``name`` offers ``user``, before the typed words narrow them."""
    return SOURCES[name].rows(user, params if params is not None else QueryDict())


def picker_field(field, name: str, user, *, keep=(), depends: dict | None = None) -> None:
    """Let ``field`` accept exactly the rows picker ``name`` offers ``user``, chosen through
    that picker; ``keep`` are the record's current choices, which an edit keeps even when the
    picker no longer offers them. ``depends`` (see ``AutocompleteSelect``) narrows what the
    picker shows among those rows, from other fields of the form."""
    from hamkor.core.widgets import AutocompleteSelect

    rows = source_rows(name, user)
    kept = [pk for pk in keep if pk]
    if kept:
        rows = rows.model.objects.filter(Q(pk__in=rows.values("pk")) | Q(pk__in=kept)).order_by(
            *rows.query.order_by
        )
    field.widget = AutocompleteSelect(name, attrs=dict(field.widget.attrs), depends=depends)
    field.widget.is_required = field.required
    field.queryset = rows  # hands the widget its choices


def autocomplete_results(*, user, name: str, query: str, params: QueryDict) -> list[dict]:
    """The first matches of ``query`` among the rows of source ``name`` the user may see."""
    source = SOURCES[name]
    rows = source.rows(user, params)
    for word in query.split()[:MAX_WORDS]:
        spellings = {word, normalise_apostrophes(word)}
        spellings |= {spelling.replace("\u02bb", "'") for spelling in spellings}
        rows = rows.filter(
            reduce(
                or_,
                (
                    Q(**{f"{field}__icontains": spelling})
                    for field in source.search_fields
                    for spelling in spellings
                ),
            )
        )
    if any("__" in field for field in source.search_fields):
        rows = rows.distinct()
    return [{"value": str(obj.pk), "text": source.label(obj)} for obj in rows[:LIMIT]]
