"""Filters of the university's years and the strategy targets."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import home_units
from hamkor.accounts.models import OrgUnit
from hamkor.core.filters import SearchFilterSet
from hamkor.reports.models import Target, UniversityYear, target_choices


class UniversityYearFilterSet(SearchFilterSet):
    search_fields = ("notes",)

    class Meta:
        model = UniversityYear
        fields = ["q", "year"]


class TargetFilterSet(SearchFilterSet):
    search_fields = ("note",)

    key = django_filters.ChoiceFilter(label=_("Figure"), choices=target_choices)
    faculty = django_filters.ModelChoiceFilter(
        label=_("Faculty"),
        queryset=lambda request: home_units().filter(kind=OrgUnit.Kind.FACULTY),
    )

    class Meta:
        model = Target
        fields = ["q", "key", "year", "faculty"]
