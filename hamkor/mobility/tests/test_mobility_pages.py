"""Mobility pages: the list with its filters and export, the page with its computed facts."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamkor.agreements.tests.factories import PartnerFactory
from hamkor.core.tests.exports import csv_rows, xlsx_sheet
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.tests.test_services import MobilityFactory, PersonFactory
from hamkor.mobility.tests.world import LIST, VISA, D, names, short
from hamkor.partners.models import RankingEntry

# --- List ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, {"Karimov", "Tosheva", "Petrov"}),
        ({"q": "petr"}, {"Petrov"}),
        ({"q": "Vienna"}, {"Karimov"}),
        ({"direction": "incoming"}, {"Petrov"}),
        ({"kind": "student_study"}, {"Tosheva"}),
        ({"programme": "ka171"}, {"Karimov"}),
        ({"status": "in_progress"}, {"Tosheva"}),
        ({"country": "AT"}, {"Karimov"}),
        ({"country": "RU"}, {"Petrov"}),  # the partner side of an incoming: the sender
        ({"academic_year": "2024"}, {"Karimov", "Tosheva"}),
        ({"academic_year": "2025"}, {"Petrov"}),
        ({"qs_top": "true"}, {"Karimov"}),
        ({"qs_top": "false"}, {"Tosheva", "Petrov"}),
    ],
)
def test_mobility_list_searches_and_filters(as_user, world, query, expected):
    response = as_user("officer").get(LIST, query)

    assert response.status_code == 200
    assert names(response) == expected


def test_mobility_list_filters_by_faculty_agreement_and_partner(as_user, world, faculty_a):
    client = as_user("leadership")

    assert names(client.get(LIST, {"faculty": faculty_a.pk})) == {"Karimov", "Petrov"}
    assert names(client.get(LIST, {"agreement": world["agreement"].pk})) == {"Karimov"}
    assert names(client.get(LIST, {"partner": world["kazan"].pk})) == {"Petrov"}


def test_mobility_list_academic_year_runs_from_september_to_august(as_user, world):
    person = PersonFactory(last_name="Boundary")
    MobilityFactory(person=person, planned_start=D(2025, 8, 31), planned_end=D(2025, 9, 5))
    client = as_user("officer")

    assert "Boundary" in client.get(LIST, {"academic_year": "2024"}).text
    assert "Boundary" not in client.get(LIST, {"academic_year": "2025"}).text


def test_mobility_list_shows_the_columns(as_user, world):
    text = as_user("officer").get(LIST).text

    assert world["teaching"].get_absolute_url() in text
    assert "University of Vienna" in text
    assert "Kazan Federal University" in text
    assert "801-850" in text
    assert '<span class="badge text-bg-success">Completed</span>' in text
    assert "Erasmus+ KA171" in text


def test_mobility_list_queries_do_not_grow_with_the_page_size(
    as_user, home, faculty_a, django_assert_max_num_queries
):
    hosts = [PartnerFactory() for _ in range(5)]
    for n, host in enumerate(hosts):
        RankingEntry.objects.create(
            institution=host, ranking="qs_world", year=2025, rank=str(n + 1), rank_low=n + 1
        )
    people = Person.objects.bulk_create(
        Person(category="staff", last_name=f"P{n:03}", first_name="A", citizenship="UZ")
        for n in range(260)
    )
    Mobility.objects.bulk_create(
        Mobility(
            person=person,
            direction="outgoing",
            kind="staff_teaching",
            programme="ka171",
            sending_institution=home,
            receiving_institution=hosts[n % 5],
            home_unit=faculty_a,
            planned_start=D(2024, 10, 1),
            planned_end=D(2024, 10, 8),
        )
        for n, person in enumerate(people)
    )
    client = as_user("officer")
    client.get(LIST)
    filters = {"qs_top": "true", "faculty": faculty_a.pk}
    with django_assert_max_num_queries(18) as few:
        small = client.get(LIST, {"per_page": 25, **filters})
    with django_assert_max_num_queries(18) as many:
        large = client.get(LIST, {"per_page": 250, **filters})
    assert len(few.captured_queries) == len(many.captured_queries)
    assert small.text.count("/staff/mobilities/") < large.text.count("/staff/mobilities/")
    assert "260 records" in large.text


def test_mobility_export_csv_and_xlsx_hold_the_list_columns(as_user, world):
    client = as_user("leadership")

    rows = csv_rows(client.get(LIST, {"export": "csv"}))
    sheet = xlsx_sheet(client.get(LIST, {"export": "xlsx"}))

    assert rows[0][:3] == ["Person", "Direction", "Kind"]
    assert "Host's QS rank" in rows[0]
    teaching = next(row for row in rows if row[0].startswith("Karimov"))
    assert "801-850" in teaching and "2024-10-01" in teaching and "Austria" in teaching
    assert {"Faculty or unit", "Agreement", "Funding", "Currency"} <= set(rows[0])
    assert sheet.max_row == 4
    assert VISA not in str(rows)


# --- The mobility's page ---------------------------------------------------------------------


def test_mobility_page_states_the_facts_computed_from_the_records(as_user, world):
    response = as_user("leadership").get(world["teaching"].get_absolute_url())

    assert "At a QS top-1000 university (QS 2025: 801-850)" in response.text
    assert "Taught classes for foreign students" in response.text
    assert "Academic year 2024/25" in response.text


def test_mobility_page_loads_the_mobility_once(
    as_user, world, officer, django_assert_max_num_queries
):
    """The row is read once; the permission checks only ask whether it exists, and the
    page's queries do not grow with its documents and status changes."""
    from hamkor.core.documents import document_add
    from hamkor.mobility.tests.test_deadlines import pdf

    mobility = world["teaching"]
    client = as_user("officer")
    document_add(record=mobility, kind="report", upload=pdf(), actor=officer)
    with CaptureQueriesContext(connection) as first:
        assert client.get(mobility.get_absolute_url()).status_code == 200
    for n in range(3):
        document_add(record=mobility, kind="other", upload=pdf(f"n{n}.pdf"), actor=officer)
    with django_assert_max_num_queries(len(first.captured_queries)) as again:
        assert client.get(mobility.get_absolute_url()).status_code == 200
    loads = [
        q["sql"]
        for q in again.captured_queries
        if q["sql"].startswith('SELECT "mobility_mobility"."id", "mobility_mobility"."created_at"')
    ]
    assert len(loads) == 1


def test_mobility_page_without_a_ranked_host_says_so(as_user, world):
    response = as_user("officer").get(world["study"].get_absolute_url())

    assert "The host is in no QS World ranking edition we hold." in response.text
    assert "Taught classes for foreign students" not in response.text


def test_mobility_page_not_top_1000_names_the_rank(as_user, world):
    RankingEntry.objects.create(
        institution=world["seoul"], ranking="qs_world", year=2026, rank="1001-1200",
        rank_low=1001, rank_high=1200,
    )  # fmt: skip

    response = as_user("officer").get(world["study"].get_absolute_url())

    assert "Not at a QS top-1000 university (QS 2026: 1001-1200)" in response.text


def test_mobility_page_of_a_guest_computes_the_registration_deadline(as_user, world):
    guest = world["guest"]
    guest.actual_start = D(2025, 9, 10)
    guest.save()

    response = as_user("coordinator").get(guest.get_absolute_url())

    assert f"{short(D(2025, 9, 13))}" in response.text  # 3 calendar days after entry
    assert "overdue" in response.text  # long past, and no registration recorded


def test_mobility_page_after_the_return_computes_the_report_deadline(as_user, world):
    response = as_user("officer").get(world["teaching"].get_absolute_url())

    assert short(D(2024, 10, 13)) in response.text  # 5 days after the return


def test_mobility_page_shows_the_visa_to_officers_only(as_user, world):
    url = world["guest"].get_absolute_url()

    assert VISA in as_user("officer").get(url).text
    for persona in ("coordinator", "leadership"):
        response = as_user(persona).get(url)
        assert VISA not in response.text
        assert "Hidden: visa data is shown to IRO officers and administrators only." in (
            response.text
        )


def test_mobility_page_lists_status_changes_and_offers_the_next_steps(as_user, world, officer):
    from hamkor.mobility.services import mobility_transition

    mobility_transition(mobility=world["guest"], name="nominate", actor=officer)

    officer_page = as_user("officer").get(world["guest"].get_absolute_url()).text
    leadership_page = as_user("leadership").get(world["guest"].get_absolute_url()).text

    assert "Nominated" in officer_page and str(officer) in officer_page
    step = reverse(
        "mobility:mobility_transition", kwargs={"pk": world["guest"].pk, "name": "accept"}
    )
    assert step in officer_page
    assert step not in leadership_page


def test_mobility_page_has_the_documents_card(as_user, world):
    response = as_user("coordinator").get(world["teaching"].get_absolute_url())

    assert 'id="documents-title"' in response.text
    assert "Learning agreement" in response.text  # a kind offered for attaching
