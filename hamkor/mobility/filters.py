"""Filters for people and mobilities, shared by the list pages and the API."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Exists, Min, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import home_units, in_faculty
from hamkor.agreements.models import Agreement
from hamkor.core.countries import countries
from hamkor.core.filters import SearchFilterSet, any_of
from hamkor.core.widgets import AnyYesNoSelect
from hamkor.mobility.models import (
    PERSONAL_DATA,
    Mobility,
    Person,
    academic_year_of,
    of_faculty,
)
from hamkor.mobility.selectors import (
    at_qs_top,
    mobilities_with_traveller_uploads,
    outside_qs_top,
)
from hamkor.partners.models import Institution


def _home_units(request):
    return home_units()


def _passport_search(filterset, model, field: str, value: str) -> Q | None:
    """For users who may read personal data, the rows whose passport number is ``value``
    (spaces ignored) match the search too. Others cannot learn a passport by searching it."""
    user = getattr(filterset.request, "user", None)
    number = "".join(value.split())
    if not number or user is None or not user.has_perm(PERSONAL_DATA):
        return None
    return any_of(model, [(f"{field}__iexact", number)])


class PersonFilterSet(SearchFilterSet):
    search_fields = ("last_name", "first_name", "middle_name", "name_original", "email")
    search_text_fields = ("search_text",)

    category = django_filters.ChoiceFilter(label=_("Category"), choices=Person.Category.choices)
    citizenship = django_filters.ChoiceFilter(label=_("Citizenship"), choices=countries)
    faculty = django_filters.ModelChoiceFilter(
        label=_("Faculty or unit"),
        queryset=_home_units,
        field_name="org_unit",
        method="filter_faculty",
    )
    has_account = django_filters.BooleanFilter(
        label=_("Has a user account"),
        field_name="user",
        lookup_expr="isnull",
        exclude=True,
        widget=AnyYesNoSelect,
    )

    class Meta:
        model = Person
        fields = ["q", "category", "citizenship", "faculty", "has_account"]

    def filter_faculty(self, queryset, name, value):
        return queryset.filter(in_faculty("org_unit", value.pk))

    def search_alternative(self, model, value):
        return _passport_search(self, model, "passport_number", value)


def academic_year_choices() -> list[tuple[int, str]]:
    """Academic years from the first mobility's to the next one, newest first: 2024/25."""
    today = timezone.localdate()
    current = academic_year_of(today)
    first = Mobility.objects.aggregate(first=Min("planned_start"))["first"]
    start = min(first.year - 1, current) if first else current
    return [(year, f"{year}/{(year + 1) % 100:02d}") for year in range(current + 1, start - 1, -1)]


def _academic_year_options() -> list[tuple[int | str, str]]:
    # TypedChoiceFilter, unlike ChoiceFilter, adds no empty choice of its own.
    return [("", "---------"), *academic_year_choices()]


def _partner_institutions(request):
    """Institutions that are the partner side of some mobility: the directory's thousands
    stay out of the list.

    One ``EXISTS`` a side, answered by the foreign keys' indexes: a join to the mobilities
    would build a row per mobility and sort them all away again (seconds at 100,000).
    """
    sent = Mobility.objects.filter(
        sending_institution=OuterRef("pk"), direction=Mobility.Direction.INCOMING
    )
    received = Mobility.objects.filter(
        receiving_institution=OuterRef("pk"), direction=Mobility.Direction.OUTGOING
    )
    return (
        Institution.objects.filter(Exists(sent) | Exists(received))
        .exclude(is_home=True)
        .order_by("name")
    )


def _agreements(request):
    """Agreements that some mobility was carried out under (``EXISTS``, not a join)."""
    return Agreement.objects.filter(
        Exists(Mobility.objects.filter(agreement=OuterRef("pk")))
    ).order_by("reference")


class MobilityFilterSet(SearchFilterSet):
    search_fields = (
        "person__last_name",
        "person__first_name",
        "person__name_original",
        "person__email",
        "sending_institution__name",
        "sending_institution__name_en",
        "receiving_institution__name",
        "receiving_institution__name_en",
        "invitation_reference",
    )
    search_text_fields = (
        "person__search_text",
        "sending_institution__search_text",
        "receiving_institution__search_text",
    )

    direction = django_filters.ChoiceFilter(
        label=_("Direction"), choices=Mobility.Direction.choices
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Mobility.Kind.choices)
    programme = django_filters.ChoiceFilter(
        label=_("Programme"), choices=Mobility.Programme.choices
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Mobility.Status.choices)
    # ``field_name`` names a related field for the API schema; the methods do the filtering.
    country = django_filters.ChoiceFilter(
        label=_("Partner country"),
        choices=countries,
        field_name="receiving_institution__country",
        method="filter_country",
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        queryset=_partner_institutions,
        field_name="receiving_institution",
        method="filter_partner",
    )
    faculty = django_filters.ModelChoiceFilter(
        label=_("Faculty or unit"),
        queryset=_home_units,
        field_name="home_unit",
        method="filter_faculty",
    )
    academic_year = django_filters.TypedChoiceFilter(
        label=_("Academic year"),
        choices=_academic_year_options,
        coerce=int,
        field_name="planned_start",
        method="filter_academic_year",
    )
    qs_top = django_filters.BooleanFilter(
        label=_("Host in the QS top 1000"),
        widget=AnyYesNoSelect,
        field_name="receiving_institution",
        method="filter_qs_top",
    )
    agreement = django_filters.ModelChoiceFilter(label=_("Agreement"), queryset=_agreements)
    traveller_uploads_since = django_filters.IsoDateTimeFilter(
        label=_("Traveller uploaded files after"), method="filter_traveller_uploads_since"
    )

    class Meta:
        model = Mobility
        fields = [
            "q",
            "direction",
            "kind",
            "programme",
            "status",
            "country",
            "partner",
            "faculty",
            "academic_year",
            "qs_top",
            "agreement",
            "traveller_uploads_since",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once: a callable would be asked again by validation and by rendering.
        self.filters["academic_year"].extra["choices"] = academic_year_choices()

    def filter_country(self, queryset, name, value):
        """The country of the partner side: the host of an outgoing, the sender of an incoming."""
        return queryset.filter(
            Q(direction=Mobility.Direction.OUTGOING, receiving_institution__country=value)
            | Q(direction=Mobility.Direction.INCOMING, sending_institution__country=value)
        )

    def filter_partner(self, queryset, name, value):
        return queryset.filter(
            Q(direction=Mobility.Direction.OUTGOING, receiving_institution=value)
            | Q(direction=Mobility.Direction.INCOMING, sending_institution=value)
        )

    def search_alternative(self, model, value):
        return _passport_search(self, model, "person__passport_number", value)

    def filter_faculty(self, queryset, name, value):
        """Our unit of the mobility, or the person's own unit (either, or a department of it)."""
        return queryset.filter(of_faculty(value.pk))

    def filter_traveller_uploads_since(self, queryset, name, value):
        return mobilities_with_traveller_uploads(queryset, since=value)

    def filter_academic_year(self, queryset, name, value: int):
        """Started (or, before departure, planned to start) between 1 September and 31 August."""
        first, last = datetime.date(value, 9, 1), datetime.date(value + 1, 8, 31)
        # The very expression of the index ``mobility_start_idx``, so that the index serves it.
        return queryset.alias(_began=Coalesce("actual_start", "planned_start")).filter(
            _began__range=(first, last)
        )

    def filter_qs_top(self, queryset, name, value: bool):
        """The host's QS World rank for the mobility's year (see ``with_host_qs_rank``)."""
        if value:
            return at_qs_top(queryset)
        return outside_qs_top(queryset)
