"""Filters for grant projects, shared by the list page and the API."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import home_units, in_faculty
from hamkor.core.filters import SearchFilterSet
from hamkor.core.forms import DateInput
from hamkor.grants.models import BudgetHeading, Programme, Project
from hamkor.partners.models import Institution


def _consortium_institutions(request):
    # Institutions of some consortium: the directory's thousands stay out of the list.
    return Institution.objects.filter(project_memberships__isnull=False).distinct().order_by("name")


def _home_units(request):
    return home_units()


class ProjectFilterSet(SearchFilterSet):
    search_fields = (
        "title",
        "acronym",
        "project_number",
        "institutions__name",
        "institutions__name_en",
        "institutions__acronym",
    )
    search_text_fields = ("search_text", "institutions__search_text")

    programme = django_filters.ModelChoiceFilter(
        label=_("Programme"), queryset=Programme.objects.all()
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Project.Status.choices)
    our_role = django_filters.ChoiceFilter(label=_("Our role"), choices=Project.Role.choices)
    funded = django_filters.BooleanFilter(label=_("Funded"), method="filter_funded")
    institution = django_filters.ModelChoiceFilter(
        label=_("Consortium member"),
        queryset=_consortium_institutions,
        field_name="institutions",
        method="filter_institution",
    )
    faculty = django_filters.ModelChoiceFilter(
        label=_("Faculty or unit"),
        queryset=_home_units,
        field_name="faculty",
        method="filter_faculty",
    )
    call_year = django_filters.NumberFilter(
        label=_("Call year"), field_name="call_year", min_value=2000, max_value=2100
    )
    active_on = django_filters.DateFilter(
        label=_("Running on"), method="filter_active_on", widget=DateInput
    )
    report_due_within = django_filters.NumberFilter(
        label=_("Report due within (days)"),
        method="filter_report_due_within",
        min_value=0,
        max_value=3650,
    )

    class Meta:
        model = Project
        fields = [
            "q",
            "programme",
            "status",
            "our_role",
            "funded",
            "institution",
            "faculty",
            "call_year",
            "active_on",
            "report_due_within",
        ]

    def filter_funded(self, queryset, name, value):
        if value is None:
            return queryset
        funded = Q(status__in=Project.FUNDED)
        return queryset.filter(funded if value else ~funded)

    def filter_institution(self, queryset, name, value):
        return queryset.filter(pk__in=Project.objects.filter(institutions=value))

    def filter_faculty(self, queryset, name, value):
        return queryset.filter(in_faculty("faculty", value.pk))

    def filter_report_due_within(self, queryset, name, value):
        """Projects owing a report (not submitted) due from today to ``value`` days ahead,
        as the reminders count them."""
        from hamkor.grants.reminders import deadlines_due

        due = deadlines_due(within_days=int(value)).values("project")
        return queryset.filter(pk__in=due)

    def filter_active_on(self, queryset, name, value: datetime.date):
        """Funded projects whose period covers the day."""
        return queryset.filter(
            Q(starts_on__isnull=True) | Q(starts_on__lte=value),
            Q(ends_on__isnull=True) | Q(ends_on__gte=value),
            status__in=Project.FUNDED,
        )


class ProgrammeFilterSet(SearchFilterSet):
    search_fields = ("code", "name_uz", "name_ru", "name_en", "funder")

    class Meta:
        model = Programme
        fields = ["q", "erasmus_action"]


class BudgetHeadingFilterSet(SearchFilterSet):
    search_fields = ("code", "name_uz", "name_ru", "name_en")

    class Meta:
        model = BudgetHeading
        fields = ["q"]
