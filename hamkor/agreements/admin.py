"""Agreements in Django's admin site, for support work by administrators.

Statuses are read-only here: they change only through the named transitions.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.agreements.models import (
    Agreement,
    AgreementParty,
    Amendment,
    CooperationArea,
    MobilityQuota,
    RenewalReminder,
)


class AgreementPartyInline(admin.TabularInline):
    model = AgreementParty
    raw_id_fields = ("institution",)
    extra = 0


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ("reference", "title", "kind", "status", "signed_on", "valid_to")
    list_filter = ("kind", "status", "auto_renewal")
    search_fields = ("reference", "title", "institutions__name", "institutions__name_en")
    raw_id_fields = ("responsible", "predecessor")
    readonly_fields = ("reference", "status", "status_changed_at")
    filter_horizontal = ("scope_units", "areas")
    inlines = [AgreementPartyInline]


@admin.register(CooperationArea)
class CooperationAreaAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_uz", "name_ru", "name_en")
    search_fields = ("code", "name_uz", "name_ru", "name_en")


@admin.register(Amendment)
class AmendmentAdmin(SimpleHistoryAdmin):
    list_display = ("agreement", "number", "signed_on")
    search_fields = ("agreement__reference", "summary")
    raw_id_fields = ("agreement",)


@admin.register(MobilityQuota)
class MobilityQuotaAdmin(SimpleHistoryAdmin):
    list_display = ("agreement", "direction", "mobility_kind", "places_per_year", "first_year")
    list_filter = ("direction", "mobility_kind")
    search_fields = ("agreement__reference",)
    raw_id_fields = ("agreement",)


@admin.register(RenewalReminder)
class RenewalReminderAdmin(admin.ModelAdmin):
    list_display = ("agreement", "days_before", "valid_to", "recipient", "sent_at")
    raw_id_fields = ("agreement",)
