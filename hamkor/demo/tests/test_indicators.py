"""The demo data's indicators step: the university's totals for 2022-2026, targets some
reached and some missed, 2024 closed; saved through the services, nothing added twice."""

from __future__ import annotations

import io

from django.utils import timezone

from hamkor.core.management.commands.demo_data import STEPS
from hamkor.demo import indicators as demo_indicators
from hamkor.reports.indicators import indicator_years
from hamkor.reports.models import Target, UniversityYear
from hamkor.reports.targets import targets_progress


def test_the_totals_of_five_years_and_2024_closed(demo):
    assert set(UniversityYear.objects.values_list("year", flat=True)) >= set(range(2022, 2027))
    closed = UniversityYear.objects.get(year=2024)
    assert closed.is_closed and closed.closed_by is not None
    assert closed.snapshot["values"]["partner_institutions"]["value"]
    years = indicator_years(range(2022, 2027))
    assert all(y.values["international_students_share"].value for y in years)
    assert "hamkor.demo.indicators.load" in STEPS
    assert "2024 closed" in demo


def test_targets_are_reached_and_missed(demo):
    states = {
        row.state for year in (2025, timezone.localdate().year) for row in targets_progress(year)
    }
    assert "reached" in states and states & {"not_reached", "behind"}
    record = Target.objects.get(key="outbound_exchange", year=2026, faculty__isnull=True)
    assert record.history.last().history_change_reason == "demo.loaded"


def test_a_second_run_adds_nothing(demo):
    before = (UniversityYear.objects.count(), Target.objects.count())
    demo_indicators.load(io.StringIO())
    assert (UniversityYear.objects.count(), Target.objects.count()) == before
