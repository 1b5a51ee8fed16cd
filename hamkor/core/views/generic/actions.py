"""A form about one record (a step of its status, a renewal, an amendment), and the status
step page every model with named transitions shares.

:class:`ObjectActionView` shows the form (``make_form``) and, posted, calls the domain's
service (``perform``) in a way that puts a refusal beside the fields it names; nothing else
is written per model. :class:`ObjectStepView` is the page behind a step's button on a
record's page (:mod:`hamkor.core.transitions`): the fallback when scripts are off, and where
a refused step says why; a subclass gives the step's form and the service's call.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from hamkor.core import transitions
from hamkor.core.views.generic.base import ObjectPermissionMixin, _add_errors


class ObjectActionView(ObjectPermissionMixin, View, ABC):
    """A form about one record the user may change; ``permission`` is the one it needs
    (by default the model's ``change``)."""

    action = "change"
    permission = ""
    template_name = "core/object_action.html"
    title = ""
    intro = ""
    submit_label = gettext_lazy("Save")
    submit_class = "btn-primary"
    cancel_label = gettext_lazy("Cancel")

    def get_required_permission(self) -> str:
        return self.permission or super().get_required_permission()

    def get_object(self, action: str | None = None):
        return super().get_object(action or "change")

    @abstractmethod
    def make_form(self, obj, data=None):
        """The form of this action, bound to ``data`` when posted."""

    @abstractmethod
    def perform(self, obj, form) -> str:
        """Call the service; answer the page to go to. Raise ValidationError to refuse."""

    def add_refusal(self, form, exc: ValidationError) -> None:
        """Put the service's refusal on the form: beside the fields it names, else above."""
        _add_errors(form, exc)

    def badge(self, obj) -> str:
        """The record's status, shown beside the title."""
        return ""

    def get(self, request, pk, **kwargs):
        obj = self.get_object()
        return self.render(obj, self.make_form(obj))

    def post(self, request, pk, **kwargs):
        obj = self.get_object()
        form = self.make_form(obj, request.POST)
        if form.is_valid():
            try:
                return HttpResponseRedirect(self.perform(obj, form))
            except ValidationError as exc:
                self.add_refusal(form, exc)
        return self.render(obj, form, status=400)

    def render(self, obj, form, status=200):
        context = self.page_context(
            obj,
            object=obj,
            form=form,
            title=self.title,
            intro=self.intro,
            submit_label=self.submit_label,
            submit_class=self.submit_class,
            cancel_label=self.cancel_label,
            status_badge=self.badge(obj),
        )
        return render(self.request, self.template_name, context, status=status)


class ObjectStepView(ObjectActionView):
    """The page of the named step ``name`` of the record ``pk``: the step's permission is
    the model's ``transition``; steps the system takes by itself are not offered unless
    ``automatic_steps`` says so."""

    action = "transition"
    automatic_steps = False
    cancel_label = gettext_lazy("Back")

    def dispatch(self, request, *args, **kwargs):
        self.step = transitions.step_get(self.model, kwargs.get("name", ""))
        if self.step is None or (self.step.automatic and not self.automatic_steps):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @abstractmethod
    def take_step(self, obj, form):
        """Take the step through the domain's service; answer the record."""

    def perform(self, obj, form) -> str:
        obj = self.take_step(obj, form)
        messages.success(
            self.request,
            _("%(record)s is now “%(status)s”.")
            % {"record": self.record_name(obj), "status": obj.get_status_display()},
        )
        return obj.get_absolute_url()

    def record_name(self, obj) -> str:
        return str(obj)

    def render(self, obj, form, status=200):
        self.title = self.submit_label = self.step.label_for(obj)
        self.submit_class = self.step.button.replace("btn-outline-", "btn-")
        return super().render(obj, form, status)

    def get_extra_context(self, obj=None) -> dict:
        return {"step": self.step}
