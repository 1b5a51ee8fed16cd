from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.website.models import DepartmentProfile


@admin.register(DepartmentProfile)
class DepartmentProfileAdmin(SimpleHistoryAdmin):
    list_display = ("name_uz", "institution", "head_name_uz")
