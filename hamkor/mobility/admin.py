"""Django admin for support work (administrators only); the office uses the staff pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.mobility.models import Mobility, Person


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ("last_name", "first_name", "category", "citizenship", "org_unit", "email")
    list_filter = ("category",)
    search_fields = ("last_name", "first_name", "name_original", "email")
    raw_id_fields = ("org_unit", "institution", "user")


@admin.register(Mobility)
class MobilityAdmin(SimpleHistoryAdmin):
    list_display = ("person", "direction", "kind", "programme", "planned_start", "status")
    list_filter = ("direction", "kind", "programme", "status")
    search_fields = ("person__last_name", "person__first_name", "invitation_reference")
    raw_id_fields = (
        "person",
        "agreement",
        "sending_institution",
        "receiving_institution",
        "home_unit",
    )
    date_hierarchy = "planned_start"
