"""The annual report's page: choose the year, the language and the format; the report is
made by a background job, whose page shows its progress and then offers the file."""

from __future__ import annotations

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views import View

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty
from hamkor.accounts.models import OrgUnit
from hamkor.core.models import Job
from hamkor.reports.annual_forms import YEARS_LIST, AnnualReportForm
from hamkor.reports.annual_job import FacultyRefused, annual_report_start
from hamkor.reports.annual_tables import years_with_data

RECENT = 5  # the user's latest reports listed under the form


class AnnualReportView(LoginRequiredMixin, View):
    template_name = "reports/annual/page.html"
    permission = "accounts.staff_area"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def coordinator_unit(self) -> OrgUnit | None:
        own = coordinator_faculty(self.request.user)
        if own is UNLIMITED or own is None:
            return None
        return OrgUnit.objects.filter(pk=own).first()

    def get(self, request):
        years = years_with_data()
        last_year = timezone.localdate().year - 1
        initial = {
            "year": next((y for y in years if y <= last_year), last_year),
            "language": translation.get_language(),
            "export_format": "pdf",
        }
        form = AnnualReportForm(initial=initial, coordinator_unit=self.coordinator_unit())
        return self.render(form, years)

    def post(self, request):
        form = AnnualReportForm(request.POST, coordinator_unit=self.coordinator_unit())
        if form.is_valid():
            data = form.cleaned_data
            try:
                job = annual_report_start(
                    owner=request.user,
                    year=data["year"],
                    language=data["language"],
                    export_format=data["export_format"],
                    faculty=data["faculty"],
                )
            except FacultyRefused:
                form.add_error(
                    None, _("Your account is not linked to a faculty: ask an administrator.")
                )
            else:
                return redirect(job.get_absolute_url())
        return self.render(form, years_with_data(), status=400)

    def render(self, form, years, *, status=200):
        recent = Job.objects.filter(owner=self.request.user, kind=Job.Kind.ANNUAL_REPORT)[:RECENT]
        context = {"form": form, "years": years, "years_list": YEARS_LIST, "recent": recent}
        return render(self.request, self.template_name, context, status=status)
