"""Filters for foreign students and their requests, shared by the list pages and the API."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from hamkor.accounts.faculties import home_units, in_faculty
from hamkor.accounts.models import User
from hamkor.core.countries import countries
from hamkor.core.filters import SearchFilterSet
from hamkor.mobility.deadlines import EXPIRY_WITHIN_DAYS
from hamkor.students.models import ForeignStudent, StudentRequest


def _home_units(request):
    return home_units()


def _handlers(request):
    return User.objects.filter(is_active=True, student_requests__isnull=False).distinct()


class ForeignStudentFilterSet(SearchFilterSet):
    search_fields = ("programme", "contract_number")
    search_text_fields = ("person__search_text",)

    citizenship = django_filters.ChoiceFilter(
        label=_("Citizenship"), choices=countries, field_name="person__citizenship"
    )
    # Labels given here: one derived from the model is fixed in the language of the first
    # page that shows it.
    level = django_filters.ChoiceFilter(label=_("Level"), choices=ForeignStudent.Level.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ForeignStudent.Status.choices)
    year_of_study = django_filters.NumberFilter(label=_("Year of study"))
    faculty = django_filters.ModelChoiceFilter(
        label=_("Faculty"), queryset=_home_units, method="filter_faculty"
    )
    papers_ending = django_filters.BooleanFilter(
        label=_("Visa or registration ends within 30 days"), method="filter_papers_ending"
    )

    class Meta:
        model = ForeignStudent
        fields = ["q", "citizenship", "level", "status", "year_of_study", "faculty"]

    def filter_faculty(self, queryset, name, value):
        return queryset.filter(in_faculty("faculty", value.pk))

    def filter_papers_ending(self, queryset, name, value):
        if value is None:
            return queryset
        horizon = timezone.localdate() + datetime.timedelta(days=EXPIRY_WITHIN_DAYS)
        ending = Q(visa_valid_to__lte=horizon) | Q(registration_valid_to__lte=horizon)
        return queryset.filter(ending) if value else queryset.exclude(ending)


class StudentRequestFilterSet(SearchFilterSet):
    search_fields = ("subject",)
    search_text_fields = ("student__person__search_text",)

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=StudentRequest.Kind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=StudentRequest.Status.choices)
    assignee = django_filters.ModelChoiceFilter(label=_("Assignee"), queryset=_handlers)
    # The request's faculty is its student's: the schema says it is a unit's id.
    faculty = extend_schema_field(OpenApiTypes.INT)(
        django_filters.ModelChoiceFilter(
            label=_("Faculty"), queryset=_home_units, method="filter_faculty"
        )
    )

    class Meta:
        model = StudentRequest
        fields = ["q", "kind", "status", "assignee", "faculty"]

    def filter_faculty(self, queryset, name, value):
        return queryset.filter(in_faculty("student__faculty", value.pk))
