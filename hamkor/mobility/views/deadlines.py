"""The deadlines board: guests' and foreign students' registrations, visas and passports,
travellers' trip reports, most urgent first, a page at a time. The rules are in
:mod:`hamkor.mobility.deadlines`, the sources in :mod:`hamkor.mobility.board`; this only
shows them."""

from __future__ import annotations

from django import forms
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import View

from hamkor.accounts.models import OrgUnit
from hamkor.core.forms import BootstrapMixin
from hamkor.mobility.board import SOURCES, deadline_board
from hamkor.mobility.deadlines import DeadlineKind, deadline_rules
from hamkor.mobility.personal import may_see_personal_data

PAGE_SIZE = 50


def _who_choices():
    return [("", _("Everyone")), *((name, source.label) for name, source in SOURCES.items())]


class DeadlineFilterForm(BootstrapMixin, forms.Form):
    """The board's filters; a value that is not understood is left out, never an error."""

    who = forms.ChoiceField(label=_("Whose deadlines"), required=False, choices=_who_choices)

    within = forms.TypedChoiceField(
        label=_("Due within"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", _("Any time")),
            (7, _("7 days")),
            (30, _("30 days")),
            (90, _("90 days")),
        ],
    )
    faculty = forms.ModelChoiceField(
        label=_("Faculty or unit"),
        required=False,
        empty_label=_("All"),
        queryset=OrgUnit.objects.filter(
            institution__is_home=True, kind=OrgUnit.Kind.FACULTY, is_active=True
        ).order_by("name_uz"),
    )


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
        form = DeadlineFilterForm(request.GET)
        filters = form.cleaned_data if form.is_valid() else {}
        kind = request.GET.get("kind", "")
        if kind not in DeadlineKind.values:
            kind = ""
        board = deadline_board(
            user_or_queryset=request.user,
            today=today,
            kinds=[kind] if kind else None,
            within_days=filters.get("within"),
            faculty=filters.get("faculty"),
            sources=[filters["who"]] if filters.get("who") else None,
        )
        counts = board.counts()
        page = Paginator(board, PAGE_SIZE).get_page(request.GET.get("page"))
        # The links of the kind pills and of the pages keep the other filters.
        query = request.GET.copy()
        for name in ("kind", "page"):
            query.pop(name, None)
        context = {
            "deadlines": page.object_list,
            "page": page,
            "form": form,
            "query": query.urlencode(),
            "kind_query": f"{query.urlencode()}&kind={kind}" if kind else query.urlencode(),
            "today": today,
            "kind": kind,
            "kinds": [(count.kind, count.label, count.total) for count in counts],
            "total": sum(count.total for count in counts),
            "overdue": sum(count.overdue for count in counts if not kind or count.kind == kind),
            "show_personal": may_see_personal_data(request.user),
            "rules": deadline_rules(),
        }
        return render(request, self.template_name, context)
