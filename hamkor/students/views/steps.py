"""The step page of a record with named transitions: the fallback of the buttons on its
page, and where a refused step shows why. Students and requests share it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import View

from hamkor.core import transitions
from hamkor.core.views import generic
from hamkor.students.forms import StepForm
from hamkor.students.tables import status_badge


class StepView(generic.ObjectPermissionMixin, View):
    """``service(record=..., name=..., actor=..., reason=..., on=...)`` takes the step."""

    action = "transition"
    template_name = "students/step.html"
    record_argument = ""

    def service(self, **kwargs):
        raise NotImplementedError

    def dispatch(self, request, *args, **kwargs):
        self.step = transitions.step_get(self.queryset.model, kwargs.get("name", ""))
        if self.step is None or self.step.automatic:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk, name):
        record = self.get_object("change")
        return self.render(record, StepForm(step=self.step))

    def post(self, request, pk, name):
        record = self.get_object("change")
        form = StepForm(request.POST, step=self.step)
        if form.is_valid():
            try:
                record = self.service(
                    **{self.record_argument: record},
                    name=self.step.name,
                    actor=request.user,
                    reason=form.cleaned_data.get("reason", ""),
                    on=form.cleaned_data.get("on"),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _("%(record)s is now “%(status)s”.")
                    % {"record": record, "status": record.get_status_display()},
                )
                return HttpResponseRedirect(record.get_absolute_url())
        return self.render(record, form, status=400)

    def render(self, record, form, status=200):
        context = self.base_context(
            object=record,
            form=form,
            step=self.step,
            title=self.step.label,
            status_badge=status_badge(record),
        )
        return render(self.request, self.template_name, context, status=status)
