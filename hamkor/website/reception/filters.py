"""Filters of the reception's lists."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from hamkor.core.filters import SearchFilterSet
from hamkor.core.forms import DateInput
from hamkor.website.reception.models import Booking, Holiday, ReceptionHours, Weekday


class BookingFilterSet(SearchFilterSet):
    search_fields = ("reference", "name", "email", "phone", "purpose")

    status = django_filters.ChoiceFilter(label=_("Status"), choices=Booking.Status.choices)
    day_from = django_filters.DateFilter(
        label=_("From"), field_name="starts_at", lookup_expr="date__gte", widget=DateInput
    )
    day_to = django_filters.DateFilter(
        label=_("To"), field_name="starts_at", lookup_expr="date__lte", widget=DateInput
    )

    class Meta:
        model = Booking
        fields = ["q", "status", "day_from", "day_to"]


class ReceptionHoursFilterSet(SearchFilterSet):
    weekday = django_filters.ChoiceFilter(label=_("Weekday"), choices=Weekday.choices)

    class Meta:
        model = ReceptionHours
        fields = ["weekday"]


class HolidayFilterSet(SearchFilterSet):
    search_fields = ("name_uz", "name_ru", "name_en")

    every_year = django_filters.BooleanFilter(label=_("Every year"))
    year = django_filters.NumberFilter(label=_("Year"), field_name="date", lookup_expr="year")

    class Meta:
        model = Holiday
        fields = ["q", "every_year", "year"]
