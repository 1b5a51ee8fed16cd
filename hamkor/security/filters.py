"""Filters of the security log: event, user, address, dates."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from hamkor.core.filters import SearchFilterSet
from hamkor.core.forms import DateInput
from hamkor.security.models import SecurityEvent


class SecurityEventFilterSet(SearchFilterSet):
    search_fields = ("email", "object_repr", "object_type")

    kind = django_filters.ChoiceFilter(label=_("Event"), choices=SecurityEvent.Kind.choices)
    user = django_filters.CharFilter(
        label=_("User's e-mail"), field_name="email", lookup_expr="icontains"
    )
    address = django_filters.CharFilter(label=_("Address"), method="filter_address")
    at_from = django_filters.DateFilter(
        label=_("From"), field_name="at", lookup_expr="date__gte", widget=DateInput
    )
    at_to = django_filters.DateFilter(
        label=_("To"), field_name="at", lookup_expr="date__lte", widget=DateInput
    )

    class Meta:
        model = SecurityEvent
        fields = ["q", "kind", "user", "address", "at_from", "at_to"]

    def filter_address(self, queryset, name, value):
        """An address, exactly; a text that is not one finds nothing (never an error)."""
        import ipaddress

        try:
            address = str(ipaddress.ip_address(value.strip()))
        except ValueError:
            return queryset.none()
        return queryset.filter(address=address)
