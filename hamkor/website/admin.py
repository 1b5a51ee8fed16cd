from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.website.models import Booking, DepartmentProfile, Holiday, Inquiry, ReceptionHours


@admin.register(DepartmentProfile)
class DepartmentProfileAdmin(SimpleHistoryAdmin):
    list_display = ("name_uz", "institution", "head_name_uz")


# Contact and reception, for support work.
admin.site.register(Inquiry, SimpleHistoryAdmin)
admin.site.register(Booking, SimpleHistoryAdmin)
admin.site.register(ReceptionHours, SimpleHistoryAdmin)
admin.site.register(Holiday, SimpleHistoryAdmin)
