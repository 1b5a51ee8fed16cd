"""Pages of the core app: the health check, the outbox, CSRF failure."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from hamkor.core import exporting
from hamkor.core.filters import SearchFilterSet
from hamkor.core.mail import outbox_message_read, redact
from hamkor.core.models import OutboxMessage
from hamkor.core.tables import BaseTable
from hamkor.core.views import generic


@never_cache
def healthz(request):
    """Database, cache and task broker, each "ok" or the error; 503 when one fails."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = f"error: {exc.__class__.__name__}"
    try:
        cache.set("hamkor:healthz", "1", 10)
        checks["cache"] = "ok" if cache.get("hamkor:healthz") == "1" else "error: no value"
    except Exception as exc:
        checks["cache"] = f"error: {exc.__class__.__name__}"
    if settings.CELERY_TASK_ALWAYS_EAGER:
        checks["broker"] = "ok (tasks run in-process)"
    else:
        try:
            from hamkor.celery import app

            with app.connection_for_write() as conn:
                conn.ensure_connection(max_retries=1, timeout=2)
            checks["broker"] = "ok"
        except Exception as exc:
            checks["broker"] = f"error: {exc.__class__.__name__}"
    healthy = all(value.startswith("ok") for value in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503
    )


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)


class OutboxFilterSet(SearchFilterSet):
    search_fields = ("recipients", "subject")

    class Meta:
        model = OutboxMessage
        fields = ["q", "status"]


class OutboxExport(exporting.Export):
    columns = (
        exporting.Column(_("Created"), "created_at", exporting.DATETIME),
        exporting.Column(_("To"), "recipients"),
        exporting.Column(_("Subject"), "subject"),
        exporting.Column(_("Status"), "status", exporting.CHOICE),
    )


class OutboxTable(BaseTable):
    export_class = OutboxExport

    class Meta(BaseTable.Meta):
        model = OutboxMessage
        fields = ("created_at", "recipients", "subject", "status")
        linkify = ("subject",)


class OutboxListView(generic.ObjectListView):
    queryset = OutboxMessage.objects.all()
    filterset_class = OutboxFilterSet
    table_class = OutboxTable


class OutboxDetailView(generic.ObjectDetailView):
    """One message, its one-time links masked; opening it is recorded and listed."""

    queryset = OutboxMessage.objects.all()
    template_name = "core/outboxmessage_detail.html"

    def get_extra_context(self, obj):
        outbox_message_read(message=obj, reader=self.request.user)
        return {
            # Rows kept before links were masked on the way in are masked here.
            "subject": redact(obj.subject),
            "body": redact(obj.body),
            "readings": obj.readings.select_related("reader")[:50],
        }
