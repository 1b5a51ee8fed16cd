"""Strategy targets against the actual figures: reached, not reached, ahead, behind, pro rata;
bad input."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory, put_in_status
from hamkor.mobility.models import Mobility
from hamkor.reports.indicator_forms import TargetForm
from hamkor.reports.indicator_services import target_save
from hamkor.reports.models import Target
from hamkor.reports.targets import targets_progress, year_elapsed
from hamkor.reports.tests.indicator_factories import (
    TargetFactory,
    UniversityYearFactory,
    exchange,
    partner,
)

D = datetime.date
# 1 July 2026: 182 of the year's 365 days gone by.
MID_2026 = D(2026, 7, 1)
pytestmark = pytest.mark.django_db


def progress(year: int, faculty=None, today=MID_2026) -> dict:
    return {row.key: row for row in targets_progress(year, faculty, today=today)}


def outgoing(home, count: int, start: D):
    other = partner()
    for _ in range(count):
        exchange(home, other, direction=Mobility.Direction.OUTGOING, start=start)


def test_a_past_year_is_reached_or_not_reached(home):
    outgoing(home, 10, D(2025, 3, 1))
    TargetFactory(key="outbound_exchange", year=2025, value=10)
    TargetFactory(key="inbound_exchange", year=2025, value=5)
    rows = progress(2025)
    assert (rows["outbound_exchange"].state, rows["outbound_exchange"].percent) == (
        "reached",
        Decimal("100.0"),
    )
    # The year is over: a target missed is not "behind" (as if it could still be caught up).
    assert rows["inbound_exchange"].state == "not_reached"
    assert rows["inbound_exchange"].state_label == "not reached"
    assert rows["inbound_exchange"].percent == Decimal("0.0")
    assert rows["outbound_exchange"].expected is None


def test_the_current_year_is_judged_pro_rata(home):
    outgoing(home, 60, D(2026, 2, 1))
    TargetFactory(key="outbound_exchange", year=2026, value=100)  # expected 50 by July
    TargetFactory(key="agreements_signed", year=2026, value=10)  # none signed: behind
    rows = progress(2026)
    assert rows["outbound_exchange"].expected == Decimal("50")
    assert rows["outbound_exchange"].state == "ahead"
    assert rows["outbound_exchange"].state_label == "ahead"
    assert rows["agreements_signed"].state == "behind"
    # By December the same 60 are behind the 96 then expected.
    assert progress(2026, today=D(2026, 12, 15))["outbound_exchange"].state == "behind"


def test_a_figure_that_does_not_grow_is_compared_with_the_whole_target(home):
    UniversityYearFactory(year=2026, students_total=1000, international_students=40)
    TargetFactory(key="international_students_share", year=2026, value=Decimal("5.0"))
    row = progress(2026, today=D(2026, 11, 1))["international_students_share"]
    assert row.actual == Decimal("4.0") and row.expected is None
    assert row.state == "behind" and row.percent == Decimal("80.0")


def test_a_year_not_begun_is_upcoming_and_a_missing_total_unknown(home):
    TargetFactory(key="outbound_exchange", year=2027, value=200)
    TargetFactory(key="international_students_share", year=2026, value=2)
    assert progress(2027)["outbound_exchange"].state == "upcoming"
    row = progress(2026)["international_students_share"]
    assert row.state == "unknown" and row.actual is None
    assert row.reason == "Enter the number of students for 2026."


def test_achievements_count_over_the_calendar_year(home):
    for signed, country in (
        (D(2025, 1, 1), "DE"),
        (D(2025, 12, 31), "FR"),
        (D(2024, 12, 31), "IT"),
    ):
        made = AgreementFactory(
            signed_on=signed, valid_from=signed, partners=[PartnerFactory(country=country)]
        )
        put_in_status(made, "active")
    TargetFactory(key="agreements_signed", year=2025, value=2)
    TargetFactory(key="agreement_countries", year=2025, value=3)
    rows = progress(2025)
    assert rows["agreements_signed"].actual == 2 and rows["agreements_signed"].state == "reached"
    assert (
        rows["agreement_countries"].actual == 2
        and rows["agreement_countries"].state == "not_reached"
    )


def test_a_faculty_has_its_own_targets_and_figures(home, faculty_a, faculty_b):
    other = partner()
    exchange(home, other, unit=faculty_a)
    exchange(home, other, unit=faculty_b)
    TargetFactory(key="inbound_exchange", year=2025, value=1, faculty=faculty_a)
    TargetFactory(key="inbound_exchange", year=2025, value=5)
    assert progress(2025, faculty_a)["inbound_exchange"].actual == 1
    assert progress(2025)["inbound_exchange"].actual == 2
    assert progress(2025, faculty_b) == {}


def test_year_elapsed_is_the_share_of_days_gone_by():
    assert year_elapsed(2025, MID_2026) == 1
    assert year_elapsed(2027, MID_2026) == 0
    assert year_elapsed(2026, D(2026, 12, 31)) == 1
    assert year_elapsed(2026, MID_2026) == Decimal(182) / Decimal(365)


# --- Bad input -----------------------------------------------------------------------------


def form(**data) -> TargetForm:
    return TargetForm({"key": "outbound_exchange", "year": 2026, "value": "10", **data})


def test_a_duplicate_target_is_refused(home, officer):
    TargetFactory(key="outbound_exchange", year=2026)
    refused = form()
    assert not refused.is_valid()
    assert "already a target for this figure" in str(refused.errors["key"])
    with pytest.raises(ValidationError):
        target_save(target=Target(key="outbound_exchange", year=2026, value=5), actor=officer)
    # Another faculty's, or the university's in another year, are other targets.
    assert form(year=2025).is_valid()


def test_a_negative_or_unknown_target_is_refused(home, faculty_a):
    negative = form(value="-5")
    assert not negative.is_valid() and "value" in negative.errors
    unknown = form(key="nobel_prizes")
    assert not unknown.is_valid() and "not one of the available choices" in str(unknown.errors)
    share = form(key="international_students_share", faculty=faculty_a.pk)
    assert not share.is_valid()
    assert "whole university" in str(share.errors["faculty"])


def test_a_country_count_is_a_target_like_any_other(home):
    assert form(key="agreement_countries", value="13").is_valid()
