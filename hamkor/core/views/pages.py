"""Pages of the core app: the staff dashboard, the health check, the outbox, CSRF failure."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from hamkor.core import exporting
from hamkor.core.filters import SearchFilterSet
from hamkor.core.models import OutboxMessage
from hamkor.core.tables import BaseTable
from hamkor.core.views import generic


@login_required
def home(request):
    """The staff dashboard; applicants go to their own pages."""
    if not request.user.is_office_staff:
        return redirect("accounts:profile")
    from hamkor.accounts.models import OrgUnit, User
    from hamkor.partners.selectors import follow_ups_due

    context = {
        "follow_ups": follow_ups_due(user=request.user),
        "counts": {
            "units": OrgUnit.objects.restrict(request.user).count(),
            "users": User.objects.restrict(request.user).count(),
        },
    }
    return render(request, "core/home.html", context)


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
    queryset = OutboxMessage.objects.all()
    template_name = "core/outboxmessage_detail.html"
