"""Filters of the site's content lists."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.core.filters import SearchFilterSet
from hamkor.website.content.models import NewsItem, Page, SiteImage

NEWS_STATES = (
    ("draft", _("Draft")),
    ("scheduled", _("Scheduled")),
    ("published", _("Published")),
)


class NewsItemFilterSet(SearchFilterSet):
    search_fields = ("title_uz", "title_ru", "title_en", "slug")

    state = django_filters.ChoiceFilter(label=_("Status"), choices=NEWS_STATES, method="by_state")

    class Meta:
        model = NewsItem
        fields = ["q", "state"]

    def by_state(self, queryset, name, value):
        published = Q(status=NewsItem.Status.PUBLISHED)
        due = Q(publish_at__lte=timezone.now())
        if value == "draft":
            return queryset.filter(status=NewsItem.Status.DRAFT)
        if value == "scheduled":
            return queryset.filter(published & ~due)
        return queryset.filter(published & due)


class PageFilterSet(SearchFilterSet):
    search_fields = ("title_uz", "title_ru", "title_en", "path")

    status = django_filters.ChoiceFilter(label=_("Status"), choices=Page.Status.choices)

    class Meta:
        model = Page
        fields = ["q", "status"]


class SiteImageFilterSet(SearchFilterSet):
    search_fields = ("alt_uz", "alt_ru", "alt_en", "original_name")

    class Meta:
        model = SiteImage
        fields = ["q"]
