"""The global search: every spelling of a name finds the same rows, within the user's scope."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from conftest import login
from hamkor.accounts.tests.factories import UserFactory
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory
from hamkor.core.search import search_key
from hamkor.mobility.tests.test_services import MobilityFactory, PersonFactory, StaffFactory
from hamkor.partners.models import Institution
from hamkor.partners.tests.factories import InstitutionFactory

SPELLINGS = ["Qo'qon", "Qoʻqon", "Qo‘qon", "Qo’qon", "Қўқон", "QOʻQON", "қўқон"]
URL = reverse("workbench:search")


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_search_key_makes_every_spelling_alike(spelling):
    assert search_key(spelling) == "qoqon"


def test_search_key_drops_accents_and_transliterates_uzbek_cyrillic():
    assert search_key("Universität Wien") == "universitat wien"
    assert search_key("Ғарб Ўзбекистон", "Тошкент") == "garb ozbekiston toshkent"
    assert search_key("Ереван", "Иванова") == "yerevan ivanova"


@pytest.fixture
def kokand(home, faculty_a):
    """Rows named after Kokand in different scripts, and one unrelated row of each kind.

    The home university of the tests is in Kokand too (Qoʻqon davlat universiteti)."""
    partner = PartnerFactory(name="Qoʻqon Pedagogika Instituti", name_en="Kokand Pedagogical")
    directory = InstitutionFactory(name="Қўқон университети")  # not a partner
    InstitutionFactory(name="Samarkand State University", partnership="active")
    agreement = AgreementFactory(title="Exchange with Qo'qon", partners=[])
    partner_agreement = AgreementFactory(title="Memorandum", partners=[partner])
    AgreementFactory(title="Unrelated memorandum")
    person = StaffFactory(last_name="Qoqonov", first_name="Ali", org_unit=faculty_a)
    person_cyrillic = PersonFactory(last_name="Aliyev", name_original="Қўқонов Алишер")
    PersonFactory(last_name="Smith")
    mobility = MobilityFactory(person=person, receiving_institution=partner)
    return {
        "institutions": {home, partner, directory},
        "agreements": {agreement, partner_agreement},
        "people": {person, person_cyrillic},
        "mobilities": {mobility},
    }


def _found(response) -> dict[str, set]:
    return {group.key: set(group.rows) for group in response.context["groups"]}


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_search_each_spelling_finds_the_same_rows(as_user, kokand, spelling):
    response = as_user("officer").get(URL, {"q": spelling})

    assert response.status_code == 200
    assert _found(response) == kokand


def test_search_lists_partners_before_the_directory(as_user, kokand):
    response = as_user("officer").get(URL, {"q": "qoqon"})

    institutions = next(g for g in response.context["groups"] if g.key == "institutions")
    assert [i.partnership for i in institutions.rows][:2] == ["active", "none"]


@pytest.mark.parametrize(
    ("kind", "list_name"),
    [
        ("institutions", "partners:institution_list"),
        ("agreements", "agreements:agreement_list"),
        ("people", "mobility:person_list"),
        ("mobilities", "mobility:mobility_list"),
    ],
)
def test_search_see_all_opens_the_list_with_the_same_count(as_user, kokand, kind, list_name):
    client = as_user("officer")
    group = next(g for g in client.get(URL, {"q": "Қўқон"}).context["groups"] if g.key == kind)

    assert group.list_url.startswith(reverse(list_name))
    listed = client.get(group.list_url)
    assert listed.context["table"].paginator.count == group.total == len(kokand[kind])


def test_search_limits_each_group_and_counts_all(as_user, home):
    for number in range(7):
        PartnerFactory(name=f"Qo'qon College {number}")

    response = as_user("officer").get(URL, {"q": "qoqon college"})

    (group,) = response.context["groups"]
    assert len(group.rows) == 5
    assert group.total == 7
    assert "See all 7" in response.content.decode()


def test_search_finds_a_passport_only_for_those_who_may_read_personal_data(
    as_user, home, faculty_a
):
    person = StaffFactory(last_name="Karimov", org_unit=faculty_a, passport_number="FA1234567")
    MobilityFactory(person=person)

    officer_found = _found(as_user("officer").get(URL, {"q": "fa1234567"}))
    coordinator_found = _found(as_user("coordinator").get(URL, {"q": "FA1234567"}))

    assert officer_found["people"] == {person}
    assert len(officer_found["mobilities"]) == 1
    assert coordinator_found == {}


def test_search_shows_no_passport_in_the_results(as_user, home):
    PersonFactory(last_name="Karimov", passport_number="FA7654321")

    response = as_user("officer").get(URL, {"q": "Karimov"})

    assert "Karimov" in response.content.decode()
    assert "FA7654321" not in response.content.decode()


def test_search_leaves_out_the_kinds_a_user_may_not_read(client, kokand):
    user = UserFactory(email="reader@example.org")
    user.user_permissions.add(
        Permission.objects.get(codename="staff_area"),
        Permission.objects.get(codename="view_institution"),
    )

    response = login(client, user).get(URL, {"q": "qoqon"})

    assert set(_found(response)) == {"institutions"}


def test_search_is_refused_to_applicants(as_user):
    assert as_user("applicant").get(URL, {"q": "qoqon"}).status_code == 403


def test_search_asks_visitors_to_log_in(as_user):
    response = as_user("anonymous").get(URL, {"q": "qoqon"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_search_without_words_finds_nothing_and_says_so(as_user, kokand):
    client = as_user("officer")

    assert client.get(URL, {"q": "' ’ ʻ"}).context["groups"] == []
    assert "Nothing found" in client.get(URL, {"q": "zzzz"}).content.decode()


def test_search_answers_htmx_with_the_drop_down_only(as_user, kokand):
    response = as_user("officer").get(URL, {"q": "qoqon"}, HTTP_HX_REQUEST="true")

    body = response.content.decode()
    assert 'data-testid="search-results"' in body
    assert "<html" not in body


def test_search_query_count_does_not_grow_with_the_rows(
    as_user, kokand, django_assert_max_num_queries
):
    client = as_user("officer")
    for number in range(10):
        MobilityFactory(person=PersonFactory(last_name=f"Qoqonov{number}"))

    with django_assert_max_num_queries(17):
        client.get(URL, {"q": "qoqon"})


def test_search_text_follows_a_renamed_institution(home):
    institution = InstitutionFactory(name="Old name")
    institution.name = "Қўқон"
    institution.save(update_fields=["name"])

    assert Institution.objects.get(pk=institution.pk).search_text.startswith("qoqon")
