from __future__ import annotations

from hamkor.core.filters import SearchFilterSet
from hamkor.privacy.models import DataCategory, RetentionRun


class DataCategoryFilterSet(SearchFilterSet):
    search_fields = ("name_uz", "name_ru", "name_en", "purpose_uz", "purpose_ru", "purpose_en")

    class Meta:
        model = DataCategory
        fields = ["q", "legal_basis"]


class RetentionRunFilterSet(SearchFilterSet):
    search_fields = ()

    class Meta:
        model = RetentionRun
        fields = ["dry_run"]
