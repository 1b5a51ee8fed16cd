from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.core.models import EmailTemplate, ImportJob, OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ("created_at", "recipients", "subject", "status")
    list_filter = ("status",)
    search_fields = ("recipients", "subject")


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("created_at", "model", "filename", "status", "rows_total", "created_by")
    list_filter = ("status", "model")
    exclude = ("content",)


@admin.register(EmailTemplate)
class EmailTemplateAdmin(SimpleHistoryAdmin):
    list_display = ("code", "subject_uz", "subject_en")
    search_fields = ("code", "subject_uz", "subject_ru", "subject_en")
