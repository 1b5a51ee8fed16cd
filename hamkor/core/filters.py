"""The FilterSet base: a search box over declared fields, shared by list pages and the API."""

from __future__ import annotations

from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.db.models import Exists, Q
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from hamkor.core.forms import BootstrapMixin
from hamkor.core.search import near_miss_lookups, search_key
from hamkor.core.translit import normalise_apostrophes
from hamkor.core.widgets import AnyYesNoSelect, AutocompleteSelect, SearchInput

ALL = _("All")


class AllChoiceMixin:
    """Every select of a filter form starts with "All", the empty choice that filters nothing.

    Without it the browser sends the first real choice when the user presses "Filter"
    without touching the select, and the list silently shrinks. A filter declared with
    ``empty_label=None`` (the institutions list's "Show") keeps its own choices on purpose.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.NullBooleanSelect) or not isinstance(
                field, forms.ChoiceField
            ):
                continue
            if isinstance(field.widget, AutocompleteSelect):
                field.widget.empty_label = ALL
                field.widget.attrs["data-placeholder"] = ALL
                continue
            if hasattr(field, "empty_label"):  # model choices and django-filter's choices
                if field.empty_label is not None:
                    field.empty_label = ALL
                    field.widget.choices = field.choices
                continue
            choices = [choice for choice in field.choices if choice[0] not in ("", None)]
            field.choices = [("", ALL), *choices]


def any_of(model, lookups: list[tuple[str, str]]) -> Q:
    """One of ``lookups`` holds, those through a many-to-one relation asked in a subquery.

    ``person__last_name`` becomes ``person__in=<people whose last name ...>``, one subquery a
    relation: an ``OR`` across joined tables can use none of their indexes (the mobility
    search scanned every mobility joined to its person and institutions), a subquery on
    one table uses that table's trigram indexes. The rows found are the same.
    """
    conditions, through = [], {}
    for path, value in lookups:
        name, _, rest = path.partition("__")
        field = model._meta.get_field(name)
        if field.is_relation and field.concrete and (field.many_to_one or field.one_to_one):
            through.setdefault(name, []).append((rest, value))
        else:
            conditions.append(Q(**{path: value}))
    for name, inner in through.items():
        related = model._meta.get_field(name).related_model
        rows = related._base_manager.filter(reduce(or_, (Q(**{p: v}) for p, v in inner)))
        conditions.append(Q(**{f"{name}__in": rows.values("pk")}))
    return reduce(or_, conditions)


# What a number filter accepts when it declares no bounds: a year between 1 and 9999 (what
# Python's dates hold: a larger one was a server error), any other number within
# PostgreSQL's ``integer`` (a larger one its "out of range" error).
YEAR_BOUNDS = {"min_value": 1, "max_value": 9999}
NUMBER_BOUNDS = {"min_value": -(2**31) + 1, "max_value": 2**31 - 1}


def bound_number_filters(filters: dict) -> None:
    """Give each number filter without bounds of its own the bounds above."""
    for filter_ in filters.values():
        if not isinstance(filter_, django_filters.NumberFilter):
            continue
        is_year = filter_.lookup_expr == "year" or filter_.field_name.endswith("__year")
        for key, value in (YEAR_BOUNDS if is_year else NUMBER_BOUNDS).items():
            filter_.extra.setdefault(key, value)


# Words searched at most: each word adds a condition over every search field, and
# thousands of conditions make a slow query (SQLite refused one of 32 words).
MAX_SEARCH_WORDS = 10


class SearchFilterSet(django_filters.FilterSet):
    """Adds ``q``: every word must appear in one of ``search_fields``.

    Uzbek apostrophe variants (oʻ, o', o‘) are treated alike by searching each spelling.
    Only the first :data:`MAX_SEARCH_WORDS` words count (``search_truncated`` says so), and
    they make one filter, so that a relation is joined once whatever the number of words.
    ``search_text_fields`` name ``search_text`` columns (see :mod:`hamkor.core.search`),
    compared with the word's normalised form, so that the script does not matter either;
    on PostgreSQL a long enough word that no name holds also finds near misses there
    (``near_miss_lookups``).
    """

    search_fields: tuple[str, ...] = ()
    search_truncated = False
    max_search_words = MAX_SEARCH_WORDS
    search_text_fields: tuple[str, ...] = ()

    @classmethod
    def filter_for_field(cls, field, field_name, lookup_expr=None):
        filter_ = super().filter_for_field(field, field_name, lookup_expr)
        # django-filter works the label out from the first FilterSet that uses the filter,
        # but the API schema reads the class's filters first: their form fields are then
        # cached without a label, copied into every FilterSet, and "Country" shows in
        # English on every page. A lazy label, set now, is translated at each rendering.
        if filter_._label is None and lookup_expr in (None, "exact"):
            filter_.label = capfirst(field.verbose_name)
        return filter_

    @classmethod
    def filter_for_lookup(cls, field, lookup_type):
        filter_class, params = super().filter_for_lookup(field, lookup_type)
        if filter_class is django_filters.BooleanFilter:
            params = {**params, "widget": AnyYesNoSelect}
        return filter_class, params

    q = django_filters.CharFilter(method="search", label=_("Search"), widget=SearchInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_number_filters(self.filters)

    def get_form_class(self):
        return type("FilterForm", (AllChoiceMixin, BootstrapMixin, super().get_form_class()), {})

    def search(self, queryset, name, value):
        words = value.split()
        if not words or not (self.search_fields or self.search_text_fields):
            return queryset
        self.search_truncated = len(words) > MAX_SEARCH_WORDS
        model = queryset.model
        condition = Q()
        for word in words[:MAX_SEARCH_WORDS]:
            spellings = {word, normalise_apostrophes(word)}
            spellings |= {s.replace("\u02bb", "'") for s in spellings}
            key = search_key(word)
            lookups = [
                *(
                    (f"{field}__icontains", spelling)
                    for field in self.search_fields
                    for spelling in sorted(spellings)
                ),
                *((f"{field}__contains", key) for field in self.search_text_fields),
            ]
            found = any_of(model, lookups)
            near_misses = near_miss_lookups(self.search_text_fields, key)
            if near_misses:
                found |= any_of(model, near_misses) & ~self._named(model, key)
            condition &= found
        alternative = self.search_alternative(model, value)
        queryset = queryset.filter(condition if alternative is None else condition | alternative)
        return queryset.distinct() if self._search_joins_many(model) else queryset

    def _named(self, model, key: str) -> Q:
        """Some name holds the word ``key``: then its near misses are not looked for.

        "Tashknet" is in no name and finds Tashkent; "Üniversitesi" is in the Turkish names
        and does not find every "University" besides. Asked of each table holding one of
        ``search_text_fields`` (all its rows: a name is not a secret), in uncorrelated
        ``EXISTS`` that PostgreSQL evaluates once, on the trigram index.
        """
        conditions = []
        for path in self.search_text_fields:
            *relations, column = path.split("__")
            table = model
            for name in relations:
                table = table._meta.get_field(name).related_model
            rows = table._base_manager.filter(**{f"{column}__contains": key})
            conditions.append(Q(Exists(rows)))
        return reduce(or_, conditions)

    def search_alternative(self, model, value: str) -> Q | None:
        """Another condition under which a row matches the whole search ``value`` (a passport
        number), or None; it joins the words' conditions in the same query."""
        return None

    def _search_joins_many(self, model) -> bool:
        """Whether a search field goes through a to-many relation (which repeats rows)."""
        for path in (*self.search_fields, *self.search_text_fields):
            current = model
            for part in path.split("__"):
                field = current._meta.get_field(part)
                if not field.is_relation:
                    break
                if field.one_to_many or field.many_to_many:
                    return True
                current = field.related_model
        return False
