"""Filters for agreements, shared by the list pages and the API."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import home_units
from hamkor.agreements.models import Agreement, CooperationArea
from hamkor.core.countries import countries
from hamkor.core.filters import SearchFilterSet
from hamkor.core.forms import DateInput
from hamkor.core.widgets import AnyYesNoSelect
from hamkor.partners.models import Institution

# Statuses in which an agreement has been (or is) in force.
SIGNED_STATUSES = (
    Agreement.Status.ACTIVE,
    Agreement.Status.EXPIRED,
    Agreement.Status.TERMINATED,
)


def _partner_institutions(request):
    # Institutions party to some agreement: the directory's thousands stay out of the list.
    return Institution.objects.filter(agreement_parties__isnull=False).distinct().order_by("name")


def _home_units(request):
    return home_units()


class AgreementFilterSet(SearchFilterSet):
    search_fields = (
        "reference",
        "title",
        "institutions__name",
        "institutions__name_en",
        "institutions__name_uz",
        "institutions__name_ru",
        "institutions__acronym",
    )
    search_text_fields = ("search_text", "institutions__search_text")

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Agreement.Kind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Agreement.Status.choices)
    # ``field_name`` names the related field for the API schema; the methods do the filtering.
    country = django_filters.ChoiceFilter(
        label=_("Partner country"),
        choices=countries,
        field_name="institutions__country",
        method="filter_country",
    )
    institution = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        queryset=_partner_institutions,
        field_name="institutions",
        method="filter_institution",
    )
    faculty = django_filters.ModelChoiceFilter(
        label=_("Faculty or unit"),
        queryset=_home_units,
        field_name="scope_units",
        method="filter_faculty",
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Area of cooperation"),
        queryset=CooperationArea.objects.all(),
        field_name="areas",
    )
    signed_year = django_filters.NumberFilter(
        label=_("Signed in (year)"),
        field_name="signed_on",
        lookup_expr="year",
        min_value=1900,
        max_value=2999,
    )
    valid_on = django_filters.DateFilter(
        label=_("In force on"), method="filter_valid_on", widget=DateInput
    )
    expiring_within = django_filters.NumberFilter(
        label=_("Ends within (days)"),
        method="filter_expiring_within",
        min_value=0,
        max_value=36500,
    )
    public = django_filters.BooleanFilter(label=_("On the public website"), widget=AnyYesNoSelect)

    class Meta:
        model = Agreement
        fields = [
            "q",
            "kind",
            "status",
            "country",
            "institution",
            "faculty",
            "area",
            "signed_year",
            "valid_on",
            "expiring_within",
            "public",
        ]

    def filter_country(self, queryset, name, value):
        # A subquery keeps one row per agreement with several parties in the country.
        return queryset.filter(pk__in=Agreement.objects.filter(institutions__country=value))

    def filter_institution(self, queryset, name, value):
        return queryset.filter(pk__in=Agreement.objects.filter(institutions=value))

    def filter_faculty(self, queryset, name, value):
        """Agreements scoped to the unit or to one of its departments."""
        return queryset.filter(
            pk__in=Agreement.objects.filter(Q(scope_units=value) | Q(scope_units__parent=value))
        )

    def filter_valid_on(self, queryset, name, value: datetime.date):
        """Signed agreements whose validity covered the day, and not terminated before it."""
        return queryset.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=value),
            Q(valid_to__isnull=True) | Q(valid_to__gte=value),
            Q(terminated_on__isnull=True) | Q(terminated_on__gt=value),
            status__in=SIGNED_STATUSES,
            signed_on__lte=value,
        )

    def filter_expiring_within(self, queryset, name, value):
        today = timezone.localdate()
        return queryset.filter(
            status=Agreement.Status.ACTIVE,
            valid_to__gte=today,
            valid_to__lte=today + datetime.timedelta(days=int(value)),
        )
