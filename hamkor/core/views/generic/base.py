"""The permission mixin every generic staff view starts from, and the helpers they share."""

from __future__ import annotations

import datetime

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils import formats
from django.utils.translation import gettext as _

from hamkor.core.dates import format_datetime


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true" and not request.headers.get("HX-Boosted")


def reverse_or_none(name: str, **kwargs) -> str | None:
    try:
        return reverse(name, kwargs=kwargs or None)
    except NoReverseMatch:
        return None


def url_name(model: type[models.Model], action: str) -> str:
    """``<app>:<model>_<action>``, the project's URL naming rule."""
    return f"{model._meta.app_label}:{model._meta.model_name}_{action}"


class ObjectPermissionMixin(LoginRequiredMixin):
    """Requires the model permission for ``action``; rows come from ``restrict``."""

    queryset: models.QuerySet
    action = "view"

    @property
    def model(self) -> type[models.Model]:
        return self.queryset.model

    def get_required_permission(self) -> str:
        opts = self.model._meta
        return f"{opts.app_label}.{self.action}_{opts.model_name}"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_perm(self.get_required_permission()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self, action: str | None = None) -> models.QuerySet:
        return self.queryset.restrict(self.request.user, action or self.action)

    def get_object(self, action: str | None = None) -> models.Model:
        return get_object_or_404(self.get_queryset(action), pk=self.kwargs["pk"])

    def get_parent(self, model: type[models.Model], url_kwarg: str, action: str = "change"):
        """The record named by ``url_kwarg`` in the address (e.g. the institution of
        ``/staff/institutions/<institution_pk>/contacts/add/``), within the user's reach for
        ``action``; 404 otherwise."""
        return get_object_or_404(
            model.objects.restrict(self.request.user, action), pk=self.kwargs[url_kwarg]
        )

    def get_extra_context(self, obj=None) -> dict:
        """What a page shows besides the generic context: the one hook every generic view
        calls, with the record it shows (``None`` on list and import pages)."""
        return {}

    def base_context(self, **extra) -> dict:
        opts = self.model._meta
        return {
            "model": self.model,
            "verbose_name": opts.verbose_name,
            "verbose_name_plural": opts.verbose_name_plural,
            "new_title": new_title(self.model),
            "list_url": reverse_or_none(url_name(self.model, "list")),
            **extra,
        }

    def page_context(self, obj=None, **extra) -> dict:
        """The generic context of a page about ``obj``, then the view's extra context."""
        return {**self.base_context(**extra), **self.get_extra_context(obj)}


def new_title(model) -> str:
    """The title of the page adding a ``model`` record: the model's own ``new_title``, whose
    adjective agrees with the noun in Russian ("Новое соглашение", "Новый контакт"), else
    the generic "New <verbose name>"."""
    declared = getattr(model, "new_title", None)
    if declared:
        return str(declared)
    return _("New %(verbose_name)s") % {"verbose_name": model._meta.verbose_name}


def _add_errors(form, exc: ValidationError) -> None:
    """Put a service's errors beside the fields they name, the rest above the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _display(record, field, value) -> str:
    if value in (None, ""):
        return "—"
    if getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        target = field.related_model._base_manager.filter(pk=value).first()
        return str(target) if target else f"#{value}"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return format_datetime(value)
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)
