from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.partners.models import Institution


@admin.register(Institution)
class InstitutionAdmin(SimpleHistoryAdmin):
    list_display = ("name", "country", "city", "kind", "is_home")
    list_filter = ("kind", "is_home")
    search_fields = ("name", "name_en", "acronym")
