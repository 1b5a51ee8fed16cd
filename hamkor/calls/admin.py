from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.calls.models import Application, Call, Criterion, Place


@admin.register(Call)
class CallAdmin(SimpleHistoryAdmin):
    list_display = ("title_uz", "programme", "status", "opens_at", "closes_at")
    list_filter = ("status", "programme")


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    list_display = ("call", "institution", "seats", "semester")


@admin.register(Criterion)
class CriterionAdmin(SimpleHistoryAdmin):
    list_display = ("call", "code", "weight")


@admin.register(Application)
class ApplicationAdmin(SimpleHistoryAdmin):
    list_display = ("call", "person", "status", "submitted_at", "outcome")
    list_filter = ("status", "outcome")
