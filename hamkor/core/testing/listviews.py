"""Every staff list page, and what its filters and sorts read: for the index tests.

``list_views()`` walks the URL configuration for the generic list views
(:class:`~hamkor.core.views.generic.lists.ObjectListView`); ``filter_fields`` and
``sort_fields`` name, for one of them, the column of the list's own model each filter and
each sortable column reads first (the first hop of its path: ``person__last_name`` reads
``person``, a foreign key). ``index_cover`` says whether an index can serve that column.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import URLPattern, URLResolver, get_resolver

from hamkor.core.views.generic.lists import ObjectListView


@dataclass(frozen=True)
class ListView:
    """One staff list page: its address, view class and model."""

    path: str
    view_class: type[ObjectListView]

    @property
    def model(self) -> type[models.Model]:
        return self.view_class.queryset.model

    @property
    def label(self) -> str:
        return self.model._meta.label


def _walk(patterns, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def list_views() -> list[ListView]:
    """Every generic list page of the site, in the URL configuration's order."""
    found = []
    for path, pattern in _walk(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "view_class", None)
        if view_class is not None and issubclass(view_class, ObjectListView):
            found.append(ListView(path=path, view_class=view_class))
    return found


def first_hop(path: str) -> str:
    """``person__last_name`` → ``person``; ``-planned_start`` → ``planned_start``."""
    return str(path).lstrip("-").replace(".", "__").split("__")[0]


def filter_fields(view: ListView) -> dict[str, str]:
    """Filter name → the first hop of the field it filters on (the search box left out).

    A filter with a ``method`` reads what its method reads: its ``field_name`` is then the
    filter's own name unless declared; the index test maps those it cannot resolve.
    """
    return {
        name: first_hop(filter_.field_name)
        for name, filter_ in view.view_class.filterset_class.base_filters.items()
        if name != "q"
    }


def sort_fields(view: ListView) -> dict[str, str]:
    """Sortable column → the first hop of the first field it sorts by."""
    table = view.view_class.table_class
    found = {}
    for name, column in table.base_columns.items():
        orderable = column.orderable if column.orderable is not None else table._meta.orderable
        if not orderable:
            continue
        order_by = column.order_by or (column.accessor or name,)
        found[name] = first_hop(order_by[0])
    return found


def index_cover(model: type[models.Model], name: str) -> str | None:
    """How an index serves a condition or a sort on ``model.name``, or None.

    A primary key, a unique or ``db_index`` column, a foreign key (Django indexes them), the
    leading column of ``Meta.indexes`` or of a unique constraint; a reverse or many-to-many
    relation is read through the other table's foreign key, which is indexed.
    """
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if field.auto_created and not field.concrete:
        return "reverse relation (the other table's foreign key)"
    if field.many_to_many:
        return "many-to-many (the link table's foreign keys)"
    if field.primary_key:
        return "primary key"
    if field.unique:
        return "unique"
    if field.is_relation and field.db_index:
        return "foreign key"
    if field.db_index:
        return "db_index"
    for index in model._meta.indexes:
        if index.fields and first_hop(index.fields[0]) == field.name:
            return f"index {index.name}"
    for constraint in model._meta.constraints:
        fields = getattr(constraint, "fields", ())
        if fields and fields[0] == field.name:
            return f"constraint {constraint.name}"
    for fields in model._meta.unique_together:
        if fields[0] == field.name:
            return "unique together"
    return None


def default_order(view: ListView) -> str:
    """The first hop of the field the list is sorted by when no column is chosen."""
    ordering = view.view_class.queryset.query.order_by or view.model._meta.ordering
    return first_hop(ordering[0]) if ordering else "pk"
