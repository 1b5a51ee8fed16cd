from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.accounts.models import OrgUnit, User


@admin.register(OrgUnit)
class OrgUnitAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_uz", "kind", "institution", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("code", "name_uz", "name_ru", "name_en")


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin):
    list_display = ("email", "full_name", "org_unit", "is_active", "last_login")
    list_filter = ("is_active", "groups")
    search_fields = ("email", "full_name")
    exclude = ("password",)
    readonly_fields = ("last_login", "date_joined")
