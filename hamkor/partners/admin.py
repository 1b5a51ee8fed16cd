from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.partners.models import Contact, Institution, Interaction, RankingEntry


@admin.register(Institution)
class InstitutionAdmin(SimpleHistoryAdmin):
    list_display = ("name", "country", "city", "kind", "partnership", "is_home")
    list_filter = ("kind", "partnership", "is_home")
    search_fields = ("name", "name_en", "acronym", "erasmus_code")
    raw_id_fields = ("owner",)


@admin.register(RankingEntry)
class RankingEntryAdmin(SimpleHistoryAdmin):
    list_display = ("institution", "ranking", "year", "rank")
    list_filter = ("ranking", "year")
    search_fields = ("institution__name", "institution__name_en")
    raw_id_fields = ("institution",)


@admin.register(Contact)
class ContactAdmin(SimpleHistoryAdmin):
    list_display = ("full_name", "institution", "position", "email", "is_primary")
    search_fields = ("full_name", "email", "institution__name")
    raw_id_fields = ("institution",)


@admin.register(Interaction)
class InteractionAdmin(SimpleHistoryAdmin):
    list_display = ("date", "kind", "institution", "owner", "follow_up_on", "follow_up_done")
    list_filter = ("kind", "follow_up_done")
    search_fields = ("summary", "institution__name")
    raw_id_fields = ("institution", "owner", "contacts")
