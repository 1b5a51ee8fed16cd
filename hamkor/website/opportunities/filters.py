"""The staff list's filters of opportunities."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.core.filters import SearchFilterSet
from hamkor.website.opportunities.models import Opportunity

STATES = (("draft", _("Draft")), ("open", _("Open")), ("closed", _("Closed")))


class OpportunityFilterSet(SearchFilterSet):
    search_fields = ("title_uz", "title_ru", "title_en", "slug")

    state = django_filters.ChoiceFilter(label=_("Status"), choices=STATES, method="by_state")
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Opportunity.Kind.choices)
    audience = django_filters.ChoiceFilter(
        label=_("Who may apply"), choices=Opportunity.Audience.choices
    )

    class Meta:
        model = Opportunity
        fields = ["q", "state", "kind", "audience"]

    def by_state(self, queryset, name, value):
        if value == "draft":
            return queryset.filter(status=Opportunity.Status.DRAFT)
        published = queryset.filter(status=Opportunity.Status.PUBLISHED)
        still_open = Q(deadline__gt=timezone.now())
        return published.filter(still_open) if value == "open" else published.exclude(still_open)
