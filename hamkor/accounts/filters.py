"""Filters for units and users, shared by the list pages and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.roles import Role
from hamkor.core.filters import SearchFilterSet


class OrgUnitFilterSet(SearchFilterSet):
    search_fields = ("code", "name_uz", "name_ru", "name_en")

    class Meta:
        model = OrgUnit
        fields = ["q", "kind", "institution", "is_active"]


class UserFilterSet(SearchFilterSet):
    search_fields = ("email", "full_name", "phone")
    role = django_filters.ChoiceFilter(
        label=_("Role"), choices=Role.choices, field_name="groups__name"
    )

    class Meta:
        model = User
        fields = ["q", "role", "org_unit", "is_active"]
