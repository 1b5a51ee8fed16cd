"""Near misses and ranking of the global search on PostgreSQL; the SQLite fallback."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse

from hamkor.agreements.tests.factories import PartnerFactory
from hamkor.mobility.tests.test_services import PersonFactory
from hamkor.partners.tests.factories import InstitutionFactory

URL = reverse("workbench:search")
on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="near misses and ranking need PostgreSQL's pg_trgm"
)
on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the fallback without near misses is SQLite's"
)


def _group(response, key):
    return next((g for g in response.context["groups"] if g.key == key), None)


@pytest.fixture
def tashkent(home):
    return {
        "partner": PartnerFactory(name="Tashkent State University of Economics"),
        "directory": InstitutionFactory(name="Тошкент ахборот технологиялари университети"),
        "other": InstitutionFactory(name="Samarkand State University"),
    }


@on_postgresql
@pytest.mark.parametrize("typo", ["Tashknet", "tashkentt", "Ташкнет", "Toshknet"])
def test_a_typo_finds_the_institution(as_user, tashkent, typo):
    group = _group(as_user("officer").get(URL, {"q": typo}), "institutions")

    assert group is not None, f"{typo!r} found nothing"
    assert tashkent["partner"] in group.rows or tashkent["directory"] in group.rows
    assert tashkent["other"] not in group.rows


@on_postgresql
def test_a_typo_finds_a_person_in_any_script(as_user, home):
    person = PersonFactory(last_name="Rustamov", first_name="Jasur")
    PersonFactory(last_name="Karimov", first_name="Aziz")

    for typo in ("Rustamvo", "Рустамво"):
        group = _group(as_user("officer").get(URL, {"q": typo}), "people")
        assert group is not None and group.rows == [person]


@on_postgresql
def test_the_see_all_list_shows_the_near_misses_too(as_user, tashkent):
    client = as_user("officer")
    group = _group(client.get(URL, {"q": "Tashknet"}), "institutions")

    listed = client.get(group.list_url)
    assert listed.context["table"].paginator.count == group.total >= 1


@on_postgresql
def test_a_short_word_finds_no_near_miss(as_user, home):
    # "Rim" is not a typo of "Riga": a word under five letters finds only itself.
    PartnerFactory(name="Riga Technical University")

    assert _group(as_user("officer").get(URL, {"q": "Rim"}), "institutions") is None


@on_postgresql
def test_the_closer_near_miss_ranks_first(as_user, home):
    farther = InstitutionFactory(name="Academy of Samarkant Arts")  # first by name
    closer = InstitutionFactory(name="Samarkand State University")

    rows = _group(as_user("officer").get(URL, {"q": "Samarkandd"}), "institutions").rows

    assert rows[:2] == [closer, farther]


@on_postgresql
def test_near_misses_are_left_out_when_a_name_has_the_words(as_user, home):
    # "Üniversitesi" finds the Turkish name that has it, not every "University".
    turkish = InstitutionFactory(name="Ankara Üniversitesi")
    InstitutionFactory(name="Samarkand State University")

    rows = _group(as_user("officer").get(URL, {"q": "Üniversitesi"}), "institutions").rows

    assert rows == [turkish]


@on_postgresql
def test_a_whole_word_ranks_before_a_word_found_inside_another(as_user, home):
    inside = PersonFactory(last_name="Alimov", first_name="Karim")  # first by name
    whole = PersonFactory(last_name="Nazarov", first_name="Ali")

    rows = _group(as_user("officer").get(URL, {"q": "ali"}), "people").rows

    assert rows == [whole, inside]


@on_postgresql
def test_partners_stay_before_the_directory_whatever_the_rank(as_user, tashkent):
    rows = _group(as_user("officer").get(URL, {"q": "tashkent"}), "institutions").rows

    assert rows[0] == tashkent["partner"]


@on_sqlite
def test_sqlite_finds_only_what_contains_the_words(as_user, tashkent):
    client = as_user("officer")

    assert _group(client.get(URL, {"q": "Tashknet"}), "institutions") is None
    found = _group(client.get(URL, {"q": "Tashkent"}), "institutions")
    assert tashkent["partner"] in found.rows


@pytest.mark.parametrize(
    "spelling", ["Toshkent", "Тошкент", "TOSHKENT", "To'shkent", "Toʻshkent", "Toshkent’"]
)
def test_every_script_and_apostrophe_finds_the_rows_on_both_databases(as_user, tashkent, spelling):
    group = _group(as_user("officer").get(URL, {"q": spelling}), "institutions")

    assert group is not None and tashkent["directory"] in group.rows
    assert tashkent["other"] not in group.rows
