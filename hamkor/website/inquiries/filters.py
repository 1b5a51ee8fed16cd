"""Filters of the inquiries' inbox."""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from hamkor.core.filters import SearchFilterSet
from hamkor.core.forms import DateInput
from hamkor.website.inquiries.forms import inquiry_handlers
from hamkor.website.inquiries.models import Inquiry


def _handlers(request):
    return inquiry_handlers()


class InquiryFilterSet(SearchFilterSet):
    search_fields = ("reference", "name", "email", "subject", "message")

    status = django_filters.ChoiceFilter(label=_("Status"), choices=Inquiry.Status.choices)
    assignee = django_filters.ModelChoiceFilter(label=_("Assignee"), queryset=_handlers)
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    received_from = django_filters.DateFilter(
        label=_("Received from"), field_name="created_at", lookup_expr="date__gte", widget=DateInput
    )
    received_to = django_filters.DateFilter(
        label=_("Received to"), field_name="created_at", lookup_expr="date__lte", widget=DateInput
    )

    class Meta:
        model = Inquiry
        fields = ["q", "status", "assignee", "language", "received_from", "received_to"]
