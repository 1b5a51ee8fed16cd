from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.reports.models import Target, UniversityYear


@admin.register(UniversityYear)
class UniversityYearAdmin(SimpleHistoryAdmin):
    list_display = ("year", "students_total", "faculty_total", "closed_at")
    readonly_fields = ("closed_at", "closed_by", "snapshot", "reopen_reason")


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    list_display = ("key", "year", "faculty", "value")
    list_filter = ("year", "key")
