"""The generic create, edit and delete views.

Domain views change what they need through hooks, never by copying ``get`` or ``post``:
``get_initial_object`` (a new record's defaults), ``alter_object`` (what the address
decides, e.g. the parent record), ``get_form``, ``save`` and ``delete`` (the domain's
services), ``get_extra_context`` and ``get_success_url``.
"""

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

from hamkor.core.services import StaleObjectError, dependents, object_delete, object_save
from hamkor.core.views.generic.base import (
    ObjectPermissionMixin,
    _add_errors,
    _display,
    reverse_or_none,
    url_name,
)


class OutOfScopeError(ValidationError):
    """The saved record would leave what the user may change; the save is rolled back."""


class ObjectEditView(ObjectPermissionMixin, View):
    """Create (no ``pk``) or edit a record with optimistic concurrency.

    The form carries the version it was opened at, and an edit without it is refused; a save
    based on a stale version is refused with who changed it and when, and the user's input is
    shown again beside the stored values. A save that would take the record out of the user's
    reach (a coordinator moving an agreement to another faculty) is refused and rolled back.
    """

    form_class = None
    template_name = "core/object_edit.html"
    change_reason = None  # e.g. "accounts.orgunit.edited"; defaults from the model

    @property
    def action(self) -> str:
        return "change" if "pk" in self.kwargs else "add"

    @property
    def editing(self) -> bool:
        return "pk" in self.kwargs

    def get_form_kwargs(self) -> dict:
        return {"user": self.request.user} if getattr(self.form_class, "takes_user", False) else {}

    def get_form(self, obj, data=None, files=None):
        """The form about ``obj``, bound when posted."""
        return self.form_class(data, files, instance=obj, **self.get_form_kwargs())

    def get_initial_object(self):
        """A new record before the form fills it: defaults, e.g. from the query string."""
        return self.model()

    def alter_object(self, obj):
        """Set on ``obj`` what the address decides (``self.kwargs``), new or edited, before
        the form sees it: e.g. the parent record named in the path (see ``get_parent``)."""
        return obj

    def get_edited_object(self):
        obj = self.get_object() if self.editing else self.get_initial_object()
        return self.alter_object(obj)

    def get(self, request, *args, **kwargs):
        obj = self.get_edited_object()
        form = self.get_form(obj)
        return self.render(obj, form, version=obj.version if self.editing else None)

    def post(self, request, *args, **kwargs):
        obj = self.get_edited_object()
        form = self.get_form(obj, request.POST, request.FILES)
        version = self._posted_version()
        if self.editing and version is None:
            form.is_valid()  # the user's input is shown again, with its own errors
            form.add_error(
                None,
                _(
                    "This form was sent without the version of the record it was opened at, "
                    "so it could overwrite somebody else's changes. Nothing was saved: open "
                    "the record again and repeat your changes."
                ),
            )
            return self.render(obj, form, version=None, status=400)
        if form.is_valid():
            try:
                instance = self.save_in_scope(form, expected_version=version)
            except StaleObjectError as exc:
                form.add_error(None, exc.message)
                return self.render(
                    obj,
                    form,
                    version=exc.current.version,
                    conflicts=self.conflicts(form, exc.current),
                    status=409,
                )
            except OutOfScopeError as exc:
                self._forget_rolled_back(obj)
                form.add_error(None, exc)
                return self.render(obj, form, version=version, status=403)
            except ValidationError as exc:
                self._forget_rolled_back(obj)
                _add_errors(form, exc)
            else:
                messages.success(request, self.success_message(instance))
                return HttpResponseRedirect(self.get_success_url(instance))
        return self.render(obj, form, version=version, status=400)

    def save_in_scope(self, form, *, expected_version: int | None):
        """``save``, then check the row is still within the user's reach for ``change``."""
        with transaction.atomic():
            instance = self.save(form, expected_version=expected_version)
            if (
                not self.queryset.restrict(self.request.user, "change")
                .filter(pk=instance.pk)
                .exists()
            ):
                raise OutOfScopeError(
                    _(
                        "You may not save the record like this: it would no longer be among "
                        "the records you may change (for example, it would belong to another "
                        "faculty). Nothing was saved."
                    ),
                    code="out_of_scope",
                )
        return instance

    def _forget_rolled_back(self, instance) -> None:
        """A new record whose save was rolled back is shown again as the new record it is."""
        if not self.editing and instance.pk is not None:
            instance.pk = None
            instance._state.adding = True

    @transaction.atomic
    def save(self, form, *, expected_version: int | None):
        """Save through the service; subclasses call their domain's service instead."""
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
        context = self.page_context(
            obj,
            object=obj if obj.pk else None,
            form=form,
            version=version,
            conflicts=conflicts,
        )
        return render(self.request, self.template_name, context, status=status)


class ObjectDeleteView(ObjectPermissionMixin, View):
    """Confirm, then delete through :meth:`delete`; a refusal is shown on the same page.

    The page lists what forbids deleting (each relation by name), or what goes with the
    record (its own parts and attached documents, files included).
    """

    action = "delete"
    template_name = "core/object_delete.html"

    def delete(self, obj) -> None:
        """Delete through the domain's service; raise ValidationError to refuse."""
        opts = self.model._meta
        object_delete(
            instance=obj,
            actor=self.request.user,
            reason=f"{opts.app_label}.{opts.model_name}.deleted",
        )

    def get(self, request, *args, **kwargs):
        return self.render(self.get_object())

    def post(self, request, *args, **kwargs):
        obj = self.get_object()
        name = str(obj)
        try:
            self.delete(obj)
        except ValidationError as exc:
            return self.render(obj, refusal=exc.messages, status=400)
        messages.success(request, _("%(name)s deleted.") % {"name": name})
        return HttpResponseRedirect(self.get_success_url(obj))

    def render(self, obj, *, refusal=(), status=200):
        found = dependents(obj)
        context = self.page_context(
            obj,
            object=obj,
            blocking=found.blocking,
            going=found.going,
            refusal=refusal,
            detail_url=reverse_or_none(url_name(self.model, "detail"), pk=obj.pk),
        )
        return render(self.request, self.template_name, context, status=status)

    def get_success_url(self, obj) -> str:
        """Where to go once ``obj`` is deleted: the list, or a parent record's page."""
        return reverse(url_name(self.model, "list"))
