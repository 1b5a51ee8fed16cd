"""The API of institutions and contacts: the list pages' filters and scoping."""

from __future__ import annotations

import pytest

from hamkor.agreements.models import Agreement, AgreementParty
from hamkor.partners.models import Contact, Institution, RankingEntry
from hamkor.partners.tests.factories import InstitutionFactory


@pytest.fixture
def world(home):
    msu = InstitutionFactory(
        name="МГУ", name_en="Lomonosov Moscow State University", country="RU", partnership="active"
    )
    ankara = InstitutionFactory(name_en="Ankara University", partnership="prospect")
    seville = InstitutionFactory(name_en="University of Seville", country="ES")
    for institution, rank in ((msu, 94), (ankara, 801)):
        RankingEntry.objects.create(
            institution=institution,
            ranking="qs_world",
            year=2027,
            rank=str(rank),
            rank_low=rank,
            rank_high=rank,
        )
    agreement = Agreement.objects.create(reference="MOU-2025-001", kind="mou", title="MoU")
    AgreementParty.objects.create(agreement=agreement, institution=ankara)
    Contact.objects.create(institution=ankara, full_name="Ayşe Yılmaz", email="a@ankara.edu.tr")
    Contact.objects.create(institution=msu, full_name="Elena Petrova")
    return {"msu": msu, "ankara": ankara, "seville": seville}


def test_api_lists_partners_with_the_list_pages_filters(as_user, world):
    client = as_user("coordinator")
    data = client.get("/api/v1/institutions/", {"qs_top": 100}).json()
    assert [row["name_en"] for row in data["results"]] == ["Lomonosov Moscow State University"]
    row = data["results"][0]
    assert (row["country"], row["latest_qs_rank"], row["agreements_count"]) == ("RU", "94", 0)
    assert client.get("/api/v1/institutions/").json()["count"] == 2  # partners only
    everyone = client.get("/api/v1/institutions/", {"show": "all"}).json()
    assert everyone["count"] == 4  # the directory and the home university


def test_api_counts_agreements_without_a_query_per_row(
    as_user, world, django_assert_max_num_queries
):
    agreement = Agreement.objects.get()
    for _n in range(12):
        AgreementParty.objects.create(
            agreement=agreement, institution=InstitutionFactory(partnership="active")
        )
    client = as_user("leadership")
    client.get("/api/v1/institutions/")
    with django_assert_max_num_queries(10):
        data = client.get("/api/v1/institutions/", {"show": "all"}).json()
    counts = {row["name_en"]: row["agreements_count"] for row in data["results"]}
    assert counts["Ankara University"] == 1


def test_api_reads_a_directory_institution_by_its_id(as_user, world):
    response = as_user("leadership").get(f"/api/v1/institutions/{world['seville'].pk}/")
    assert response.json()["partnership"] == "none"


def test_api_lists_contacts_searchable_by_institution(as_user, world):
    client = as_user("coordinator")
    data = client.get("/api/v1/contacts/", {"institution": world["ankara"].pk}).json()
    assert [row["full_name"] for row in data["results"]] == ["Ayşe Yılmaz"]
    data = client.get("/api/v1/contacts/", {"q": "petrova"}).json()
    assert [row["institution"] for row in data["results"]] == [world["msu"].pk]


@pytest.mark.parametrize("url", ["/api/v1/institutions/", "/api/v1/contacts/"])
def test_api_refuses_incomplete_records_and_applicants(as_user, world, url):
    # Written through the API (hamkor/api/tests/test_writes.py); an incomplete one is a 400.
    assert as_user("officer").post(url, {"name": "X"}).status_code == 400
    assert as_user("applicant").get(url).status_code == 403
    assert not Institution.objects.filter(name="X").exists()
