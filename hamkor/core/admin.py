from django.contrib import admin

from hamkor.core.models import ImportJob, OutboxMessage


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
