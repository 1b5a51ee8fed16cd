"""The generic view merging a duplicate into a record."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from hamkor.core.views.generic.base import (
    ObjectPermissionMixin,
)


class ObjectMergeView(ObjectPermissionMixin, View):
    """Merge a duplicate into this record: choose it, see what moves, confirm.

    Subclasses give ``merge_form_class`` (a form with a ``duplicate`` field, taking
    ``keep=``), ``merge(keep=, duplicate=, actor=)`` (the service) and
    ``get_extra_context(keep)``: suggestions and search results (for ``self.query``) before
    a duplicate is chosen, what moves after (``self.duplicate``).
    """

    action = "merge"
    merge_form_class = None

    def merge(self, *, keep, duplicate, actor):
        raise ImproperlyConfigured(f"{type(self).__name__} must define merge()")

    def get(self, request, pk):
        keep = self.get_object()
        if "duplicate" in request.GET:
            form = self.merge_form_class(request.GET, keep=keep)
            if form.is_valid():
                return self.render(keep, form=form, duplicate=form.cleaned_data["duplicate"])
            messages.error(request, " ".join(form.errors.get("duplicate", [])))
        return self.render(keep, form=self.merge_form_class(keep=keep))

    def post(self, request, pk):
        keep = self.get_object()
        form = self.merge_form_class(request.POST, keep=keep)
        if not form.is_valid():
            return self.render(keep, form=form, status=400)
        duplicate = form.cleaned_data["duplicate"]
        name = str(duplicate)
        try:
            keep = self.merge(keep=keep, duplicate=duplicate, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return self.render(keep, form=form, duplicate=duplicate, status=400)
        messages.success(
            request,
            _("%(duplicate)s was merged into %(keep)s.") % {"duplicate": name, "keep": keep},
        )
        return HttpResponseRedirect(keep.get_absolute_url())

    def render(self, keep, *, form, duplicate=None, status=200):
        self.duplicate = duplicate
        self.query = self.request.GET.get("q", "").strip()[:200]
        context = self.page_context(keep, object=keep, form=form, duplicate=duplicate, q=self.query)
        return render(self.request, self.template_name, context, status=status)
