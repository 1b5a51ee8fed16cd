from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from hamkor.webhooks.models import Delivery, Webhook


@admin.register(Webhook)
class WebhookAdmin(SimpleHistoryAdmin):
    list_display = ("name", "url", "is_active")
    exclude = ("secret",)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("event", "webhook", "status", "attempts", "created_at")
    list_filter = ("status", "event")
