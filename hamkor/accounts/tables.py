"""List and export columns for units and users."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.models import OrgUnit, User
from hamkor.core.tables import BaseTable


class OrgUnitTable(BaseTable):
    name = tables.Column(verbose_name=_("Name"), linkify=True, order_by=("name_uz",))
    parent = tables.Column(verbose_name=_("Part of"), order_by=("parent__name_uz",))

    class Meta(BaseTable.Meta):
        model = OrgUnit
        fields = ("code", "name", "kind", "parent", "institution", "is_active")
        sequence = ("name", "code", "kind", "parent", "institution", "is_active")


class UserTable(BaseTable):
    full_name = tables.Column(linkify=True)
    roles = tables.Column(verbose_name=_("Roles"), accessor="pk", orderable=False)
    org_unit = tables.Column(order_by=("org_unit__name_uz",))

    class Meta(BaseTable.Meta):
        model = User
        fields = ("full_name", "email", "roles", "org_unit", "language", "is_active", "last_login")

    def render_roles(self, record):
        return ", ".join(record.role_labels)

    def value_roles(self, record):
        return ", ".join(record.role_labels)
