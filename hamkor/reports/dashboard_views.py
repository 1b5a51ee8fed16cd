"""The dashboard: key figures, charts with their tables, the partner map; and each table's
download. Every staff role opens it; a coordinator sees their own faculty's numbers only."""

from __future__ import annotations

import re

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.http import Http404, HttpResponsePermanentRedirect, StreamingHttpResponse
from django.http.response import FileResponse
from django.shortcuts import render
from django.utils import translation
from django.views import View

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty
from hamkor.accounts.models import OrgUnit
from hamkor.core.dates import format_long_date
from hamkor.core.exporting import XLSX_TYPE, csv_lines, export_logged, xlsx_file
from hamkor.reports import dashboard, figures_cache
from hamkor.reports.dashboard_forms import DashboardForm, renamed_query

EXPORT_FORMATS = ("csv", "xlsx")
# Characters a spreadsheet refuses in a sheet's name.
SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")


class DashboardMixin(LoginRequiredMixin, PermissionRequiredMixin):
    # Logged-in users without the staff area get 403; the anonymous go to the login page.
    permission_required = "accounts.staff_area"

    def dispatch(self, request, *args, **kwargs):
        # A bookmark with the period's old names (start, end) lands on the current ones.
        renamed = renamed_query(request.GET)
        if renamed is not None:
            return HttpResponsePermanentRedirect(f"{request.path}?{renamed.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def faculty_form(self) -> tuple[DashboardForm | None, bool]:
        """The filters bound to the address, and whether the user may see any figure (a
        coordinator whose account names no faculty may not)."""
        faculty = coordinator_faculty(self.request.user)
        if faculty is None:
            return None, False
        forced = None if faculty is UNLIMITED else OrgUnit.objects.get(pk=faculty)
        # Always bound: an address without filters is valid and gives the defaults.
        return DashboardForm(self.request.GET, faculty=forced), True


class DashboardView(DashboardMixin, View):
    def get(self, request):
        form, allowed = self.faculty_form()
        context = {"form": form, "allowed": allowed}
        if form is not None and form.is_valid():
            context.update(dashboard_context(form.period, request))
        return render(request, "reports/dashboard.html", context)


def chart_language(language: str) -> str:
    """The page's language as the browser's number formats name it (``uz-Cyrl``)."""
    return translation.to_locale(language).replace("_", "-")


def dashboard_context(period, request) -> dict:
    """The page's figures, charts and map: from the cache unless a counted record changed
    (``reports/figures_cache.py``); only the address is the request's own."""
    language = chart_language(translation.get_language())
    # A committee member reads the figures but not the institutions list: no links there.
    linked = request.user.has_perm("partners.view_institution")
    context = figures_cache.cached(
        request,
        "dashboard",
        period,
        lambda: _computed_context(period, language, linked=linked),
        "linked" if linked else "plain",
    )
    return {**context, "query": request.GET.urlencode()}


def _computed_context(period, language: str, *, linked: bool) -> dict:
    tables = dashboard.chart_tables(period)
    charts = []
    for table in tables:
        headers, rows = dashboard.table_rows(table)
        charts.append(
            {
                "table": table,
                "headers": headers,
                "rows": rows,
                "totals": dashboard.table_totals(table),
                "data": dashboard.chart_data(table, language),
                "element_id": f"chart-data-{table.key}",
                "narrow": len(table.columns) == 1,
            }
        )
    countries = dashboard.partner_map(period, linked=linked)
    return {
        "period": period,
        "period_label": dashboard.period_label(period),
        "on_label": format_long_date(period.on),
        "figures": dashboard.key_figures(period),
        "charts": charts,
        # The partner countries are those of the day ``on``, not of the period.
        "empty": all(table.empty for table in tables if table.key != "partner_countries"),
        "map_countries": countries,
        "map_data": dashboard.map_data(countries),
        "map_bands": dashboard.map_bands(),
        "chart_language": language,
    }


class DashboardExportView(DashboardMixin, View):
    """``/staff/reports/dashboard/<table>.csv`` (or ``.xlsx``) for the period and faculty of
    the address: the table as the page shows it, plain values."""

    def get(self, request, table: str, extension: str):
        chart = dashboard.TABLES.get(table)
        if chart is None or extension not in EXPORT_FORMATS:
            raise Http404
        form, allowed = self.faculty_form()
        if not allowed:
            raise Http404
        if not form.is_valid():
            # The page with the form's errors, never a file: the download link names what it
            # receives as the table's file, so an error must not come with status 200.
            return render(
                request, "reports/dashboard.html", {"form": form, "allowed": True}, status=400
            )
        result = chart(form.period)
        headers, rows = dashboard.table_rows(result)
        name = f"{table.replace('_', '-')}-{form.period.start}-{form.period.end}.{extension}"
        export_logged(
            request=request,
            name=f"reports.dashboard.{table}",
            export_format=extension,
            rows=len(rows),
            filters={"from": form.period.start, "to": form.period.end},
        )
        if extension == "csv":
            response = StreamingHttpResponse(
                csv_lines(headers, rows), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = f'attachment; filename="{name}"'
        else:
            output = xlsx_file(headers, rows, title=SHEET_TITLE_FORBIDDEN.sub(" ", result.title))
            response = FileResponse(
                output, as_attachment=True, filename=name, content_type=XLSX_TYPE
            )
        response["Cache-Control"] = "private, no-store"
        return response
