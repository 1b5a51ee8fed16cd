"""Filters for institutions and contacts, shared by the list pages and the API."""

from __future__ import annotations

import datetime

import django_filters
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.core.countries import countries
from hamkor.core.filters import SearchFilterSet
from hamkor.core.widgets import AnyYesNoSelect
from hamkor.partners.models import Contact, Institution, Interaction, RankingEntry


class InstitutionFilterSet(SearchFilterSet):
    """Partners by default; ``show=all`` searches the whole world directory.

    The directory holds every university of the world (15,000 rows and more), while the
    office works with a few hundred of them: a list that opened on the directory would
    bury the partners.
    """

    PARTNERS, DIRECTORY = "partners", "all"

    search_fields = ("name", "name_en", "name_uz", "name_ru", "acronym", "erasmus_code", "city")
    search_text_fields = ("search_text",)

    show = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=[(PARTNERS, _("Partners")), (DIRECTORY, _("The whole directory"))],
        empty_label=None,
        method="filter_show",
    )
    qs_top = django_filters.NumberFilter(
        label=_("In the QS top"), min_value=1, method="filter_qs_top"
    )
    qs_year = django_filters.NumberFilter(
        label=_("QS edition"),
        min_value=1900,
        max_value=2200,
        method="filter_qs_year",
        help_text=_("Empty: the latest edition loaded."),
    )
    has_agreements = django_filters.BooleanFilter(
        label=_("Has agreements"), widget=AnyYesNoSelect, method="filter_has_agreements"
    )

    class Meta:
        model = Institution
        fields = ["q", "show", "country", "kind", "partnership", "qs_top", "qs_year"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        # Applied to the base queryset, not as a filter, so that a list whose other filters
        # are not understood still shows partners, never the whole directory.
        if (data or {}).get(self.form.add_prefix("show")) != self.DIRECTORY:
            self.queryset = self.queryset.partners()

    def filter_show(self, queryset, name, value):
        return queryset  # see __init__

    def filter_qs_top(self, queryset, name, value):
        year = self.form.cleaned_data.get("qs_year") or latest_qs_edition()
        if year is None:
            return queryset.none()
        return queryset.filter(
            Exists(
                RankingEntry.objects.filter(
                    institution=OuterRef("pk"),
                    ranking=RankingEntry.Ranking.QS_WORLD,
                    year=year,
                    rank_high__lte=value,
                )
            )
        )

    def filter_qs_year(self, queryset, name, value):
        if self.form.cleaned_data.get("qs_top"):
            return queryset  # the edition of the "top N" filter
        return queryset.filter(
            Exists(
                RankingEntry.objects.filter(
                    institution=OuterRef("pk"), ranking=RankingEntry.Ranking.QS_WORLD, year=value
                )
            )
        )

    def filter_has_agreements(self, queryset, name, value):
        # Through the reverse relation: partners does not import the agreements app above it.
        parties = Institution.objects.filter(pk=OuterRef("pk"), agreement_parties__isnull=False)
        return queryset.filter(Exists(parties)) if value else queryset.exclude(Exists(parties))


def latest_qs_edition() -> int | None:
    """The newest QS World edition present (the default of the "QS top N" filter)."""
    return RankingEntry.objects.filter(ranking=RankingEntry.Ranking.QS_WORLD).aggregate(
        year=Max("year")
    )["year"]


class DormantPartnerFilterSet(SearchFilterSet):
    search_fields = InstitutionFilterSet.search_fields
    search_text_fields = InstitutionFilterSet.search_text_fields

    class Meta:
        model = Institution
        fields = ["q", "country", "kind"]


class ContactFilterSet(SearchFilterSet):
    search_fields = ("full_name", "email", "position", "unit", "institution__name")

    institution = django_filters.ModelChoiceFilter(
        label=_("Institution"), queryset=lambda request: Institution.objects.partners()
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        field_name="institution__country",
        choices=lambda: list(countries),
    )

    class Meta:
        model = Contact
        fields = ["q", "institution", "country", "is_primary"]


class InteractionFilterSet(SearchFilterSet):
    """The communication log; ``mine`` and ``follow_up_within`` give one's follow-ups due."""

    search_fields = ("summary", "participants", "institution__name", "institution__name_en")
    search_text_fields = ("institution__search_text",)

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Interaction.Kind.choices)
    mine = django_filters.BooleanFilter(
        label=_("Mine"), widget=AnyYesNoSelect, method="filter_mine"
    )
    follow_up_within = django_filters.NumberFilter(
        label=_("Follow-up due within (days)"),
        method="filter_follow_up_within",
        min_value=0,
        max_value=3650,
    )

    class Meta:
        model = Interaction
        fields = ["q", "kind", "mine", "follow_up_within"]

    def filter_mine(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        if user is None or not user.is_authenticated:
            return queryset.none() if value else queryset
        return queryset.filter(owner=user) if value else queryset.exclude(owner=user)

    def filter_follow_up_within(self, queryset, name, value):
        """Open follow-ups due within ``value`` days, the overdue ones included."""
        due = timezone.localdate() + datetime.timedelta(days=int(value))
        return queryset.filter(follow_up_done=False, follow_up_on__lte=due)
