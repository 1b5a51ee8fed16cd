"""The generic detail and history views of one record."""

from __future__ import annotations

from django.shortcuts import render
from django.utils.text import capfirst
from django.views import View

from hamkor.core.views.generic.base import (
    ObjectPermissionMixin,
    _display,
    reverse_or_none,
    url_name,
)


class ObjectDetailView(ObjectPermissionMixin, View):
    """One record; the template is ``<app>/<model>_detail.html``."""

    template_name = None

    def get_template_names(self) -> str:
        opts = self.model._meta
        return self.template_name or f"{opts.app_label}/{opts.model_name}_detail.html"

    def get_extra_context(self, obj) -> dict:
        return {}

    def get(self, request, pk):
        obj = self.get_object()
        context = self.base_context(object=obj, tab="detail", **self.object_actions(obj))
        context.update(self.get_extra_context(obj))
        return render(request, self.get_template_names(), context)

    def object_actions(self, obj) -> dict:
        """Edit and delete links, for a user allowed to act on this very row."""
        actions = {}
        for action, verb in (("edit", "change"), ("delete", "delete")):
            url = reverse_or_none(url_name(self.model, action), pk=obj.pk)
            # ``exists()`` only: the truth of a queryset would load the row and its prefetches.
            allowed = bool(url) and (
                self.queryset.restrict(self.request.user, verb).filter(pk=obj.pk).exists()
            )
            actions[f"{action}_url"] = url if allowed else None
        return actions


class ObjectHistoryView(ObjectDetailView):
    """The record's history: who, when, why, and what changed field by field."""

    template_name = "core/object_history.html"

    def get(self, request, pk):
        obj = self.get_object()
        records = list(
            obj.history.select_related("history_user").order_by("-history_date", "-history_id")
        )
        timeline = []
        for record, previous in zip(records, [*records[1:], None], strict=True):
            changes = []
            if previous is not None:
                delta = record.diff_against(previous, foreign_keys_are_objs=False)
                for change in delta.changes:
                    if change.field in ("version", "updated_at"):
                        continue
                    field = obj._meta.get_field(change.field)
                    changes.append(
                        {
                            "field": capfirst(field.verbose_name),
                            "old": _display(record, field, change.old),
                            "new": _display(record, field, change.new),
                        }
                    )
            timeline.append({"record": record, "changes": changes})
        context = self.base_context(
            object=obj, tab="history", timeline=timeline, **self.object_actions(obj)
        )
        return render(request, self.template_name, context)
