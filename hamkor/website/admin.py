from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.website.models import DepartmentProfile


@admin.register(DepartmentProfile)
class DepartmentProfileAdmin(SimpleHistoryAdmin):
    list_display = ("name_uz", "institution", "head_name_uz")


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
