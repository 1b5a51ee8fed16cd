"""Staff pages of the ranking indicators and the strategy targets: the two report pages,
and thin generic views of the university's years and the targets, writing through
:mod:`hamkor.reports.indicator_services`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty
from hamkor.accounts.models import OrgUnit
from hamkor.core.validators import is_number
from hamkor.core.views import generic
from hamkor.reports import indicator_forms as forms
from hamkor.reports.indicator_filters import TargetFilterSet, UniversityYearFilterSet
from hamkor.reports.indicator_services import (
    target_save,
    university_year_close,
    university_year_delete,
    university_year_reopen,
    university_year_save,
)
from hamkor.reports.indicator_tables import TargetTable, UniversityYearTable
from hamkor.reports.indicators import (
    INDICATORS,
    PERCENT,
    Value,
    indicator_years,
    snapshot_values,
)
from hamkor.reports.models import Target, UniversityYear
from hamkor.reports.targets import KEYS, targets_progress

# The indicators page shows this many years, the current one last.
YEARS_SHOWN = 5


# --- The indicators page -------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """A year's value of an indicator: the reported one (the snapshot of a closed year) and,
    when it differs, the live one."""

    shown: Value
    live: Value | None
    closed: bool


def _cells(computed, key: str) -> list[Cell]:
    cells = []
    for year in computed:
        live = year.values[key]
        kept = snapshot_values(year.year, year.snapshot).get(key) if year.snapshot else None
        if kept is None:
            cells.append(Cell(live, None, False))
        else:
            cells.append(Cell(kept, live if live.value != kept.value else None, True))
    return cells


class IndicatorsView(generic.ObjectPermissionMixin, View):
    """The ranking indicators of the last five years, with their definitions."""

    queryset = UniversityYear.objects.all()

    def get(self, request):
        today = timezone.localdate()
        years = range(today.year - YEARS_SHOWN + 1, today.year + 1)
        computed = indicator_years(years, today=today)
        user = request.user
        may_add = user.has_perm("reports.add_universityyear")
        columns = []
        for year in computed:
            record = year.record
            columns.append(
                {
                    "year": year.year,
                    "record": record,
                    "inputs": year.inputs,
                    "edit_url": record.get_absolute_url() if record else None,
                    "add_url": f"{reverse('reports:universityyear_add')}?year={year.year}"
                    if may_add and record is None
                    else None,
                }
            )
        rows = [
            {"indicator": indicator, "cells": _cells(computed, indicator.key)}
            for indicator in INDICATORS
        ]
        context = self.base_context(columns=columns, rows=rows, percent=PERCENT, today=today)
        return render(request, "reports/indicators.html", context)


# --- The targets' progress page ------------------------------------------------------------


def _chosen_year(request, today: datetime.date) -> int:
    raw = request.GET.get("year", "")
    if not raw:
        return today.year
    try:
        year = int(raw)
    except ValueError:
        year = 0
    if not 2000 <= year <= 2100:
        messages.warning(
            request,
            _("“%(year)s” is not a year: the targets of %(default)d are shown.")
            % {"year": raw[:20], "default": today.year},
        )
        return today.year
    return year


def _chosen_faculty(request) -> OrgUnit | None:
    """A coordinator's own faculty; else the faculty of ``?faculty=`` (a code), if any."""
    own = coordinator_faculty(request.user)
    if own is not UNLIMITED:
        if own is None:
            raise PermissionDenied
        return OrgUnit.objects.get(pk=own)
    code = request.GET.get("faculty", "")
    if not code:
        return None
    faculty = OrgUnit.objects.filter(
        institution__is_home=True, kind=OrgUnit.Kind.FACULTY, code=code
    ).first()
    if faculty is None:
        messages.warning(
            request,
            _("There is no faculty with the code “%(code)s”: the whole university is shown.")
            % {"code": code[:40]},
        )
    return faculty


class TargetsProgressView(generic.ObjectPermissionMixin, View):
    """Targets of a year against the actual values, as a table and a chart."""

    queryset = Target.objects.all()

    def get(self, request):
        today = timezone.localdate()
        year = _chosen_year(request, today)
        faculty = _chosen_faculty(request)
        rows = targets_progress(year, faculty, today=today)
        chart = {
            "labels": [row.label for row in rows],
            "percent": [float(row.percent) if row.percent is not None else None for row in rows],
            "expected": [
                float(row.expected * 100 / row.value) if row.expected and row.value else None
                for row in rows
            ],
            "names": {
                "percent": _("Reached, in percent of the target"),
                "expected": _("Expected by today, in percent"),
            },
        }
        years = sorted(
            {today.year, year, *Target.objects.values_list("year", flat=True).distinct()}
        )
        context = self.base_context(
            rows=rows,
            year=year,
            years=years,
            faculty=faculty,
            faculties=OrgUnit.objects.filter(
                institution__is_home=True, kind=OrgUnit.Kind.FACULTY, is_active=True
            ).order_by("code")
            if coordinator_faculty(request.user) is UNLIMITED
            else [],
            current=year == today.year,
            chart=chart,
            can_add=request.user.has_perm("reports.add_target"),
            today=today,
        )
        return render(request, "reports/targets.html", context)


# --- University years ----------------------------------------------------------------------

YEARS = UniversityYear.objects.select_related("closed_by")


class UniversityYearListView(generic.ObjectListView):
    queryset = YEARS
    filterset_class = UniversityYearFilterSet
    table_class = UniversityYearTable


class UniversityYearDetailView(generic.ObjectDetailView):
    queryset = YEARS

    def get_extra_context(self, obj):
        user = self.request.user
        [computed] = indicator_years([obj.year])
        kept = snapshot_values(obj.year, obj.snapshot) if obj.is_closed else {}
        return {
            "live": computed,
            "rows": [
                {"indicator": i, "live": computed.values[i.key], "kept": kept.get(i.key)}
                for i in INDICATORS
            ],
            "kept_inputs": obj.snapshot.get("inputs", {}) if obj.is_closed else {},
            "percent": PERCENT,
            "can_close": not obj.is_closed
            and obj.year < timezone.localdate().year
            and user.has_perm("reports.close_universityyear"),
            "can_reopen": obj.is_closed and user.has_perm("reports.reopen_universityyear"),
            # A closed year is not deleted (university_year_delete): no button for it.
            **({"delete_url": None} if obj.is_closed else {}),
        }


class UniversityYearHistoryView(generic.ObjectHistoryView):
    queryset = YEARS


class UniversityYearEditView(generic.ObjectEditView):
    queryset = YEARS
    form_class = forms.UniversityYearForm

    def get_initial_object(self):
        record = UniversityYear()
        year = self.request.GET.get("year", "")
        if is_number(year) and 2000 <= int(year) <= 2100:
            record.year = int(year)
        return record

    def save(self, form, *, expected_version):
        return university_year_save(
            record=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class UniversityYearDeleteView(generic.ObjectDeleteView):
    queryset = YEARS

    def delete(self, obj):
        university_year_delete(record=obj, actor=self.request.user)


class UniversityYearCloseView(generic.ObjectPermissionMixin, View):
    """Confirm, then close the year (its snapshot is taken now)."""

    queryset = YEARS
    action = "close"

    def get(self, request, pk):
        record = self.get_object("view")
        [computed] = indicator_years([record.year])
        context = self.base_context(
            object=record,
            rows=[{"indicator": i, "live": computed.values[i.key]} for i in INDICATORS],
            percent=PERCENT,
        )
        return render(request, "reports/universityyear_close.html", context)

    def post(self, request, pk):
        record = self.get_object("view")
        try:
            university_year_close(record=record, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The year %(year)d is closed.") % {"year": record.year})
        return HttpResponseRedirect(record.get_absolute_url())


class UniversityYearReopenView(generic.ObjectPermissionMixin, View):
    """Reopen a closed year, with the reason (administrators only)."""

    queryset = YEARS
    action = "reopen"

    def get(self, request, pk):
        record = self.get_object("view")
        return self.render(record, forms.UniversityYearReopenForm())

    def post(self, request, pk):
        record = self.get_object("view")
        form = forms.UniversityYearReopenForm(request.POST)
        if form.is_valid():
            try:
                university_year_reopen(
                    record=record, actor=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as exc:
                generic._add_errors(form, exc)
            else:
                messages.success(
                    request, _("The year %(year)d is open again.") % {"year": record.year}
                )
                return HttpResponseRedirect(record.get_absolute_url())
        return self.render(record, form, status=400)

    def render(self, record, form, status=200):
        context = self.base_context(object=record, form=form)
        return render(self.request, "reports/universityyear_reopen.html", context, status=status)


# --- Strategy targets ----------------------------------------------------------------------

TARGETS = Target.objects.select_related("faculty")


class TargetListView(generic.ObjectListView):
    queryset = TARGETS
    filterset_class = TargetFilterSet
    table_class = TargetTable


class TargetDetailView(generic.ObjectDetailView):
    queryset = TARGETS

    def get_extra_context(self, obj):
        progress = [
            row for row in targets_progress(obj.year, obj.faculty) if row.target.pk == obj.pk
        ]
        return {"progress": progress[0] if progress else None}


class TargetHistoryView(generic.ObjectHistoryView):
    queryset = TARGETS


class TargetEditView(generic.ObjectEditView):
    queryset = TARGETS
    form_class = forms.TargetForm

    def get_initial_object(self):
        target = Target(year=timezone.localdate().year)
        key, year = self.request.GET.get("key", ""), self.request.GET.get("year", "")
        if key in KEYS:
            target.key = key
        if is_number(year) and 2000 <= int(year) <= 2100:
            target.year = int(year)
        return target

    def save(self, form, *, expected_version):
        return target_save(
            target=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class TargetDeleteView(generic.ObjectDeleteView):
    queryset = TARGETS
