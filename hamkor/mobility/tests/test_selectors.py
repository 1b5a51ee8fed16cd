"""Facts computed from the records: the host's QS rank for the year, teaching for foreign
students, the agreement's utilisation, the dated status changes."""

from __future__ import annotations

import datetime

import pytest

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory
from hamkor.mobility.models import Mobility
from hamkor.mobility.selectors import (
    at_qs_top,
    mobility_counts_by_agreement,
    mobility_status_changes,
    teaching_foreign_students,
    with_host_qs_rank,
)
from hamkor.mobility.services import mobility_transition
from hamkor.mobility.tests.test_services import MobilityFactory
from hamkor.partners.models import RankingEntry

D = datetime.date

pytestmark = pytest.mark.django_db


def qs(institution, year: int, rank: str, low: int, high: int | None) -> RankingEntry:
    return RankingEntry.objects.create(
        institution=institution,
        ranking=RankingEntry.Ranking.QS_WORLD,
        year=year,
        rank=rank,
        rank_low=low,
        rank_high=high,
    )


def ranked(mobility: Mobility) -> Mobility:
    return with_host_qs_rank(Mobility.objects.filter(pk=mobility.pk)).get()


@pytest.fixture
def host(home):
    host = PartnerFactory(name="Universität Wien")
    qs(host, 2023, "651-700", 651, 700)
    qs(host, 2025, "801-850", 801, 850)
    qs(host, 2026, "1001-1200", 1001, 1200)
    return host


def test_host_qs_rank_uses_the_newest_edition_published_by_the_year(host):
    # Edition 2025 appeared in mid-2024: a mobility in 2024 is judged by it, not by 2026's.
    mobility = ranked(
        MobilityFactory(
            receiving_institution=host, planned_start=D(2024, 10, 1), planned_end=D(2024, 10, 8)
        )
    )

    assert (mobility.host_qs_edition, mobility.host_qs_label, mobility.host_qs_rank) == (
        2025,
        "801-850",
        850,
    )


def test_host_qs_rank_falls_back_to_the_earliest_edition(host):
    mobility = ranked(
        MobilityFactory(
            receiving_institution=host, planned_start=D(2019, 5, 1), planned_end=D(2019, 5, 8)
        )
    )

    assert (mobility.host_qs_edition, mobility.host_qs_label) == (2023, "651-700")


def test_host_qs_rank_reads_the_actual_start_once_known(host):
    mobility = MobilityFactory(
        receiving_institution=host,
        planned_start=D(2025, 12, 1),
        planned_end=D(2025, 12, 8),
        actual_start=D(2023, 2, 1),
        actual_end=D(2023, 2, 8),
    )

    assert ranked(mobility).host_qs_edition == 2023


def test_host_qs_rank_of_an_open_ended_band_is_not_the_top_1000(home):
    host = PartnerFactory()
    qs(host, 2024, "901-950", 901, 950)
    qs(host, 2027, "1401+", 1401, None)
    mobility = MobilityFactory(
        receiving_institution=host, planned_start=D(2026, 4, 1), planned_end=D(2026, 4, 5)
    )

    assert (ranked(mobility).host_qs_edition, ranked(mobility).host_qs_label) == (2027, "1401+")
    assert not at_qs_top(Mobility.objects.all()).exists()


def test_at_qs_top_keeps_mobilities_at_hosts_ranked_1000_or_better(host, home):
    inside = MobilityFactory(  # QS 2025: 801-850
        receiving_institution=host, planned_start=D(2024, 3, 1), planned_end=D(2024, 3, 5)
    )
    MobilityFactory(receiving_institution=host)  # 2025, so QS 2026: 1001-1200
    MobilityFactory()  # an unranked host

    assert list(at_qs_top(Mobility.objects.all())) == [inside]


def test_at_qs_top_agrees_with_the_host_rank_of_every_year(host, home):
    """The per-year sets give, year by year, the answer of the correlated subqueries: before
    the first edition, between editions, and after the last, for a host that moves in and
    out of the top 1000 and one ranked in the middle years only."""
    late = PartnerFactory(name="Late entrant")
    qs(late, 2025, "990", 990, None)
    both = (host, late)
    for year in range(2018, 2030):
        for institution in both:
            MobilityFactory(
                receiving_institution=institution,
                planned_start=D(year, 6, 1),
                planned_end=D(year, 6, 8),
            )
    mobilities = Mobility.objects.all()
    expected = {
        m.pk for m in with_host_qs_rank(mobilities) if m.host_qs_rank and m.host_qs_rank <= 1000
    }

    inside = set(at_qs_top(mobilities).values_list("pk", flat=True))
    outside = set(at_qs_top(mobilities, inside=False).values_list("pk", flat=True))

    assert inside == expected
    assert outside == set(mobilities.values_list("pk", flat=True)) - expected
    assert {2018, 2023, 2024, 2029} <= {
        Mobility.objects.get(pk=pk).planned_start.year for pk in inside
    }


def test_teaching_foreign_students_is_staff_teaching_at_a_foreign_host(home):
    teaching = MobilityFactory()
    MobilityFactory(kind=Mobility.Kind.STAFF_TRAINING)
    MobilityFactory(incoming=True)

    assert list(teaching_foreign_students(Mobility.objects.all())) == [teaching]


def test_mobility_counts_for_agreement_counts_what_happened_by_year(home):
    partner = PartnerFactory()
    agreement = AgreementFactory(partners=[partner], status=Agreement.Status.ACTIVE)
    for start, status in (
        (D(2024, 9, 10), Mobility.Status.COMPLETED),
        (D(2025, 2, 10), Mobility.Status.IN_PROGRESS),
        (D(2025, 9, 10), Mobility.Status.PLANNED),  # not yet carried out
    ):
        MobilityFactory(
            agreement=agreement,
            receiving_institution=partner,
            planned_start=start,
            planned_end=start + datetime.timedelta(days=6),
            status=status,
        )

    assert mobility_counts_by_agreement([agreement.pk]) == {
        agreement.pk: {(2024, "outgoing", "staff_teaching"): 2}
    }


def test_mobility_status_changes_lists_each_step_with_who_and_why(officer, home):
    mobility = MobilityFactory()
    mobility = mobility_transition(mobility=mobility, name="nominate", actor=officer)
    mobility = mobility_transition(
        mobility=mobility, name="cancel", actor=officer, reason="The host withdrew"
    )

    changes = mobility_status_changes(mobility)

    assert [c.label for c in changes] == ["Planned", "Nominated", "Cancelled"]
    assert changes[-1].by == officer
    assert changes[-1].note == "The host withdrew"
