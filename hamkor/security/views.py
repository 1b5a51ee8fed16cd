"""The security log's one page: administrators list, filter and export events. There is no
page, form or action that adds, changes or deletes an event."""

from __future__ import annotations

from hamkor.core.views import generic
from hamkor.security.filters import SecurityEventFilterSet
from hamkor.security.models import SecurityEvent
from hamkor.security.tables import SecurityEventTable


class SecurityEventListView(generic.ObjectListView):
    queryset = SecurityEvent.objects.all()
    filterset_class = SecurityEventFilterSet
    table_class = SecurityEventTable
    http_method_names = ["get", "head", "options"]
