"""Django admin for support work (administrators only); the office uses the staff pages."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.events.models import Event, Participant, Publication


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "kind", "organisation", "format", "start", "country")
    list_filter = ("kind", "organisation", "format")
    search_fields = ("title_uz", "title_ru", "title_en", "city")
    raw_id_fields = ("home_unit",)
    filter_horizontal = ("partners", "agreements")
    date_hierarchy = "start"


@admin.register(Participant)
class ParticipantAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "event", "role", "registration", "certificate_reference")
    list_filter = ("role", "registration")
    search_fields = ("name", "email", "person__last_name", "certificate_reference")
    raw_id_fields = ("event", "person")


@admin.register(Publication)
class PublicationAdmin(SimpleHistoryAdmin):
    list_display = ("title", "venue", "year", "doi", "event")
    search_fields = ("title", "doi", "venue")
    raw_id_fields = ("event",)
