"""The generic staff pattern, shown on faculties and departments (OrgUnit)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from conftest import login
from hamkor.accounts.models import OrgUnit
from hamkor.accounts.tests.factories import OrgUnitFactory, UserFactory
from hamkor.core.tests.exports import csv_rows, xlsx_rows

LIST = "/staff/units/"


@pytest.fixture
def units(home):
    return [
        OrgUnitFactory(
            institution=home,
            code=f"u{n:02}",
            name_en=f"Faculty {n:02}",
            name_uz=f"Fakultet {n:02}",
            name_ru=f"Факультет {n:02}",  # the factory's sequence could hold "07" too
        )
        for n in range(30)
    ]


def test_list_shows_a_page_of_records_with_the_total(as_user, units):
    response = as_user("officer").get(LIST)
    assert response.status_code == 200
    assert "30 records" in response.text
    assert response.text.count('href="/staff/units/') >= 25


def test_list_searches_every_word_in_the_names(as_user, units):
    response = as_user("officer").get(LIST, {"q": "fakultet 07"})
    assert "1 record" in response.text
    assert "Faculty 07" in response.text
    assert "Faculty 08" not in response.text


def test_list_search_treats_uzbek_apostrophes_alike(as_user, home):
    OrgUnitFactory(institution=home, name_uz="Boshlangʻich taʼlim", name_en="Primary education")
    for typed in ("Boshlang'ich", "Boshlang‘ich", "Boshlangʻich"):
        response = as_user("officer").get(LIST, {"q": typed})
        assert "Primary education" in response.text, typed


def test_list_filters_by_kind(as_user, units, home):
    OrgUnitFactory(institution=home, kind=OrgUnit.Kind.DEPARTMENT, name_en="Chair of History")
    response = as_user("officer").get(LIST, {"kind": "department"})
    assert "Chair of History" in response.text
    assert "Faculty 01" not in response.text


def test_list_sorts_by_a_column(as_user, units):
    response = as_user("officer").get(LIST, {"sort": "-code"})
    text = response.text
    assert text.index("Faculty 29") < text.index("Faculty 28")


def test_list_paginates_with_a_chosen_page_size(as_user, units):
    response = as_user("officer").get(LIST, {"per_page": 25, "page": 2})
    assert "Page 2 of 2" in response.text
    # A page size that is not offered falls back to the first one.
    response = as_user("officer").get(LIST, {"per_page": 7})
    assert "Page 1 of 2" in response.text


def test_list_answers_htmx_with_the_results_only(as_user, units):
    response = as_user("officer").get(LIST, {"q": "Fakultet"}, HTTP_HX_REQUEST="true")
    assert "<html" not in response.text
    assert "30 records" in response.text


def test_list_queries_do_not_grow_with_the_page_size(as_user, units, django_assert_max_num_queries):
    client = as_user("officer")
    client.get(LIST)  # warm the session and permission caches
    with django_assert_max_num_queries(12):
        client.get(LIST, {"per_page": 25})
    with django_assert_max_num_queries(12):
        client.get(LIST, {"per_page": 250})


def test_export_csv_holds_every_filtered_row_not_only_the_page(as_user, units):
    response = as_user("officer").get(LIST, {"q": "Fakultet", "export": "csv", "per_page": 25})
    assert response["Content-Type"].startswith("text/csv")
    rows = csv_rows(response)
    assert rows[0][:2] == ["Name", "Code"]
    assert len(rows) == 31


def test_export_xlsx_opens_in_a_spreadsheet_with_the_filtered_rows(as_user, units):
    response = as_user("leadership").get(LIST, {"q": "u1", "export": "xlsx"})
    names = [row[0] for row in xlsx_rows(response)[1:]]
    assert sorted(names) == [f"Faculty {n}" for n in range(10, 20)]


def test_export_keeps_the_order_the_list_is_sorted_by(as_user, units):
    client = as_user("officer")
    ascending = [row[0] for row in csv_rows(client.get(LIST, {"export": "csv", "sort": "name"}))]
    descending = [row[0] for row in csv_rows(client.get(LIST, {"export": "csv", "sort": "-name"}))]
    assert ascending[1:] == sorted(ascending[1:])
    assert descending[1:] == ascending[:0:-1]


def test_export_requires_the_export_permission(as_user, units, applicant):
    from django.contrib.auth.models import Group

    Group.objects.get(name="leadership").permissions.filter(codename="export_orgunit").delete()
    response = as_user("leadership").get(LIST, {"export": "csv"})
    assert response.status_code == 403


def test_detail_shows_edit_and_delete_only_to_who_may_use_them(as_user, faculty_a):
    url = reverse("accounts:orgunit_detail", kwargs={"pk": faculty_a.pk})
    assert "/edit/" in as_user("officer").get(url).text
    assert "/edit/" not in as_user("leadership").get(url).text


def test_create_validates_and_keeps_what_was_typed(as_user, home):
    response = as_user("officer").post(
        "/staff/units/add/",
        {"institution": home.pk, "kind": "faculty", "code": "bad code!", "name_uz": "Tarix"},
    )
    assert response.status_code == 400
    assert 'value="Tarix"' in response.text
    assert "is-invalid" in response.text
    assert not OrgUnit.objects.filter(name_uz="Tarix").exists()


def test_create_saves_and_records_who_created_it(as_user, officer, home):
    response = as_user("officer").post(
        "/staff/units/add/",
        {
            "institution": home.pk,
            "kind": "faculty",
            "code": "history",
            "name_uz": "Tarix",
            "is_active": "on",
        },
    )
    unit = OrgUnit.objects.get(code="history")
    assert response.status_code == 302
    assert response["Location"] == unit.get_absolute_url()
    record = unit.history.get()
    assert record.history_user == officer
    assert record.history_change_reason == "accounts.orgunit.created"


def _edit(client, unit, version, **changes):
    data = {
        "institution": unit.institution_id,
        "kind": unit.kind,
        "code": unit.code,
        "name_uz": unit.name_uz,
        "name_ru": unit.name_ru,
        "name_en": unit.name_en,
        "is_active": "on",
        "_version": version,
        **changes,
    }
    return client.post(f"/staff/units/{unit.pk}/edit/", data)


def test_edit_based_on_a_stale_version_is_refused_and_input_kept(as_user, faculty_a):
    colleague = login(Client(), UserFactory(roles=["officer"]))
    assert _edit(colleague, faculty_a, 1, name_en="Faculty of History").status_code == 302
    response = _edit(as_user("officer"), faculty_a, 1, name_en="Faculty of Law")
    assert response.status_code == 409
    assert "after you opened it" in response.text
    assert 'value="Faculty of Law"' in response.text
    assert "Faculty of History" in response.text  # the stored value, shown beside
    faculty_a.refresh_from_db()
    assert faculty_a.name_en == "Faculty of History"


def test_edit_saved_again_after_the_conflict_replaces_the_stored_values(as_user, faculty_a):
    _edit(login(Client(), UserFactory(roles=["officer"])), faculty_a, 1, name_en="First")
    client = as_user("officer")
    assert _edit(client, faculty_a, 1, name_en="Second").status_code == 409
    # The refused form now carries the stored version: saving again is a deliberate choice.
    assert _edit(client, faculty_a, 2, name_en="Second").status_code == 302
    faculty_a.refresh_from_db()
    assert (faculty_a.name_en, faculty_a.version) == ("Second", 3)


def test_history_shows_who_changed_which_field_from_what_to_what(as_user, officer, faculty_a):
    from hamkor.core.services import object_save

    faculty_a.name_en = "Faculty of Mathematics"
    object_save(instance=faculty_a, actor=officer, reason="accounts.orgunit.edited")
    response = as_user("leadership").get(f"/staff/units/{faculty_a.pk}/history/")
    text = response.text
    assert "Name in English" in text
    assert "<del>Faculty A</del>" in text
    assert "<ins>Faculty of Mathematics</ins>" in text
    assert str(officer) in text


def test_delete_asks_for_confirmation_then_deletes(as_user, faculty_b):
    client = as_user("officer")
    url = f"/staff/units/{faculty_b.pk}/delete/"
    assert "will be deleted" in client.get(url).text
    assert OrgUnit.objects.filter(pk=faculty_b.pk).exists()
    response = client.post(url)
    assert response.status_code == 302
    assert not OrgUnit.objects.filter(pk=faculty_b.pk).exists()


def test_delete_is_refused_while_users_belong_to_the_unit(as_user, coordinator, faculty_a):
    client = as_user("officer")
    url = f"/staff/units/{faculty_a.pk}/delete/"
    assert "Users: 1" in client.get(url).text
    response = client.post(url, follow=True)
    assert "cannot be deleted while other records depend on it" in response.text
    assert OrgUnit.objects.filter(pk=faculty_a.pk).exists()


def test_coordinator_reads_units_but_cannot_change_them(as_user, faculty_a):
    client = as_user("coordinator")
    assert client.get(LIST).status_code == 200
    assert _edit(client, faculty_a, 1, name_en="Renamed").status_code == 403
    faculty_a.refresh_from_db()
    assert faculty_a.name_en == "Faculty A"


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=999",
        "sort=nonexistent",
        "per_page=abc",
        "kind=zzz",
        "institution=abc",
        "is_active=maybe",
        "q=%00",
        "q=" + "a" * 3000,
    ],
)
def test_list_answers_nonsense_in_the_address_without_an_error(as_user, units, query):
    response = as_user("officer").get(f"{LIST}?{query}")
    assert response.status_code == 200


def test_list_shows_why_a_filter_value_was_not_understood(as_user, units):
    response = as_user("officer").get(LIST, {"kind": "planet"})
    assert "Select a valid choice" in response.text


@pytest.mark.parametrize("value", ["²", "٣", "9" * 5000])
def test_digits_int_refuses_are_not_taken_for_numbers(value):
    from hamkor.core.validators import is_number

    assert not is_number(value)
    assert is_number("42")
