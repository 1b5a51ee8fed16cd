"""The office's pages of a call's selection: the averaged scores and their spread, the
ranking and allocation (computed, then changed by hand with a reason), and its files: the
replay file (JSON), the workbook of applications and scores (XLSX) and the ranking for the
committee's minutes (PDF)."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from hamkor.calls.committee_forms import SelectionChangeForm
from hamkor.calls.committee_selectors import office_reads_scores, score_summary
from hamkor.calls.committee_views import PermissionView, call_context
from hamkor.calls.models import Application, Call, SelectionChange
from hamkor.calls.selection_exports import ranking_pdf, scores_xlsx
from hamkor.calls.selection_services import (
    application_key,
    application_label,
    selection_change,
    selection_compute,
    selection_export,
)
from hamkor.core.exporting import XLSX_TYPE, export_logged
from hamkor.core.services import StaleObjectError
from hamkor.core.views.generic.base import _add_errors


def _scores_page(call: Call) -> str:
    return reverse("calls:call_scores", args=[call.pk])


class OfficeView(PermissionView):
    """The office's (and leadership's) reading of the scores; a committee member, who sees
    only their own scores, is refused."""

    def allowed(self, user) -> bool:
        return office_reads_scores(user) and (not self.permission or user.has_perm(self.permission))


class CallScoresView(OfficeView):
    def get(self, request, pk):
        call = self.call_of(pk)
        criteria, rows = score_summary(call=call)
        changes = (
            SelectionChange.objects.filter(application__call=call)
            .select_related("application__person", "actor")
            .order_by("-changed_at", "-id")
        )
        context = {
            **call_context(call),
            "criteria": criteria,
            "rows": [(row, application_key(row.application)) for row in rows],
            "places": call.places.select_related("institution").order_by("pk"),
            "changes": changes,
            "ranked": any(row.application.rank for row in rows),
            "may_select": request.user.has_perm("calls.transition_call")
            and call.status == Call.Status.EVALUATION,
            "may_export": request.user.has_perm("calls.export_score"),
        }
        return render(request, "calls/call_scores.html", context)


class SelectionComputeView(OfficeView):
    permission = "calls.transition_call"

    def post(self, request, pk):
        call = self.call_of(pk)
        try:
            outcome = selection_compute(call=call, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Ranking computed: %(selected)s selected, %(reserve)s on the reserve list.")
                % {"selected": len(outcome.allocation), "reserve": len(outcome.reserve)},
            )
        return HttpResponseRedirect(_scores_page(call))


class SelectionChangeView(OfficeView):
    """The office changes one application's result by hand, giving the reason."""

    permission = "calls.transition_call"

    def application(self, pk) -> Application:
        return get_object_or_404(
            Application.objects.restrict(self.request.user, "view").select_related(
                "call", "person", "allocated_place__institution"
            ),
            pk=pk,
        )

    def get(self, request, pk):
        application = self.application(pk)
        return self.render(application, SelectionChangeForm(application=application))

    def post(self, request, pk):
        application = self.application(pk)
        form = SelectionChangeForm(request.POST, application=application)
        if form.is_valid():
            data = form.cleaned_data
            try:
                selection_change(
                    application=application,
                    outcome=data["outcome"],
                    place=data["place"],
                    reason=data["reason"],
                    actor=request.user,
                    expected_version=data["_version"],
                )
            except StaleObjectError as exc:
                _add_errors(form, exc)
                return self.render(application, form, status=409)
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, _("The change is recorded with its reason."))
                return HttpResponseRedirect(_scores_page(application.call))
        return self.render(application, form, status=400)

    def render(self, application, form, status=200):
        context = {
            **call_context(application.call),
            "application": application,
            "label": application_label(application),
            "form": form,
        }
        return render(self.request, "calls/selection_change.html", context, status=status)


class ExportView(OfficeView):
    permission = "calls.export_score"

    def stamp(self, call: Call, extension: str) -> str:
        # Every file of the selection is named here: each is noted in the security log.
        export_logged(
            request=self.request, name="calls.selection", export_format=extension, target=call
        )
        return f"selection-call-{call.pk}-{timezone.localdate().isoformat()}.{extension}"


class SelectionFileView(ExportView):
    """The replay file: ``hamkor calls replay`` reads it (the format is in selection_file)."""

    def get(self, request, pk):
        call = self.call_of(pk)
        try:
            content = selection_export(call=call)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return HttpResponseRedirect(_scores_page(call))
        response = HttpResponse(
            json.dumps(content, indent=1, ensure_ascii=False) + "\n",
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.stamp(call, "json")}"'
        response["Cache-Control"] = "private, no-store"
        return response


class ScoresWorkbookView(ExportView):
    def get(self, request, pk):
        call = self.call_of(pk)
        response = FileResponse(
            scores_xlsx(call=call, user=request.user),
            as_attachment=True,
            filename=self.stamp(call, "xlsx"),
            content_type=XLSX_TYPE,
        )
        response["Cache-Control"] = "private, no-store"
        return response


class RankingPdfView(ExportView):
    def get(self, request, pk):
        call = self.call_of(pk)
        if not Application.objects.filter(call=call, rank__isnull=False).exists():
            messages.error(request, _("Compute the ranking first."))
            return HttpResponseRedirect(_scores_page(call))
        response = HttpResponse(ranking_pdf(call=call), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{self.stamp(call, "pdf")}"'
        response["Cache-Control"] = "private, no-store"
        return response
