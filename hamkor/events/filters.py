"""Filters of events, participants and publications, shared by the list pages and the API."""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamkor.core.countries import countries
from hamkor.core.filters import SearchFilterSet
from hamkor.core.widgets import AnyYesNoSelect
from hamkor.events.models import Event, Participant, Publication
from hamkor.partners.models import Institution


class EventFilterSet(SearchFilterSet):
    search_fields = ("title_uz", "title_ru", "title_en", "city", "venue")

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Event.Kind.choices)
    organisation = django_filters.ChoiceFilter(
        label=_("Organisation"), choices=Event.Organisation.choices
    )
    format = django_filters.ChoiceFilter(label=_("Format"), choices=Event.Format.choices)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=lambda: list(countries))
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner institution"),
        field_name="partners",
        queryset=lambda request: Institution.objects.partners(),
        distinct=True,
    )
    year = django_filters.NumberFilter(
        label=pgettext_lazy("calendar year", "Year"),
        field_name="start__year",
        min_value=1900,
        max_value=2200,
    )
    registration_open = django_filters.BooleanFilter(
        label=_("Public registration open"), widget=AnyYesNoSelect
    )

    class Meta:
        model = Event
        fields = [
            "q",
            "kind",
            "organisation",
            "format",
            "country",
            "partner",
            "year",
            "registration_open",
        ]


class ParticipantFilterSet(SearchFilterSet):
    search_fields = (
        "name",
        "email",
        "affiliation",
        "person__last_name",
        "person__first_name",
        "event__title_en",
        "event__title_uz",
        "event__title_ru",
    )

    event = django_filters.NumberFilter(label=_("Event"), field_name="event", min_value=1)
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Participant.Role.choices)
    registration = django_filters.ChoiceFilter(
        label=_("Registration"), choices=Participant.Registration.choices
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind of event"), field_name="event__kind", choices=Event.Kind.choices
    )
    has_certificate = django_filters.BooleanFilter(
        label=_("Certificate generated"),
        widget=AnyYesNoSelect,
        field_name="certificate_reference",
        method="filter_has_certificate",
    )

    class Meta:
        model = Participant
        fields = ["q", "event", "role", "registration", "kind", "has_certificate"]

    def filter_has_certificate(self, queryset, name, value):
        if value is None:
            return queryset
        generated = queryset.exclude(certificate_reference="")
        return generated if value else queryset.filter(certificate_reference="")


class PublicationFilterSet(SearchFilterSet):
    search_fields = ("title", "authors", "venue", "doi")

    event = django_filters.NumberFilter(label=_("Event"), field_name="event", min_value=1)

    class Meta:
        model = Publication
        fields = ["q", "event", "year"]
