"""What keeps the mobility and people lists fast at a large university's size (100,000
mobilities): no filter option or count joins the mobilities, and the list's order and the
academic year are read from indexes. The figures are in bench/README.md."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hamkor.mobility.models import Mobility
from hamkor.mobility.tests.world import LIST, D

PEOPLE = "/staff/people/"


def queries_of(client, url, params=None) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def test_mobility_list_partner_and_agreement_options_do_not_join_the_mobilities(as_user, world):
    client = as_user("officer")

    def options(sql: list[str]) -> list[str]:
        return [
            q
            for q in sql
            if q.startswith(('SELECT "partners_institution"', 'SELECT "agreements_agreement"'))
        ]

    # Search pickers: the page lists no partner or agreement options at all.
    assert options(queries_of(client, LIST)) == []
    # A chosen partner and agreement are checked with EXISTS, never a join over the mobilities.
    chosen = options(
        queries_of(client, LIST, {"partner": world["wien"].pk, "agreement": world["agreement"].pk})
    )
    assert chosen
    for query in chosen:
        assert 'JOIN "MOBILITY_MOBILITY"' not in query.upper()
        assert "DISTINCT" not in query.upper()
    assert any("EXISTS" in query.upper() for query in chosen)  # the validation of the choice


def test_mobility_list_partner_options_are_the_partner_sides(as_user, world):
    form = as_user("officer").get(LIST).context["filterset"].form
    partners = {str(institution) for institution in form.fields["partner"].queryset}
    sides = {
        str(m.receiving_institution if m.is_outgoing else m.sending_institution)
        for m in Mobility.objects.select_related("sending_institution", "receiving_institution")
    }
    assert sides <= partners
    assert str(world["home"]) not in partners


def test_people_list_count_does_not_join_the_mobilities(as_user, world):
    sql = queries_of(as_user("officer"), PEOPLE)

    counts = [q for q in sql if q.startswith("SELECT COUNT(*)") and "mobility_person" in q]
    assert counts
    assert all("mobility_mobility" not in q for q in counts)
    rows = [q for q in sql if q.startswith('SELECT "mobility_person"."id"')]
    # The count of each row's mobilities is a subquery, not a join grouping every person.
    assert rows and all('JOIN "mobility_mobility"' not in q for q in rows)


def test_people_list_shows_and_sorts_by_the_number_of_mobilities(as_user, world):
    response = as_user("officer").get(PEOPLE, {"sort": "-mobilities"})

    counts = [row.record.mobility_count for row in response.context["table"].page.object_list]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == max(
        Mobility.objects.filter(person=p).count()
        for p in {m.person for m in Mobility.objects.all()}
    )


def test_mobility_indexes_serve_the_list_order_and_the_academic_year(db):
    constraints = connection.introspection.get_constraints(
        connection.cursor(), Mobility._meta.db_table
    )
    assert {"mobility_list_order_idx", "mobility_start_idx"} <= set(constraints)


@pytest.mark.parametrize("year", [2023, 2024])
def test_academic_year_filter_uses_the_start_expression_the_index_holds(as_user, world, year):
    sql = queries_of(as_user("officer"), LIST, {"academic_year": year})

    listed = [q for q in sql if q.startswith("SELECT COUNT(*)") and "mobility_mobility" in q]
    assert listed
    assert all("COALESCE" in q.upper() for q in listed)
    expected = sum(
        1
        for m in Mobility.objects.all()
        if D(year, 9, 1) <= (m.actual_start or m.planned_start) <= D(year + 1, 8, 31)
    )
    response = as_user("officer").get(reverse("mobility:mobility_list"), {"academic_year": year})
    assert response.context["table"].page.paginator.count == expected
