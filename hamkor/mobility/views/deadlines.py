"""The deadlines board: guests' registrations, visas, passports and trip reports, most urgent
first. The rules are in :mod:`hamkor.mobility.reminders`; this only shows them."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from hamkor.mobility.personal import may_see_personal_data
from hamkor.mobility.reminders import DeadlineKind, deadline_rules, deadlines_upcoming


class MobilityDeadlinesView(LoginRequiredMixin, View):
    """Staff who may read mobilities; visa and passport numbers for personal-data holders."""

    permission = "mobility.view_mobility"
    template_name = "mobility/deadlines.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        today = timezone.localdate()
        deadlines = deadlines_upcoming(user_or_queryset=request.user, today=today)
        counts = Counter(deadline.kind for deadline in deadlines)
        kind = request.GET.get("kind", "")
        if kind in DeadlineKind.values:
            deadlines = [deadline for deadline in deadlines if deadline.kind == kind]
        else:
            kind = ""
        context = {
            "deadlines": deadlines,
            "today": today,
            "kind": kind,
            "kinds": [(value, label, counts[value]) for value, label in DeadlineKind.choices],
            "total": sum(counts.values()),
            "overdue": sum(1 for deadline in deadlines if deadline.overdue),
            "show_personal": may_see_personal_data(request.user),
            "rules": deadline_rules(),
        }
        return render(request, self.template_name, context)
