"""The people register: list, page, edit, merge, account link, export, API and import.

Personal data (date of birth, passport) reaches officers and administrators only: not a
coordinator's or leadership's page, form, export or API answer.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hamkor.accounts.tests.factories import UserFactory
from hamkor.core.models import ImportJob
from hamkor.core.tests.exports import csv_rows
from hamkor.mobility.models import Person
from hamkor.mobility.tests.test_services import MobilityFactory, PersonFactory, StaffFactory

LIST = reverse("mobility:person_list")
PASSPORT = "FA1234567"


@pytest.fixture
def people(faculty_a, faculty_b):
    return {
        "karimov": StaffFactory(
            last_name="Karimov",
            first_name="Dilshod",
            name_original="Каримов Дилшод",
            org_unit=faculty_a,
            email="d.karimov@example.uz",
            date_of_birth=datetime.date(1984, 5, 17),
            passport_number=PASSPORT,
            passport_valid_to=datetime.date(2031, 1, 1),
        ),
        "tosheva": StaffFactory(last_name="Tosheva", first_name="Malika", org_unit=faculty_b),
        "wang": PersonFactory(
            last_name="Wang",
            first_name="Li",
            name_original="王力",
            citizenship="CN",
            category=Person.Category.FOREIGN_PROFESSOR,
        ),
    }


def names(response) -> set[str]:
    return {name for name in ("Karimov", "Tosheva", "Wang") if name in response.text}


# --- List ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "karim"}, {"Karimov"}),
        ({"q": "Каримов"}, {"Karimov"}),  # the original script
        ({"q": "王力"}, {"Wang"}),
        ({"q": "d.karimov@example"}, {"Karimov"}),
        ({"category": "foreign_professor"}, {"Wang"}),
        ({"citizenship": "CN"}, {"Wang"}),
        ({"citizenship": "UZ"}, {"Karimov", "Tosheva"}),
    ],
)
def test_person_list_searches_and_filters(as_user, people, query, expected):
    response = as_user("officer").get(LIST, query)

    assert response.status_code == 200
    assert names(response) == expected


def test_person_list_filters_by_faculty_and_account(as_user, people, faculty_a, applicant):
    people["wang"].user = applicant
    people["wang"].save()
    client = as_user("officer")

    assert names(client.get(LIST, {"faculty": faculty_a.pk})) == {"Karimov"}
    assert names(client.get(LIST, {"has_account": "true"})) == {"Wang"}
    assert names(client.get(LIST, {"has_account": "false"})) == {"Karimov", "Tosheva"}


def test_person_list_shows_passports_to_officers_only(as_user, people):
    assert PASSPORT in as_user("officer").get(LIST).text
    for persona in ("coordinator", "leadership"):
        response = as_user(persona).get(LIST)
        assert response.status_code == 200
        assert PASSPORT not in response.text
        assert "Passport number" not in response.text


def test_person_export_leaves_personal_data_out_for_those_without_the_permission(as_user, people):
    rows = csv_rows(as_user("leadership").get(LIST, {"export": "csv"}))

    assert "Passport number" not in rows[0]
    assert "Date of birth" not in rows[0]
    assert PASSPORT not in str(rows)
    assert len(rows) == 4


def test_person_export_holds_personal_data_for_officers(as_user, people):
    rows = csv_rows(as_user("officer").get(LIST, {"export": "csv"}))

    assert {"Passport number", "Date of birth", "Passport valid to"} <= set(rows[0])
    assert PASSPORT in str(rows)


def test_person_list_queries_do_not_grow_with_the_page_size(
    as_user, faculty_a, django_assert_max_num_queries
):
    Person.objects.bulk_create(
        Person(
            category=Person.Category.STAFF,
            last_name=f"Name{n:03}",
            first_name="A",
            citizenship="UZ",
            org_unit=faculty_a,
        )
        for n in range(260)
    )
    client = as_user("officer")
    client.get(LIST)
    with django_assert_max_num_queries(14) as few:
        small = client.get(LIST, {"per_page": 25})
    with django_assert_max_num_queries(14) as many:
        large = client.get(LIST, {"per_page": 250})
    assert len(few.captured_queries) == len(many.captured_queries)
    assert small.text.count("/staff/people/") < large.text.count("/staff/people/")


# --- Page --------------------------------------------------------------------------------------


def test_person_page_shows_personal_data_to_officers(as_user, people):
    response = as_user("officer").get(people["karimov"].get_absolute_url())

    assert PASSPORT in response.text
    assert "1984" in response.text


@pytest.mark.parametrize("persona", ["coordinator", "coordinator_b", "leadership"])
def test_person_page_hides_personal_data_from_others(as_user, people, persona):
    response = as_user(persona).get(people["karimov"].get_absolute_url())

    assert response.status_code == 200
    assert PASSPORT not in response.text
    assert "17.05.1984" not in response.text and "1984" not in response.text
    assert "Hidden: the date of birth and the passport" in response.text


def test_person_page_lists_the_person_mobilities(as_user, people, home):
    mobility = MobilityFactory(person=people["karimov"])

    response = as_user("leadership").get(people["karimov"].get_absolute_url())

    assert mobility.get_absolute_url() in response.text
    assert str(mobility.receiving_institution) in response.text


def test_person_page_offers_merge_to_officers_only(as_user, people):
    url = reverse("mobility:person_merge", kwargs={"pk": people["karimov"].pk})

    assert url in as_user("officer").get(people["karimov"].get_absolute_url()).text
    assert url not in as_user("coordinator").get(people["karimov"].get_absolute_url()).text


# --- Edit --------------------------------------------------------------------------------------


def form_data(person: Person, **changes) -> dict:
    data = {
        "category": person.category,
        "last_name": person.last_name,
        "first_name": person.first_name,
        "citizenship": person.citizenship.code,
        "org_unit": person.org_unit_id or "",
        "language": person.language,
        "_version": person.version,
    }
    data.update(changes)
    return data


def edit_url(person: Person) -> str:
    return reverse("mobility:person_edit", kwargs={"pk": person.pk})


def test_person_form_has_no_personal_data_fields_for_a_coordinator(as_user, people):
    response = as_user("coordinator").get(edit_url(people["karimov"]))

    assert response.status_code == 200
    assert 'name="passport_number"' not in response.text
    assert 'name="date_of_birth"' not in response.text
    assert PASSPORT not in response.text


def test_person_form_has_personal_data_fields_for_an_officer(as_user, people):
    response = as_user("officer").get(edit_url(people["karimov"]))

    assert 'name="passport_number"' in response.text
    assert PASSPORT in response.text


def test_person_edit_by_a_coordinator_keeps_the_personal_data(as_user, people):
    person = people["karimov"]
    response = as_user("coordinator").post(
        edit_url(person),
        form_data(person, position="Docent", passport_number="", date_of_birth=""),
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.position == "Docent"
    assert person.passport_number == PASSPORT
    assert person.date_of_birth == datetime.date(1984, 5, 17)


def test_person_edit_by_a_coordinator_is_limited_to_their_faculty(as_user, people):
    client = as_user("coordinator")

    assert client.get(edit_url(people["tosheva"])).status_code == 404
    assert client.post(edit_url(people["tosheva"]), form_data(people["tosheva"])).status_code == 404


def test_person_created_by_a_coordinator_stays_in_their_faculty(as_user, faculty_a, faculty_b):
    client = as_user("coordinator")
    data = {
        "category": "staff",
        "last_name": "Yusupov",
        "first_name": "Bekzod",
        "citizenship": "UZ",
        "language": "uz",
    }

    refused = client.post(reverse("mobility:person_add"), {**data, "org_unit": faculty_b.pk})
    created = client.post(reverse("mobility:person_add"), {**data, "org_unit": faculty_a.pk})

    assert refused.status_code == 400
    assert "Select a valid choice" in refused.text
    assert created.status_code == 302
    assert Person.objects.get(last_name="Yusupov").org_unit == faculty_a


def test_person_edit_refuses_a_stale_version(as_user, people):
    person = people["karimov"]
    data = form_data(person, position="Professor")
    Person.objects.filter(pk=person.pk).update(version=person.version + 1)

    response = as_user("officer").post(edit_url(person), data)

    assert response.status_code == 409
    assert "after you opened it" in response.text
    assert 'value="Professor"' in response.text


def test_person_links_a_user_account_by_email(as_user, people):
    user = UserFactory(email="wang.li@example.cn")
    person = people["wang"]

    response = as_user("officer").post(
        edit_url(person), form_data(person, account="Wang.Li@example.cn")
    )

    assert response.status_code == 302
    person.refresh_from_db()
    assert person.user == user


def test_person_link_refuses_an_unknown_or_taken_account(as_user, people):
    taken = UserFactory(email="taken@example.org")
    people["tosheva"].user = taken
    people["tosheva"].save()
    client = as_user("officer")
    person = people["wang"]

    unknown = client.post(edit_url(person), form_data(person, account="nobody@example.org"))
    twice = client.post(edit_url(person), form_data(person, account="taken@example.org"))

    assert "No user account has this e-mail address." in unknown.text
    assert "This account is linked to Tosheva Malika already." in twice.text
    person.refresh_from_db()
    assert person.user is None


# --- Merge -------------------------------------------------------------------------------------


def test_person_merge_moves_the_duplicate_mobilities(as_user, people, home):
    keep = people["wang"]
    duplicate = PersonFactory(last_name="Wang", first_name="Li", email="li.wang@example.cn")
    mobility = MobilityFactory(person=duplicate, incoming=True)
    url = reverse("mobility:person_merge", kwargs={"pk": keep.pk})
    client = as_user("officer")

    suggested = client.get(url)
    confirm = client.get(url, {"duplicate": duplicate.pk})
    merged = client.post(url, {"duplicate": duplicate.pk})

    assert f"?duplicate={duplicate.pk}" in suggested.text  # same name
    assert "will be deleted" in confirm.text
    assert merged.status_code == 302
    mobility.refresh_from_db()
    keep.refresh_from_db()
    assert mobility.person == keep
    assert keep.email == "li.wang@example.cn"
    assert not Person.objects.filter(pk=duplicate.pk).exists()


def test_person_merge_is_refused_without_the_permission(as_user, people):
    url = reverse("mobility:person_merge", kwargs={"pk": people["karimov"].pk})
    response = as_user("coordinator").post(url, {"duplicate": people["tosheva"].pk})

    assert response.status_code == 403
    assert Person.objects.filter(pk=people["tosheva"].pk).exists()


# --- API -----------------------------------------------------------------------------------------


def test_person_api_leaves_out_personal_data_for_a_coordinator(as_user, people):
    url = reverse("api:person-detail", kwargs={"pk": people["karimov"].pk})

    hidden = as_user("coordinator").get(url).json()

    assert hidden["last_name"] == "Karimov"
    assert "passport_number" not in hidden and "date_of_birth" not in hidden
    assert PASSPORT not in str(as_user("leadership").get(reverse("api:person-list")).json())


def test_person_api_holds_personal_data_for_an_officer(as_user, people):
    url = reverse("api:person-detail", kwargs={"pk": people["karimov"].pk})

    shown = as_user("officer").get(url).json()

    assert shown["passport_number"] == PASSPORT
    assert shown["date_of_birth"] == "1984-05-17"


def test_person_api_filters_like_the_list(as_user, people):
    response = as_user("officer").get(reverse("api:person-list"), {"citizenship": "CN"})

    assert [row["last_name"] for row in response.json()["results"]] == ["Wang"]


# --- Import ------------------------------------------------------------------------------------


def csv_file(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("people.csv", text.encode())


def test_person_import_adds_and_updates_by_email(as_user, people, faculty_a):
    client = as_user("officer")
    rows = (
        "category,last_name,first_name,citizenship,org_unit,email,passport_number\n"
        "staff,Karimov,Dilshod,UZ,faculty-a,d.karimov@example.uz,\n"
        "Foreign professor or specialist,Schmidt,Anna,Germany,,anna@uni-wien.at,C01X00T47\n"
    )

    preview = client.post(reverse("mobility:person_import"), {"file": csv_file(rows)})
    job = ImportJob.objects.latest("pk")
    applied = client.post(reverse("mobility:person_import"), {"job": job.pk})

    assert "1 to create, 1 to update" in preview.text
    assert applied.status_code == 302
    schmidt = Person.objects.get(last_name="Schmidt")
    assert (schmidt.citizenship.code, schmidt.passport_number) == ("DE", "C01X00T47")
    assert schmidt.category == Person.Category.FOREIGN_PROFESSOR


def test_person_import_with_a_bad_row_applies_nothing(as_user, people):
    client = as_user("officer")
    rows = (
        "category,last_name,first_name,citizenship\n"
        "staff,Rahimov,Anvar,UZ\n"  # our staff without a faculty
        "foreign_student,Kim,Minji,Atlantis\n"
    )

    preview = client.post(reverse("mobility:person_import"), {"file": csv_file(rows)})
    job = ImportJob.objects.latest("pk")
    applied = client.post(reverse("mobility:person_import"), {"job": job.pk})

    assert "2 rejected" in preview.text
    assert "Our students and staff belong to a faculty or unit." in preview.text
    assert "neither an ISO country code nor an English country name" in preview.text
    assert applied.status_code == 400
    assert not Person.objects.filter(last_name__in=["Rahimov", "Kim"]).exists()


# --- History -------------------------------------------------------------------------------


def test_person_history_leaves_out_personal_data_changes_for_others(as_user, people, officer):
    from hamkor.mobility.services import person_save

    person = people["karimov"]
    person.passport_number = "FA0000001"
    person.position = "Docent"
    person_save(person=person, actor=officer)
    url = reverse("mobility:person_history", kwargs={"pk": person.pk})

    officer_page = as_user("officer").get(url).text
    leadership_page = as_user("leadership").get(url).text

    assert "FA0000001" in officer_page
    assert "FA0000001" not in leadership_page and "Passport number" not in leadership_page
    assert "Docent" in leadership_page  # the other changes are shown
