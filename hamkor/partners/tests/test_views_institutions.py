"""Institutions: the partner list over the world directory, the partner's page, creating
with the similar-names warning, merging duplicates, and what a coordinator may do."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from hamkor.agreements.models import Agreement, AgreementParty
from hamkor.core.tests.exports import csv_rows
from hamkor.partners.models import Contact, Institution, Interaction, RankingEntry
from hamkor.partners.tests.factories import InstitutionFactory

LIST = "/staff/institutions/"


def partner(**fields) -> Institution:
    return InstitutionFactory(partnership=Institution.Partnership.ACTIVE, **fields)


def rank(institution, year, text, low, high=None, ranking=RankingEntry.Ranking.QS_WORLD):
    return RankingEntry.objects.create(
        institution=institution,
        ranking=ranking,
        year=year,
        rank=text,
        rank_low=low,
        rank_high=low if high is None else high,
    )


def agreement_with(*institutions, reference="MOU-2024-001", **fields) -> Agreement:
    fields = {
        "kind": Agreement.Kind.MOU,
        "title": "Memorandum",
        "status": Agreement.Status.ACTIVE,
        **fields,
    }
    agreement = Agreement.objects.create(reference=reference, **fields)
    for institution in institutions:
        AgreementParty.objects.create(agreement=agreement, institution=institution)
    return agreement


@pytest.fixture
def world(home):
    """Three partners and two institutions of the bare directory."""
    ankara = partner(
        name="Ankara Üniversitesi",
        name_en="Ankara University",
        acronym="AU",
        erasmus_code="TR ANKARA01",
        country="TR",
        city="Ankara",
    )
    msu = partner(
        name="Московский государственный университет",
        name_en="Lomonosov Moscow State University",
        acronym="MSU",
        country="RU",
        city="Moscow",
        kind=Institution.Kind.UNIVERSITY,
    )
    kaist = InstitutionFactory(
        name="KAIST",
        name_en="Korea Advanced Institute of Science and Technology",
        country="KR",
        city="Daejeon",
        partnership=Institution.Partnership.PROSPECT,
        kind=Institution.Kind.RESEARCH,
    )
    InstitutionFactory(name="Universidad de Sevilla", name_en="University of Seville", country="ES")
    InstitutionFactory(name="Universität Wien", name_en="University of Vienna", country="AT")
    rank(msu, 2026, "87", 87)
    rank(msu, 2027, "94", 94)
    rank(ankara, 2027, "801-850", 801, 850)
    rank(kaist, 2026, "53", 53)
    agreement_with(ankara)
    return {"ankara": ankara, "msu": msu, "kaist": kaist}


def names_listed(response) -> set[str]:
    return {row[0] for row in csv_rows(response)[1:]}


def export(client, **query) -> set[str]:
    return names_listed(client.get(LIST, {**query, "export": "csv"}))


# --- The list ------------------------------------------------------------------------------


def test_institution_list_shows_partners_and_not_the_directory_by_default(as_user, world):
    response = as_user("officer").get(LIST)
    assert response.status_code == 200
    assert "Ankara University" in response.text
    assert "Korea Advanced Institute" in response.text  # a prospect: a partner to be
    assert "University of Seville" not in response.text
    assert "Kokand State University" not in response.text  # the home university


def test_institution_list_searches_the_whole_directory_when_asked(as_user, world):
    client = as_user("officer")
    assert export(client, q="Seville") == set()
    assert export(client, q="Seville", show="all") == {"University of Seville"}


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("ankara", "Ankara University"),  # the original and English names
        ("Üniversitesi", "Ankara University"),
        ("MSU", "Lomonosov Moscow State University"),  # the acronym
        ("TR ANKARA", "Ankara University"),  # the Erasmus code
        ("Daejeon", "Korea Advanced Institute of Science and Technology"),  # the city
    ],
)
def test_institution_list_searches_names_acronym_erasmus_code_and_city(
    as_user, world, typed, found
):
    assert export(as_user("officer"), q=typed) == {found}


def test_institution_list_filters_by_country_kind_and_partnership(as_user, world):
    client = as_user("officer")
    assert export(client, country="RU") == {"Lomonosov Moscow State University"}
    assert export(client, kind="research") == {"Korea Advanced Institute of Science and Technology"}
    assert export(client, partnership="active") == {
        "Ankara University",
        "Lomonosov Moscow State University",
    }


def test_institution_list_finds_the_qs_top_n_of_the_latest_edition_by_default(as_user, world):
    client = as_user("officer")
    # 2027 is the latest edition loaded: KAIST was ranked in 2026 only.
    assert export(client, qs_top=100) == {"Lomonosov Moscow State University"}
    # A band counts when it ends within the top N: "801-850" is not in the top 820.
    assert export(client, qs_top=820) == {"Lomonosov Moscow State University"}
    assert export(client, qs_top=850) == {"Ankara University", "Lomonosov Moscow State University"}


def test_institution_list_finds_the_qs_top_n_of_a_chosen_edition(as_user, world):
    assert export(as_user("officer"), qs_top=90, qs_year=2026) == {
        "Lomonosov Moscow State University",
        "Korea Advanced Institute of Science and Technology",
    }


def test_institution_list_filters_those_with_agreements(as_user, world):
    client = as_user("officer")
    assert export(client, has_agreements="true") == {"Ankara University"}
    assert "Ankara University" not in export(client, has_agreements="false")


def test_institution_list_shows_country_name_latest_qs_rank_and_agreements(as_user, world):
    response = as_user("officer").get(LIST, {"export": "csv"})
    rows = csv_rows(response)
    assert rows[0] == [
        "Name",
        "Name (original)",
        "Country",
        "City",
        "Kind",
        "Partnership",
        "Latest QS rank",
        "QS year",
        "Agreements",
    ]
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["Lomonosov Moscow State University"][2:] == [
        "Russia",
        "Moscow",
        "University",
        "Active partner",
        "94",
        "2027",
        "0",
    ]
    assert by_name["Ankara University"][-3:] == ["801-850", "2027", "1"]


def test_institution_list_shows_countries_in_the_readers_language(as_user, world, officer):
    officer.language = "ru"
    officer.save(update_fields=["language"])
    response = as_user("officer").get(LIST, HTTP_ACCEPT_LANGUAGE="ru")
    assert "Россия" in response.text


def test_institution_list_sorts_by_the_latest_qs_rank(as_user, world):
    text = as_user("officer").get(LIST, {"sort": "qs_rank"}).text
    assert text.index("Lomonosov Moscow") < text.index("Ankara University")


@pytest.mark.parametrize("query", ["qs_top=abc", "qs_year=0", "show=planet", "country=XX"])
def test_institution_list_answers_nonsense_with_partners_only(as_user, world, query):
    response = as_user("officer").get(f"{LIST}?{query}")
    assert response.status_code == 200
    assert "University of Seville" not in response.text


def test_institution_list_queries_do_not_grow_with_the_page_size(
    as_user, home, django_assert_max_num_queries
):
    institutions = Institution.objects.bulk_create(
        Institution(name=f"Partner {n:03}", country="TR", partnership="active") for n in range(260)
    )
    RankingEntry.objects.bulk_create(
        RankingEntry(
            institution=i,
            ranking="qs_world",
            year=2027,
            rank=str(n + 1),
            rank_low=n + 1,
            rank_high=n + 1,
        )
        for n, i in enumerate(institutions)
    )
    agreement_with(*institutions[:40])
    client = as_user("officer")
    client.get(LIST)  # warm the session and permission caches
    # 11: the menu asks once whether the user travels (the "My exchanges" entry).
    with django_assert_max_num_queries(11):
        response = client.get(LIST, {"per_page": 25})
    assert response.text.count("/staff/institutions/") >= 25
    with django_assert_max_num_queries(11):
        response = client.get(LIST, {"per_page": 250, "qs_top": 1000, "has_agreements": "true"})
    assert "40 records" in response.text


# --- The partner's page ------------------------------------------------------------------


@pytest.fixture
def partner_page(world, officer):
    ankara = world["ankara"]
    Contact.objects.create(
        institution=ankara,
        full_name="Ayşe Yılmaz",
        position="Erasmus+ coordinator",
        email="ayse@ankara.edu.tr",
        is_primary=True,
    )
    Interaction.objects.create(
        institution=ankara,
        kind=Interaction.Kind.VIDEO,
        date=datetime.date(2025, 3, 1),
        summary="Talked about staff exchange",
        owner=officer,
        follow_up_on=datetime.date(2025, 3, 15),
    )
    Interaction.objects.create(
        institution=ankara,
        kind=Interaction.Kind.EMAIL,
        date=datetime.date(2025, 5, 2),
        summary="Sent the draft memorandum",
        owner=officer,
    )
    rank(ankara, 2026, "851-900", 851, 900)
    rank(ankara, 2027, "701-750", 701, 750, ranking=RankingEntry.Ranking.QS_EECA)
    return reverse("partners:institution_detail", kwargs={"pk": ankara.pk})


def test_partner_page_shows_agreements_contacts_interactions_and_rankings(as_user, partner_page):
    text = as_user("leadership").get(partner_page).text
    assert "MOU-2024-001" in text
    assert "Memorandum of understanding" in text
    assert "Ayşe Yılmaz" in text
    assert "ayse@ankara.edu.tr" in text
    # Interactions latest first, with the follow-up.
    assert text.index("Sent the draft memorandum") < text.index("Talked about staff exchange")
    assert "Follow-up overdue since" in text
    # Ranking history: a row per ranking, a column per edition.
    assert "QS World University Rankings" in text
    assert "QS Emerging Europe and Central Asia" in text
    assert text.index("801-850") < text.index("851-900")
    assert "TR ANKARA01" in text


def test_partner_page_offers_documents_and_history(as_user, partner_page):
    text = as_user("officer").get(partner_page).text
    assert "Documents" in text
    assert 'name="file"' in text  # an officer may attach a file
    assert f'href="{partner_page}history/"' in text


def test_partner_page_offers_editing_to_an_officer_only(as_user, partner_page):
    officer_page = as_user("officer").get(partner_page).text
    assert "/edit/" in officer_page
    assert "Merge a duplicate into this one" in officer_page
    assert "Add a contact" in officer_page
    coordinator_page = as_user("coordinator").get(partner_page).text
    assert "Ayşe Yılmaz" in coordinator_page
    for offer in ("/edit/", "Merge a duplicate", "Add a contact", "Add an interaction", "/delete/"):
        assert offer not in coordinator_page, offer


def test_partner_page_of_a_directory_institution_opens(as_user, world):
    seville = Institution.objects.get(name_en="University of Seville")
    response = as_user("coordinator").get(seville.get_absolute_url())
    assert response.status_code == 200
    assert "Not a partner" in response.text


def test_partner_page_queries_do_not_grow_with_its_records(
    as_user, partner_page, world, officer, django_assert_max_num_queries
):
    client = as_user("officer")
    client.get(partner_page)
    with django_assert_max_num_queries(30) as few:
        client.get(partner_page)
    for n in range(10):
        Interaction.objects.create(
            institution=world["ankara"], kind="call", date="2024-01-01", summary=f"Call {n}"
        )
        Contact.objects.create(institution=world["ankara"], full_name=f"Person {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(partner_page)


# --- Creating, with the similar-names warning --------------------------------------------

NEW = {
    "name": "Ankara Universitesi",
    "name_en": "",
    "kind": "university",
    "country": "TR",
    "city": "Ankara",
    "partnership": "prospect",
    "website": "https://www.ankara.edu.tr",
}


def test_institution_create_warns_about_similar_ones_and_keeps_what_was_typed(as_user, world):
    response = as_user("officer").post("/staff/institutions/add/", NEW)
    assert response.status_code == 400
    assert "Similar institutions exist already" in response.text
    assert world["ankara"].get_absolute_url() in response.text
    assert "It is a different institution" in response.text
    assert 'value="https://www.ankara.edu.tr"' in response.text
    assert Institution.objects.filter(name="Ankara Universitesi").count() == 0


def test_institution_create_saves_once_confirmed_different(as_user, world, officer):
    response = as_user("officer").post(
        "/staff/institutions/add/", {**NEW, "confirm_different": "on"}
    )
    created = Institution.objects.get(name="Ankara Universitesi")
    assert response.status_code == 302
    assert response["Location"] == created.get_absolute_url()
    assert created.history.get().history_user == officer


def test_institution_create_without_a_similar_name_saves_at_once(as_user, world):
    response = as_user("officer").post(
        "/staff/institutions/add/", {**NEW, "name": "Hacettepe Üniversitesi"}
    )
    assert response.status_code == 302
    assert Institution.objects.filter(name="Hacettepe Üniversitesi").exists()


def test_institution_create_form_has_no_confirmation_box_until_needed(as_user, world):
    text = as_user("officer").get("/staff/institutions/add/").text
    assert "It is a different institution" not in text
    assert 'value="prospect" selected' in text


def test_institution_edit_keeps_its_own_name_without_a_warning(as_user, world):
    ankara = world["ankara"]
    response = as_user("officer").post(
        f"/staff/institutions/{ankara.pk}/edit/",
        {**NEW, "name": ankara.name, "name_en": "Ankara University", "_version": 1},
    )
    assert response.status_code == 302


# --- Merging duplicates -------------------------------------------------------------------


@pytest.fixture
def duplicates(world, officer):
    keep = world["ankara"]
    duplicate = InstitutionFactory(
        name="Ankara University", name_en="Ankara University", country="TR", pic="999888777"
    )
    Contact.objects.create(institution=duplicate, full_name="Mehmet Kaya")
    Interaction.objects.create(
        institution=duplicate, kind="call", date="2024-10-01", summary="First call"
    )
    rank(duplicate, 2027, "801-850", 801, 850)  # the kept one has this edition already
    rank(duplicate, 2025, "851-900", 851, 900)
    agreement_with(duplicate, reference="CA-2023-004", kind=Agreement.Kind.COOPERATION)
    return keep, duplicate


def merge_url(keep) -> str:
    return reverse("partners:institution_merge", kwargs={"pk": keep.pk})


def test_institution_merge_suggests_similar_names_and_finds_by_search(as_user, duplicates):
    keep, duplicate = duplicates
    client = as_user("officer")
    text = client.get(merge_url(keep)).text
    assert f"?duplicate={duplicate.pk}" in text  # suggested: same name, same country
    text = client.get(merge_url(keep), {"q": "Seville"}).text
    seville = Institution.objects.get(name_en="University of Seville")
    assert f"?duplicate={seville.pk}" in text
    assert f"?duplicate={keep.pk}" not in text


def test_institution_merge_confirmation_counts_what_moves(as_user, duplicates):
    keep, duplicate = duplicates
    text = as_user("officer").get(merge_url(keep), {"duplicate": duplicate.pk}).text
    assert "Contacts: 1" in text
    assert "Interactions: 1" in text
    assert "Ranking entries: 2" in text
    assert "Agreements (as a party): 1" in text
    assert Institution.objects.filter(pk=duplicate.pk).exists()  # nothing happened yet


def test_institution_merge_moves_everything_and_deletes_the_duplicate(as_user, duplicates, officer):
    keep, duplicate = duplicates
    response = as_user("officer").post(merge_url(keep), {"duplicate": duplicate.pk})
    assert response.status_code == 302
    assert response["Location"] == keep.get_absolute_url()
    assert not Institution.objects.filter(pk=duplicate.pk).exists()
    keep.refresh_from_db()
    assert keep.pic == "999888777"  # a blank filled from the duplicate
    assert set(keep.contacts.values_list("full_name", flat=True)) == {"Mehmet Kaya"}
    assert keep.interactions.count() == 1
    assert sorted(keep.rankings.values_list("year", flat=True)) == [2025, 2027]
    assert set(keep.agreements.values_list("reference", flat=True)) == {
        "MOU-2024-001",
        "CA-2023-004",
    }
    record = keep.history.first()
    assert record.history_user == officer
    assert record.history_change_reason == f"partners.institution.merged:{duplicate.pk}"
    text = as_user("officer").get(keep.get_absolute_url()).text
    assert "was merged into" in text


def test_institution_merge_refuses_the_home_university(as_user, duplicates, home):
    keep, _duplicate = duplicates
    response = as_user("officer").post(merge_url(keep), {"duplicate": home.pk})
    assert response.status_code == 400
    assert Institution.objects.filter(pk=home.pk).exists()


@pytest.mark.parametrize("persona", ["coordinator", "leadership"])
def test_institution_merge_needs_the_merge_permission(as_user, duplicates, persona):
    keep, duplicate = duplicates
    response = as_user(persona).post(merge_url(keep), {"duplicate": duplicate.pk})
    assert response.status_code == 403
    assert Institution.objects.filter(pk=duplicate.pk).exists()


# --- A coordinator reads every partner and changes none -----------------------------------


def test_coordinator_reads_and_exports_every_partner(as_user, world):
    client = as_user("coordinator")
    assert export(client) == {
        "Ankara University",
        "Lomonosov Moscow State University",
        "Korea Advanced Institute of Science and Technology",
    }
    assert client.get(world["msu"].get_absolute_url()).status_code == 200


def test_coordinator_cannot_create_edit_delete_or_import_partners(as_user, world):
    client = as_user("coordinator")
    msu = world["msu"]
    assert client.post("/staff/institutions/add/", NEW).status_code == 403
    edit = client.post(f"/staff/institutions/{msu.pk}/edit/", {**NEW, "_version": 1})
    assert edit.status_code == 403
    assert client.post(f"/staff/institutions/{msu.pk}/delete/").status_code == 403
    assert client.get("/staff/institutions/import/").status_code == 403
    msu.refresh_from_db()
    assert msu.name_en == "Lomonosov Moscow State University"
    assert not Institution.objects.filter(name="Ankara Universitesi").exists()
