"""Filters for calls and applications, shared by the list pages and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _

from hamkor.calls.models import Application, Call
from hamkor.core.filters import SearchFilterSet


class CallFilterSet(SearchFilterSet):
    search_fields = ("title_uz", "title_ru", "title_en")

    status = django_filters.ChoiceFilter(label=_("Status"), choices=Call.Status.choices)
    programme = django_filters.ChoiceFilter(label=_("Programme"), choices=Call.Programme.choices)
    audience = django_filters.ChoiceFilter(label=_("For"), choices=Call.Audience.choices)

    class Meta:
        model = Call
        fields = ("status", "programme", "audience")


class ApplicationFilterSet(SearchFilterSet):
    search_fields = ("person__last_name", "person__first_name", "applicant__email")

    call = django_filters.ModelChoiceFilter(label=_("Call"), queryset=Call.objects.all())
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Application.Status.choices)
    eligible = django_filters.BooleanFilter(label=_("Eligible"))
    outcome = django_filters.ChoiceFilter(label=_("Outcome"), choices=Application.Outcome.choices)

    class Meta:
        model = Application
        fields = ("call", "status", "eligible", "outcome")
