"""Base viewsets: rows come from ``restrict(user, action)``, writes go through services."""

from __future__ import annotations

from rest_framework import viewsets

ACTIONS = {
    "list": "view",
    "retrieve": "view",
    "create": "add",
    "update": "change",
    "partial_update": "change",
    "destroy": "delete",
    # A status step changes the record: only the rows the user may change.
    "transition": "change",
}


class RestrictedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Read-only endpoints scoped like the list pages; filters from the same FilterSet."""

    def get_queryset(self):
        return self.queryset.restrict(self.request.user, ACTIONS.get(self.action, "view"))
