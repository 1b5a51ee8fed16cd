"""List and export columns for units and users."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.roles import Role
from hamkor.core.exporting import BOOL, CHOICE, DATETIME, TRANSLATED, Column, Export
from hamkor.core.tables import BaseTable


class OrgUnitExport(Export):
    columns = (
        Column(_("Name"), "name", TRANSLATED),
        Column(_("Code"), "code"),
        Column(_("Kind"), "kind", CHOICE),
        Column(_("Part of"), "parent__name", TRANSLATED),
        Column(_("Institution"), "institution__name", TRANSLATED, original=True),
        Column(_("Active"), "is_active", BOOL),
    )


class UserExport(Export):
    """The roles of a chunk of users are read in one query."""

    columns = (
        Column(_("Full name"), "full_name"),
        Column(_("E-mail"), "email"),
        Column(_("Roles"), fields=("pk",), compute=lambda row: row["roles"]),
        Column(_("Faculty or unit"), "org_unit__name", TRANSLATED),
        Column(_("Language"), "language", CHOICE),
        Column(_("Active"), "is_active", BOOL),
        Column(_("Last login"), "last_login", DATETIME),
    )

    def prepare(self, rows: list[dict]) -> None:
        groups: dict[int, set[str]] = {}
        for pk, name in User.groups.through.objects.filter(
            user__in=[row["pk"] for row in rows]
        ).values_list("user", "group__name"):
            groups.setdefault(pk, set()).add(name)
        for row in rows:
            mine = groups.get(row["pk"], set())
            row["roles"] = ", ".join(str(Role(r).label) for r in Role.values if r in mine)


class OrgUnitTable(BaseTable):
    export_class = OrgUnitExport
    name = tables.Column(verbose_name=_("Name"), linkify=True, order_by=("name_uz",))
    parent = tables.Column(verbose_name=_("Part of"), order_by=("parent__name_uz",))

    class Meta(BaseTable.Meta):
        model = OrgUnit
        fields = ("code", "name", "kind", "parent", "institution", "is_active")
        sequence = ("name", "code", "kind", "parent", "institution", "is_active")


class UserTable(BaseTable):
    export_class = UserExport
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
