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
# The site's content (news, pages, pictures), for support work only: staff edit it in
# Hamkor's own screens, where texts are sanitised and pictures checked.
from hamkor.website.content.models import NewsItem, Page, SiteImage  # noqa: E402


@admin.register(NewsItem)
class NewsItemAdmin(SimpleHistoryAdmin):
    list_display = ("title_uz", "status", "publish_at")
    readonly_fields = ("status",)


@admin.register(Page)
class PageAdmin(SimpleHistoryAdmin):
    list_display = ("path", "title_uz", "status", "position")
    readonly_fields = ("status", "path")


@admin.register(SiteImage)
class SiteImageAdmin(SimpleHistoryAdmin):
    list_display = ("alt_uz", "format", "width", "height", "created_at")
