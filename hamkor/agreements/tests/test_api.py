"""The read-only agreements API: the list page's filters and scoping."""

from __future__ import annotations

import pytest

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, MobilityQuotaFactory, PartnerFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/agreements/"


@pytest.fixture
def agreements(faculty_a):
    active = AgreementFactory(
        reference="MOU-2024-001",
        status=Agreement.Status.ACTIVE,
        partners=[PartnerFactory(name="Korea University", country="KR")],
        units=[faculty_a],
    )
    MobilityQuotaFactory(agreement=active)
    draft = AgreementFactory(reference="CA-2025-001", kind="cooperation")
    return active, draft


def test_api_lists_agreements_with_parties_and_quotas(as_user, agreements):
    response = as_user("leadership").get(URL)
    assert response.status_code == 200
    rows = {row["reference"]: row for row in response.json()["results"]}
    assert set(rows) == {"MOU-2024-001", "CA-2025-001"}
    active = rows["MOU-2024-001"]
    assert active["parties"][0]["country"] == "KR"
    assert active["parties"][0]["name"] == "Korea University"
    assert active["quotas"][0]["places_per_year"] == 2


def test_api_uses_the_list_filters(as_user, agreements):
    response = as_user("officer").get(URL, {"country": "KR"})
    assert [row["reference"] for row in response.json()["results"]] == ["MOU-2024-001"]
    response = as_user("officer").get(URL, {"status": "draft", "q": "CA-2025"})
    assert [row["reference"] for row in response.json()["results"]] == ["CA-2025-001"]


def test_api_answers_one_agreement(as_user, agreements):
    active, _draft = agreements
    response = as_user("coordinator_b").get(f"{URL}{active.pk}/")
    assert response.json()["reference"] == "MOU-2024-001"


def test_api_is_read_only(as_user, agreements):
    active, _draft = agreements
    client = as_user("officer")
    assert client.post(URL, {"title": "x"}).status_code == 405
    assert client.delete(f"{URL}{active.pk}/").status_code == 405


def test_api_refuses_applicants_and_anonymous_visitors(as_user, agreements):
    assert as_user("applicant").get(URL).status_code == 403
    from django.test import Client

    assert Client().get(URL).status_code == 403
