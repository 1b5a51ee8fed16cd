"""Utilisation with mobilities recorded: realised against places, counted cheaply in lists."""

from __future__ import annotations

import datetime

import pytest

from hamkor.agreements.selectors import (
    agreement_utilisation_total,
    realised_mobilities,
    realised_mobilities_bulk,
)
from hamkor.agreements.tests.factories import AgreementFactory, MobilityQuotaFactory

pytestmark = pytest.mark.django_db

mobility_models = pytest.importorskip("hamkor.mobility.models")


def mobility(
    agreement, home, *, kind="student_study", start, status="completed", direction="outgoing"
):
    Mobility = mobility_models.Mobility
    person = mobility_models.Person.objects.create(
        category="student", last_name="Karimov", first_name="Aziz"
    )
    partner = agreement.parties.first().institution
    return Mobility.objects.create(
        person=person,
        direction=direction,
        kind=kind,
        programme="bilateral",
        agreement=agreement,
        sending_institution=home if direction == "outgoing" else partner,
        receiving_institution=partner if direction == "outgoing" else home,
        planned_start=start,
        planned_end=start + datetime.timedelta(days=120),
        status=status,
    )


@pytest.fixture
def agreement(home):
    agreement = AgreementFactory(status="active")
    MobilityQuotaFactory(agreement=agreement, places_per_year=2, first_year=2024, last_year=2025)
    MobilityQuotaFactory(
        agreement=agreement,
        mobility_kind="staff_training",
        places_per_year=1,
        first_year=2024,
        last_year=2024,
    )
    mobility(agreement, home, start=datetime.date(2024, 9, 15))  # 2024/25
    mobility(agreement, home, start=datetime.date(2025, 2, 1))  # still 2024/25
    mobility(agreement, home, start=datetime.date(2025, 9, 20), status="planned")  # not counted
    mobility(agreement, home, kind="research", start=datetime.date(2024, 10, 1))  # staff training
    return agreement


def test_realised_mobilities_count_against_places(agreement):
    assert agreement_utilisation_total(agreement) == (3, 5)


def test_bulk_count_of_the_list_matches_the_mobility_app_count(agreement, home):
    other = AgreementFactory(status="active")
    mobility(other, home, kind="staff_teaching", start=datetime.date(2023, 11, 1))
    bulk = realised_mobilities_bulk([agreement.pk, other.pk])
    assert bulk[agreement.pk] == realised_mobilities(agreement)
    assert bulk[other.pk] == realised_mobilities(other)


def test_list_shows_realised_over_places_in_a_constant_number_of_queries(
    as_user, agreement, home, django_assert_max_num_queries
):
    client = as_user("officer")
    response = client.get("/staff/agreements/")
    assert ">3/5</span>" in response.text
    for _n in range(20):
        more = AgreementFactory(status="active")
        MobilityQuotaFactory(agreement=more)
        mobility(more, home, start=datetime.date(2024, 10, 1))
    with django_assert_max_num_queries(17) as few:
        client.get("/staff/agreements/", {"per_page": 25})
    with django_assert_max_num_queries(17) as many:
        client.get("/staff/agreements/", {"per_page": 100})
    assert len(many.captured_queries) == len(few.captured_queries)
