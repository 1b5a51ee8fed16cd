"""Pickers over large tables: pages carry the chosen row only, the endpoint finds the rest."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from hamkor.mobility.tests.world import world  # noqa: F401  (a fixture)
from hamkor.partners.models import Institution

# The world directory's size: the pages must not grow with it.
DIRECTORY_SIZE = 16_000
MAX_PAGE_BYTES = 150_000


def pick(client, source: str, **params):
    response = client.get(reverse("core:autocomplete", args=[source]), params)
    assert response.status_code == 200
    return [row["text"] for row in response.json()["results"]]


@pytest.fixture
def directory(home):
    Institution.objects.bulk_create(
        Institution(name=f"Directory University {n}", name_en=f"Directory University {n}")
        for n in range(DIRECTORY_SIZE)
    )


@pytest.mark.parametrize(
    "url",
    [
        "/staff/units/",
        "/staff/units/add/",
        "/staff/contacts/",
        "/staff/people/add/",
        "/staff/mobilities/",
        "/staff/mobilities/add/",
        "/staff/agreements/",
        "/staff/agreements/add/",
    ],
)
def test_pages_with_an_institution_field_stay_small_whatever_the_directory(as_user, directory, url):
    response = as_user("officer").get(url)
    assert response.status_code == 200
    assert len(response.content) < MAX_PAGE_BYTES, f"{url}: {len(response.content)} bytes"
    assert b"Directory University 1" not in response.content
    assert b"data-autocomplete=" in response.content


def test_the_units_form_keeps_the_chosen_institution(as_user, faculty_a, directory):
    response = as_user("officer").get(reverse("accounts:orgunit_edit", args=[faculty_a.pk]))
    select = response.text.split('name="institution"')[1].split("</select>")[0]
    assert select.count("<option") == 2  # the empty one, and the chosen one
    assert "Kokand State University" in select
    assert 'data-placeholder="Type to search…"' in response.text
    assert 'data-no-results="No results found"' in response.text


def test_the_directory_picker_finds_any_institution_the_known_one_only_partners(as_user, directory):
    client = as_user("officer")
    assert pick(client, "directory", q="university 15999") == ["Directory University 15999"]
    assert pick(client, "institution", q="university 15999") == []
    assert len(pick(client, "directory", q="directory")) == 20  # a picker finds, never lists


def test_the_picker_answers_office_staff_only(as_user, client, world):  # noqa: F811
    url = reverse("core:autocomplete", args=["person"])
    assert as_user("applicant").get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
    assert as_user("officer").get(reverse("core:autocomplete", args=["nothing"])).status_code == 404


def test_the_person_picker_searches_as_the_user_types(as_user, world):  # noqa: F811
    assert pick(as_user("officer"), "person", q="karim") == ["Karimov Dilshod"]


def test_the_agreement_picker_offers_the_partners_agreements_in_force_on_the_dates(
    as_user,
    world,  # noqa: F811
):
    client = as_user("officer")
    agreement, wien, seoul = world["agreement"], world["wien"], world["seoul"]
    outgoing = {"direction": "outgoing", "receiving": wien.pk}
    within = {"start": "2025-03-01", "end": "2025-03-31"}
    found = pick(client, "agreement", **outgoing, **within)
    assert len(found) == 1
    # The partner's name and the dates, not only the title.
    assert found[0].startswith(str(agreement))
    assert "University of Vienna" in found[0]
    assert f"{date_format(agreement.valid_from)} – {date_format(agreement.valid_to)}" in found[0]
    assert pick(client, "agreement", direction="outgoing", receiving=seoul.pk, **within) == []
    assert pick(client, "agreement", **outgoing, start="2029-01-01", end="2029-02-01") == []
    incoming = {"direction": "incoming", "sending": wien.pk, "receiving": ""}
    assert len(pick(client, "agreement", **incoming, **within)) == 1
    assert pick(client, "agreement", **outgoing, start="not a date") != []


def test_the_mobility_form_narrows_its_agreement_picker_by_partner_and_dates(
    as_user,
    world,  # noqa: F811
):
    response = as_user("officer").get(
        reverse("mobility:mobility_edit", args=[world["teaching"].pk])
    )
    select, chosen = response.text.split('name="agreement"')[1].split(">", 1)
    assert 'data-autocomplete="/staff/pick/agreement/"' in select
    assert "planned_start" in select and "receiving_institution" in select
    chosen = chosen.split("</select>")[0]
    assert "University of Vienna" in chosen  # the chosen agreement, labelled with its partner


def test_a_filter_picker_keeps_the_chosen_partner(as_user, world):  # noqa: F811
    wien = world["wien"]
    response = as_user("officer").get(reverse("mobility:mobility_list"), {"partner": wien.pk})
    assert response.context["table"].paginator.count == 1
    select = response.text.split('name="partner"')[1].split("</select>")[0]
    assert f'<option value="{wien.pk}" selected>University of Vienna</option>' in select
