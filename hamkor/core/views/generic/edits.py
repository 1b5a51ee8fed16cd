"""The generic create, edit and delete views."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views import View

from hamkor.core.services import StaleObjectError, object_delete, object_save
from hamkor.core.views.generic.base import (
    ObjectPermissionMixin,
    _add_errors,
    _display,
    url_name,
)


class ObjectEditView(ObjectPermissionMixin, View):
    """Create (no ``pk``) or edit a record with optimistic concurrency.

    The form carries the version it was opened at; a save based on a stale version is refused
    with who changed it and when, and the user's input is shown again beside the stored values.
    """

    form_class = None
    template_name = "core/object_edit.html"
    change_reason = None  # e.g. "accounts.orgunit.edited"; defaults from the model

    @property
    def action(self) -> str:
        return "change" if "pk" in self.kwargs else "add"

    def get_form_kwargs(self) -> dict:
        return {"user": self.request.user} if getattr(self.form_class, "takes_user", False) else {}

    def get_initial_object(self):
        return self.model()

    def get(self, request, pk=None):
        obj = self.get_object() if pk else self.get_initial_object()
        form = self.form_class(instance=obj, **self.get_form_kwargs())
        return self.render(obj, form, version=obj.version if pk else None)

    def post(self, request, pk=None):
        obj = self.get_object() if pk else self.get_initial_object()
        form = self.form_class(request.POST, request.FILES, instance=obj, **self.get_form_kwargs())
        version = self._posted_version()
        if form.is_valid():
            try:
                instance = self.save(form, expected_version=version if pk else None)
            except StaleObjectError as exc:
                form.add_error(None, exc.message)
                return self.render(
                    obj,
                    form,
                    version=exc.current.version,
                    conflicts=self.conflicts(form, exc.current),
                    status=409,
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, self.success_message(instance))
                return HttpResponseRedirect(self.get_success_url(instance))
        return self.render(obj, form, version=version, status=400)

    @transaction.atomic
    def save(self, form, *, expected_version: int | None):
        """Save through the service; subclasses add what their model needs besides."""
        instance = form.save(commit=False)
        object_save(
            instance=instance,
            actor=self.request.user,
            reason=self.get_change_reason(),
            expected_version=expected_version,
        )
        form.save_m2m()
        return instance

    def _posted_version(self) -> int | None:
        try:
            return int(self.request.POST.get("_version", ""))
        except ValueError:
            return None

    def get_change_reason(self) -> str:
        opts = self.model._meta
        verb = "edited" if self.action == "change" else "created"
        return self.change_reason or f"{opts.app_label}.{opts.model_name}.{verb}"

    def success_message(self, instance) -> str:
        if self.action == "change":
            return _("%(name)s saved.") % {"name": instance}
        return _("%(kind)s %(name)s created.") % {
            "kind": capfirst(self.model._meta.verbose_name),
            "name": instance,
        }

    def get_success_url(self, instance) -> str:
        return reverse(url_name(self.model, "detail"), kwargs={"pk": instance.pk})

    def conflicts(self, form, current) -> list[dict]:
        """Fields where the stored record and the user's input now differ."""
        rows = []
        for name in form.changed_data:
            try:
                field = current._meta.get_field(name)
            except Exception:
                continue
            stored = field.value_from_object(current)
            mine = form.cleaned_data.get(name) if hasattr(form, "cleaned_data") else None
            if isinstance(mine, models.Model):
                mine = mine.pk
            if stored != mine and not field.many_to_many:
                rows.append(
                    {
                        "field": capfirst(field.verbose_name),
                        "stored": _display(current, field, stored),
                        "mine": _display(current, field, mine),
                    }
                )
        return rows

    def render(self, obj, form, *, version, conflicts=(), status=200):
        context = self.base_context(
            object=obj if obj.pk else None, form=form, version=version, conflicts=conflicts
        )
        return render(self.request, self.template_name, context, status=status)


class ObjectDeleteView(ObjectPermissionMixin, View):
    """Confirm, then delete; refused with the list of records that depend on it."""

    action = "delete"
    template_name = "core/object_delete.html"

    def get(self, request, pk):
        obj = self.get_object()
        from hamkor.core.services import dependents

        return render(
            request, self.template_name, self.base_context(object=obj, blocking=dependents(obj))
        )

    def post(self, request, pk):
        obj = self.get_object()
        opts = self.model._meta
        try:
            object_delete(
                instance=obj,
                actor=request.user,
                reason=f"{opts.app_label}.{opts.model_name}.deleted",
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(
                reverse(url_name(self.model, "detail"), kwargs={"pk": obj.pk})
            )
        messages.success(request, _("%(name)s deleted.") % {"name": obj})
        return HttpResponseRedirect(self.get_success_url(obj))

    def get_success_url(self, obj) -> str:
        """Where to go once ``obj`` is deleted: the list, or a parent record's page."""
        return reverse(url_name(self.model, "list"))
