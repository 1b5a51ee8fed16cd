"""The Erasmus+ budget planner page: planned lines in, each line's grant and the total out."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from hamkor.grants.planner import PlanForm, PlanLineFormSet, call_year_default, plan_compute


class ErasmusPlannerView(LoginRequiredMixin, View):
    """Nothing is saved: the page computes what the lines typed in would cost."""

    template_name = "grants/planner.html"
    permission = "grants.view_erasmusindividualrate"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        form = PlanForm(
            initial={"call_year": call_year_default(timezone.localdate().year), "action": "KA171"}
        )
        return self.render(form, PlanLineFormSet(prefix="lines"))

    def post(self, request):
        form = PlanForm(request.POST)
        lines = PlanLineFormSet(request.POST, prefix="lines")
        if not (form.is_valid() and lines.is_valid()):
            return self.render(form, lines, status=400)
        filled = [line.cleaned_data for line in lines.forms if line.cleaned_data]
        plan = plan_compute(
            call_year=form.cleaned_data["call_year"],
            action=form.cleaned_data["action"],
            lines=filled,
        )
        return self.render(form, lines, plan=plan)

    def render(self, form, lines, *, plan=None, status=200):
        context = {"form": form, "lines": lines, "plan": plan}
        return render(self.request, self.template_name, context, status=status)
