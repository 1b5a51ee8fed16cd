"""The FilterSet base: a search box over declared fields, shared by list pages and the API."""

from __future__ import annotations

from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

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


class SearchFilterSet(django_filters.FilterSet):
    """Adds ``q``: every word must appear in one of ``search_fields``.

    Uzbek apostrophe variants (oʻ, o', o‘) are treated alike by searching each spelling.
    """

    search_fields: tuple[str, ...] = ()

    @classmethod
    def filter_for_lookup(cls, field, lookup_type):
        filter_class, params = super().filter_for_lookup(field, lookup_type)
        if filter_class is django_filters.BooleanFilter:
            params = {**params, "widget": AnyYesNoSelect}
        return filter_class, params

    q = django_filters.CharFilter(method="search", label=_("Search"), widget=SearchInput)

    def get_form_class(self):
        from hamkor.core.forms import BootstrapMixin

        return type("FilterForm", (AllChoiceMixin, BootstrapMixin, super().get_form_class()), {})

    def search(self, queryset, name, value):
        for word in value.split():
            spellings = {word, normalise_apostrophes(word)}
            spellings |= {s.replace("\u02bb", "'") for s in spellings}
            queryset = queryset.filter(
                reduce(
                    or_,
                    (
                        Q(**{f"{field}__icontains": spelling})
                        for field in self.search_fields
                        for spelling in spellings
                    ),
                )
            )
        return queryset.distinct() if any("__" in f for f in self.search_fields) else queryset
