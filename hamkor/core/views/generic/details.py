"""The generic detail and history views of one record."""

from __future__ import annotations

from django.http import Http404
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
    """One record; the template is ``<app>/<model>_detail.html``.

    A domain view adds what its page shows with :meth:`get_extra_context`.
    """

    template_name = None

    def get_template_names(self) -> str:
        opts = self.model._meta
        return self.template_name or f"{opts.app_label}/{opts.model_name}_detail.html"

    def get(self, request, pk):
        obj = self.get_object()
        context = self.page_context(obj, object=obj, tab="detail", **self.object_actions(obj))
        return render(request, self.get_template_names(), context)

    def object_actions(self, obj) -> dict:
        """Edit and delete links, for a user allowed to act on this very row."""
        actions = {}
        for action, verb in (("edit", "change"), ("delete", "delete")):
            url = reverse_or_none(url_name(self.model, action), pk=obj.pk)
            # Never the truth of a queryset, which would load the row and its prefetches.
            allowed = bool(url) and self.queryset.within_reach(self.request.user, obj, verb)
            actions[f"{action}_url"] = url if allowed else None
        return actions


class ObjectHistoryView(ObjectDetailView):
    """The record's history: who, when, why, and what changed field by field.

    The history of a deleted record stays readable from the historical table, for users who
    may read every row of the model (a deleted row can no longer be scoped).
    """

    template_name = "core/object_history.html"
    deleted_template_name = "core/object_history_deleted.html"

    def hidden_fields(self) -> set[str]:
        """Fields whose changes the timeline leaves out, for this user."""
        return {"version", "updated_at"}

    def get(self, request, pk):
        try:
            obj = self.get_object()
        except Http404:
            return self.deleted_history(pk)
        context = self.page_context(
            obj,
            object=obj,
            tab="history",
            timeline=self.timeline(obj.history.all()),
            **self.object_actions(obj),
        )
        return render(request, self.template_name, context)

    def deleted_history(self, pk):
        """The timeline of a record that no longer exists, ending with its deletion."""
        model = self.model
        if model._base_manager.filter(pk=pk).exists():
            raise Http404  # it exists, out of this user's reach
        if not model.objects.all().reaches_all(self.request.user, "view"):
            raise Http404
        history = model.history.filter(**{model._meta.pk.attname: pk})
        last = history.order_by("-history_date", "-history_id").first()
        if last is None or last.history_type != "-":
            raise Http404
        obj = last.instance
        context = self.base_context(object=obj, deleted=last, timeline=self.timeline(history))
        return render(self.request, self.deleted_template_name, context)

    def timeline(self, history) -> list[dict]:
        records = list(
            history.select_related("history_user").order_by("-history_date", "-history_id")
        )
        hidden = self.hidden_fields()
        timeline = []
        for record, previous in zip(records, [*records[1:], None], strict=True):
            changes = []
            if previous is not None:
                delta = record.diff_against(
                    previous, excluded_fields=hidden, foreign_keys_are_objs=False
                )
                for change in delta.changes:
                    field = self.model._meta.get_field(change.field)
                    changes.append(
                        {
                            "field": capfirst(field.verbose_name),
                            "old": _display(record, field, change.old),
                            "new": _display(record, field, change.new),
                        }
                    )
            timeline.append({"record": record, "changes": changes})
        return timeline
