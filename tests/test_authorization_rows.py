"""The authorization matrix's rows and personal data: what each persona finds in lists,
exports and the API, and that passports and visas reach only who may see them.

Faculty A and faculty B each host a guest; each coordinator finds their faculty's and never
the other's, in the list page, its XLSX export and the API list alike. Guest A's passport
number and foreign student A's visa number are distinctive strings searched in the whole
answer (pages, history, exports read back, JSON, the invitation letter's PDF read back), so
that no field, column or template can leak them. The applicants' own pages are checked both
ways: applicant B's records are not found for applicant A either.
"""

from __future__ import annotations

import io
import json

import pytest
from django.urls import reverse

from hamkor.core.tests.exports import content_of
from tests.authorization_world import world_made

PASSPORT = "ZX9988776"
VISA = "VZ5544332"
GUEST_A, GUEST_B = "Alphaguest", "Bravoguest"
STUDENT_A, STUDENT_B = "Alphastudent", "Bravostudent"
SEES_ALL = ("admin", "officer", "leadership")
# The personas who read the staff's lists, and the rows (of faculty A, B) each finds: people
# and mobilities are read by every coordinator (only changed by their faculty's); foreign
# students are read by their own faculty's coordinator only.
OPEN = {p: {"a", "b"} for p in ("admin", "officer", "leadership", "coordinator", "coordinator_b")}
BY_FACULTY = {**OPEN, "coordinator": {"a"}, "coordinator_b": {"b"}}
PERSONAL = ("admin", "officer")  # mobility.view_personal_data


def add_records(world) -> None:
    """Guests and foreign students of both faculties; applicant B's own mobility and
    application; the personal data searched for."""
    from hamkor.mobility.models import Mobility, Person
    from hamkor.students.tests.factories import ForeignPersonFactory, ForeignStudentFactory
    from tests.authorization_calls import calls_records
    from tests.authorization_records import portal_records

    objects = world.objects
    person = Person.objects.get(pk=objects["person"])
    person.last_name = GUEST_A
    person.passport_number = PASSPORT
    person.save()  # a change: the history holds the passport too
    mobility = Mobility.objects.get(pk=objects["mobility"])
    faculty_b = world.faculties["b"]
    other = Person.objects.create(
        category="foreign_professor", last_name=GUEST_B, first_name="Guest", org_unit=faculty_b
    )
    mobility_b = Mobility.objects.create(
        person=other,
        direction="incoming",
        kind="research",
        programme="partner",
        sending_institution=mobility.sending_institution,
        receiving_institution=mobility.receiving_institution,
        home_unit=faculty_b,
        planned_start="2030-05-01",
        planned_end="2030-05-10",
    )
    student = ForeignStudentFactory(
        faculty=world.faculties["a"], person=ForeignPersonFactory(last_name=STUDENT_A)
    )
    student.visa_number = VISA
    student.save()
    student_b = ForeignStudentFactory(
        faculty=faculty_b, person=ForeignPersonFactory(last_name=STUDENT_B)
    )
    objects["student_a"] = student.pk
    names = {"a": GUEST_A, "b": GUEST_B}
    objects["marks"] = {
        "guests": {"names": names, "ids": {"a": mobility.pk, "b": mobility_b.pk}},
        # The API's person list answers people's ids, not their mobilities'.
        "people": {"names": names, "ids": {"a": person.pk, "b": other.pk}},
        "students": {
            "names": {"a": STUDENT_A, "b": STUDENT_B},
            "ids": {"a": student.pk, "b": student_b.pk},
        },
    }
    officer, b = world.users["officer"], world.users["applicant_b"]
    own = portal_records(b, officer)
    objects["b_portal_mobility"], objects["b_portal_version"] = (
        own["portal_mobility"],
        own["portal_version"],
    )
    calls = calls_records(world.faculties["b"], b, officer)
    objects["b_own_application"] = calls["own_application"]
    objects["b_own_version"] = calls["own_version"]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with world_made(django_db_blocker, media, extra=add_records) as made:
        yield made


def body(response) -> str:
    """The whole answer as text: an XLSX's cells, a PDF's text, any other body as it is."""
    data = content_of(response)
    kind = response.get("Content-Type", "")
    if "spreadsheet" in kind:
        from openpyxl import load_workbook

        rows = load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)
        return "\n".join(" ".join(str(c) for c in row if c is not None) for row in rows)
    if "pdf" in kind:
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return data.decode("utf-8", "replace")


def get(world, client, persona, name, query=None, **kwargs) -> str:
    response = world.client_for(client, persona).get(reverse(name, kwargs=kwargs), query or {})
    assert response.status_code == 200, (persona, name, response.status_code)
    return body(response)


LISTS = (
    ("mobility:mobility_list", None, OPEN),
    ("mobility:mobility_list", {"export": "xlsx"}, OPEN),
    ("api:mobility-list", None, OPEN),
    ("mobility:person_list", None, OPEN),
    ("mobility:person_list", {"export": "xlsx"}, OPEN),
    ("api:person-list", None, OPEN),
    ("students:foreignstudent_list", None, BY_FACULTY),
    ("students:foreignstudent_list", {"export": "xlsx"}, BY_FACULTY),
    ("api:foreignstudent-list", None, BY_FACULTY),
)


@pytest.mark.parametrize(("name", "query", "readers"), LISTS)
def test_lists_exports_and_api_hold_each_personas_rows(name, query, readers, in_world, client):
    kind = "students" if "student" in name else "people" if "person" in name else "guests"
    marks = in_world.objects["marks"][kind]
    found = {}
    for persona in readers:
        text = get(in_world, client, persona, name, query)
        if name.startswith("api:"):  # the records' ids, at the list's top level
            ids = {row["id"] for row in json.loads(text)["results"]}
            found[persona] = {key for key, pk in marks["ids"].items() if pk in ids}
        else:
            found[persona] = {key for key, mark in marks["names"].items() if mark in text}
    assert found == readers, name


def personal_pages(objects) -> list[tuple[str, dict, dict]]:
    person, mobility, student = objects["person"], objects["mobility"], objects["student_a"]
    return [
        ("mobility:person_detail", {"pk": person}, {}),
        ("mobility:person_history", {"pk": person}, {}),
        ("mobility:person_list", {}, {}),
        ("mobility:person_list", {}, {"export": "xlsx"}),
        ("mobility:mobility_detail", {"pk": mobility}, {}),
        ("mobility:mobility_history", {"pk": mobility}, {}),
        ("mobility:mobility_list", {}, {"export": "xlsx"}),
        ("api:person-detail", {"pk": person}, {}),
        ("api:person-list", {}, {}),
        ("api:mobility-detail", {"pk": mobility}, {}),
        ("api:mobility-list", {}, {}),
        ("students:foreignstudent_detail", {"pk": student}, {}),
        ("students:foreignstudent_history", {"pk": student}, {}),
        ("students:foreignstudent_list", {}, {}),
        ("students:foreignstudent_list", {}, {"export": "xlsx"}),
        ("api:foreignstudent-detail", {"pk": student}, {}),
        ("api:foreignstudent-list", {}, {}),
    ]


@pytest.mark.parametrize("index", range(17))
def test_personal_data_only_for_who_may_see_it(index, in_world, client):
    name, kwargs, query = personal_pages(in_world.objects)[index]
    shown = {}
    for persona in ("admin", "officer", "coordinator", "leadership"):
        text = get(in_world, client, persona, name, query, **kwargs)
        shown[persona] = PASSPORT in text or VISA in text
    # Never for who may not see them; who may sees them on a record's own page and its JSON
    # (the search is not blind).
    assert not any(shown[p] for p in shown if p not in PERSONAL), (name, shown)
    if name in ("mobility:person_detail", "api:person-detail", "api:foreignstudent-detail"):
        assert all(shown[p] for p in PERSONAL), (name, shown)


def test_invitation_letter_pdf_names_the_passport_to_who_may_see_it(in_world, client):
    """The letter (for the visa) is made for its reader: the passport's number is in the
    officer's copy, not in the coordinator's."""
    pk = in_world.objects["mobility"]
    texts = {
        persona: get(in_world, client, persona, "mobility:mobility_letter", pk=pk)
        for persona in ("officer", "coordinator", "coordinator_b", "leadership")
    }
    assert {p: PASSPORT in text for p, text in texts.items()} == {
        "officer": True,
        "coordinator": False,
        "coordinator_b": False,
        "leadership": False,
    }


def test_outbox_mail_never_carries_the_passport(in_world):
    from hamkor.core.models import OutboxMessage

    assert not OutboxMessage.objects.filter(body__contains=PASSPORT).exists()
    assert not OutboxMessage.objects.filter(body__contains=VISA).exists()


OWN = (
    ("mobility:portal_mobility", "portal_mobility"),
    ("mobility:portal_letter", "portal_mobility"),
    ("mobility:portal_download", "portal_version"),
    ("calls:my_application", "own_application"),
    ("calls:my_document", "own_version"),
)


@pytest.mark.parametrize(("name", "key"), OWN)
def test_an_applicants_own_records_are_not_found_for_the_other(name, key, in_world, client):
    objects = in_world.objects
    got = {}
    for owner, prefix in (("applicant", ""), ("applicant_b", "b_")):
        url = reverse(name, kwargs={"pk": objects[f"{prefix}{key}"]})
        for persona in ("applicant", "applicant_b", "foreign_student"):
            status = in_world.client_for(client, persona).get(url).status_code
            got[(owner, persona)] = status
    expected = {(o, p): 200 if o == p else 404 for o, p in got}
    assert got == expected, name
