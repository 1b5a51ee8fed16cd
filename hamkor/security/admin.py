from django.contrib import admin

from hamkor.security.models import SecurityEvent


@admin.register(SecurityEvent)
class SecurityEventAdmin(admin.ModelAdmin):
    """Read-only: the admin site may show events, never add, change or delete one."""

    list_display = ("at", "kind", "email", "address", "object_type", "object_id")
    list_filter = ("kind",)
    search_fields = ("email", "object_repr")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
