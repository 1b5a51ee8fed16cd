"""The dashboard: key figures against the previous period, the charts' tables, the map, each
staff role's view of them, and bad input."""

from __future__ import annotations

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from conftest import login
from hamkor.reports import dashboard, series
from hamkor.reports.achievements import Period
from hamkor.reports.tests.dashboard_data import agreement, year_of_work

D = datetime.date
URL = "/staff/reports/dashboard/"
PERIOD = {"from": "2022-01-01", "to": "2025-12-31"}


def period(**given) -> Period:
    values = {"start": D(2022, 1, 1), "end": D(2025, 12, 31), "on": D(2026, 6, 1)}
    return Period(**{**values, **given})


# --- The previous period -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "before"),
    [
        # Four whole years: the four before, leap days or not.
        ((2022, 1, 1), (2025, 12, 31), ((2018, 1, 1), (2021, 12, 31))),
        ((2025, 1, 1), (2025, 12, 31), ((2024, 1, 1), (2024, 12, 31))),
        # Whole months: as many months before (February's end, not the 30th).
        ((2024, 3, 1), (2024, 5, 31), ((2023, 12, 1), (2024, 2, 29))),
        # Any other period: as many days before.
        ((2024, 3, 10), (2024, 3, 19), ((2024, 2, 29), (2024, 3, 9))),
    ],
)
def test_previous_period_has_the_same_length_and_ends_the_day_before(start, end, before):
    previous = dashboard.previous_period(period(start=D(*start), end=D(*end)))
    assert (previous.start, previous.end) == (D(*before[0]), D(*before[1]))


def test_period_label_names_whole_years_by_their_numbers():
    assert dashboard.period_label(period()) == "2022–2025"
    assert dashboard.period_label(period(start=D(2025, 1, 1))) == "2025"


def test_key_figures_compare_with_the_previous_period(db, faculty_a):
    year_of_work(faculty_a, 2019, times=1)
    year_of_work(faculty_a, 2023, times=3)
    with translation.override("en"):
        figures = {figure.key: figure for figure in dashboard.key_figures(period())}
    signed = figures["agreements_signed"]
    assert (signed.value, signed.previous, signed.change) == (3, 1, 2)
    assert signed.direction == "up"
    assert signed.change_sign == "+2"
    assert signed.change_words == "up from 1 in 2018–2021"
    income = figures["grant_income_usd"]
    assert (income.value, income.previous) == (3000, 1000)
    assert income.shown == "3,000 USD"


def test_a_figure_that_fell_says_so_with_a_minus_sign(db, faculty_a):
    year_of_work(faculty_a, 2020, times=2)
    with translation.override("en"):
        signed = dashboard.key_figures(period())[0]
    assert signed.direction == "down"
    assert signed.change_sign == "\u22122"
    assert signed.change_words == "down from 2 in 2018–2021"


# --- The page, for each role ---------------------------------------------------------------


@pytest.mark.parametrize("persona", ["admin", "officer", "coordinator", "leadership"])
def test_every_staff_role_opens_the_dashboard(persona, request, client, faculty_a):
    year_of_work(faculty_a, 2023)
    login(client, request.getfixturevalue(persona))
    response = client.get(URL, PERIOD)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Figures and charts" in html
    assert 'data-chart="chart-data-agreements_by_year"' in html
    assert 'id="partner-map"' in html


def test_the_menu_leads_to_the_dashboard(client, leadership):
    login(client, leadership)
    html = client.get(reverse("workbench:home")).content.decode()
    assert f'href="{URL}"' in html


def test_applicants_and_visitors_stay_out(client, applicant):
    assert client.get(URL).status_code == 302
    login(client, applicant)
    assert client.get(URL).status_code == 403


def agreements_table(response) -> dict:
    """The year → agreements signed cells of the page's table (the last cell: the total)."""
    chart = next(c for c in response.context["charts"] if c["table"].key == "agreements_by_year")
    return {row[0]: row[-1] for row in chart["rows"]}


def test_a_coordinator_sees_only_their_faculty(client, coordinator, faculty_a, faculty_b):
    year_of_work(faculty_a, 2023, times=1)
    year_of_work(faculty_b, 2023, times=2, country="FR")
    login(client, coordinator)
    # Asking for another faculty changes nothing: the faculty is the coordinator's.
    response = client.get(URL, {**PERIOD, "faculty": faculty_b.code})
    assert response.context["period"].faculty == faculty_a
    assert agreements_table(response)[2023] == 1
    assert response.context["map_data"]["values"] == {"DE": 1}
    assert "faculty" not in response.context["form"].fields
    figures = {figure.key: figure.value for figure in response.context["figures"]}
    assert figures["agreements_signed"] == 1
    assert figures["grant_income_usd"] == 1000


def test_others_see_every_faculty_or_the_one_they_choose(client, officer, faculty_a, faculty_b):
    year_of_work(faculty_a, 2023, times=1)
    year_of_work(faculty_b, 2023, times=2, country="FR")
    login(client, officer)
    assert agreements_table(client.get(URL, PERIOD))[2023] == 3
    chosen = client.get(URL, {**PERIOD, "faculty": faculty_b.code})
    assert agreements_table(chosen)[2023] == 2
    assert chosen.context["map_data"]["values"] == {"FR": 2}


def test_a_coordinator_without_a_faculty_gets_a_sentence(client, coordinator):
    coordinator.org_unit = None
    coordinator.save(update_fields=["org_unit"])
    login(client, coordinator)
    response = client.get(URL)
    assert response.status_code == 200
    assert "not linked to a faculty" in response.content.decode()
    assert "charts" not in response.context


def test_the_tables_show_the_series_numbers(client, officer, faculty_a):
    year_of_work(faculty_a, 2022, times=2)
    year_of_work(faculty_a, 2024, times=1, country="FR")
    login(client, officer)
    response = client.get(URL, PERIOD)
    shown = response.context["period"]
    for chart, function in zip(response.context["charts"], series.CHARTS, strict=True):
        expected = function(shown)
        assert chart["table"] == expected
        assert [row[1 : 1 + len(expected.columns)] for row in chart["rows"]] == [
            list(row.values) for row in expected.rows
        ]
        data = json.loads(json.dumps(chart["data"]))  # as the page's script reads it
        assert [dataset["data"] for dataset in data["datasets"]] == [
            [float(row.values[i]) for row in expected.rows] for i in range(len(expected.columns))
        ]
    html = response.content.decode()
    caption = '<caption class="caption-top small" id="agreements_by_year-caption">'
    assert f"{caption}Agreements signed per year, by kind" in html


def test_the_map_counts_partners_in_force_and_links_to_their_country(client, officer, faculty_a):
    agreement(faculty_a, signed_on=D(2023, 1, 10), country="DE")
    agreement(faculty_a, signed_on=D(2023, 2, 10), country="DE")
    agreement(faculty_a, signed_on=D(2023, 3, 10), country="JP")
    login(client, officer)
    response = client.get(URL, PERIOD)
    countries = response.context["map_countries"]
    assert [(c.code, c.name, c.institutions) for c in countries] == [
        ("DE", "Germany", 2),
        ("JP", "Japan", 1),
    ]
    institutions = reverse("partners:institution_list")
    assert countries[0].url == f"{institutions}?country=DE"
    listed = client.get(countries[0].url)
    assert listed.status_code == 200
    assert {i.country.code for i in listed.context["table"].data} == {"DE"}


def test_a_committee_member_sees_the_map_without_links_they_could_not_open(
    client, reviewer, faculty_a
):
    agreement(faculty_a, signed_on=D(2023, 1, 10), country="DE")
    login(client, reviewer)
    response = client.get(URL, PERIOD)
    assert response.status_code == 200
    assert [c.code for c in response.context["map_countries"]] == ["DE"]
    assert reverse("partners:institution_list") not in response.text
    assert response.context["map_data"]["urls"] == {}


def test_country_names_follow_the_page_language(client, officer, faculty_a):
    agreement(faculty_a, signed_on=D(2023, 1, 10), country="DE")
    officer.language = "ru"
    officer.save(update_fields=["language"])
    login(client, officer)
    response = client.get(URL, PERIOD)
    assert response.context["map_countries"][0].name == "Германия"
    assert response.context["map_data"]["names"]["JP"] == "Япония"


# --- Empty periods and bad input -----------------------------------------------------------


def test_a_period_without_records_shows_sentences_not_empty_charts(client, officer, faculty_a):
    year_of_work(faculty_a, 2023)
    login(client, officer)
    response = client.get(URL, {"from": "2010-01-01", "to": "2011-12-31"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "No agreement, mobility, event or grant income is recorded for 2010–2011." in html
    # Only the partner countries, those of today, have something to draw.
    assert html.count("<canvas") == 1
    assert 'data-chart="chart-data-partner_countries"' in html
    assert "Nothing was recorded in this period." in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from": "2025-01-01", "to": "2024-01-01"}, "The period ends before it starts."),
        ({"from": "2025-13-45"}, "Enter a valid date."),
        ({"to": "yesterday"}, "Enter a valid date."),
        ({"faculty": "no-such-faculty"}, "Select a valid choice."),
        ({"from": "0001-01-01"}, "Enter a date between"),
    ],
)
def test_bad_input_gets_the_form_error_not_a_500(client, officer, query, message):
    login(client, officer)
    response = client.get(URL, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "<canvas" not in html


def test_bad_input_is_explained_in_the_users_language(client, officer):
    officer.language = "ru"
    officer.save(update_fields=["language"])
    login(client, officer)
    response = client.get(URL, {"from": "2025-13-45"})
    assert response.status_code == 200
    assert "Введите корректную дату." in response.content.decode()


def test_the_period_is_named_as_on_the_achievements_page(client, officer):
    login(client, officer)
    html = client.get(URL, PERIOD).content.decode()
    assert 'name="from"' in html and 'name="to"' in html
    assert 'name="start"' not in html and 'name="end"' not in html
    assert "2022-01-01" in html and "2025-12-31" in html


def test_a_bookmark_with_the_old_period_names_lands_on_the_new_ones(client, officer):
    login(client, officer)
    old = client.get(URL, {"start": "2023-01-01", "end": "2023-12-31", "faculty": "x"})
    assert old.status_code == 301
    assert old["Location"] == f"{URL}?faculty=x&from=2023-01-01&to=2023-12-31"
    followed = client.get(URL, {"start": "2023-01-01", "end": "2023-12-31"}, follow=True)
    assert followed.status_code == 200
    assert followed.context["period"].start == D(2023, 1, 1)
    # A new name given beside its old one wins.
    both = client.get(URL, {"start": "2020-01-01", "from": "2023-01-01"})
    assert both["Location"] == f"{URL}?from=2023-01-01"


# --- A fixed number of queries -------------------------------------------------------------


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, PERIOD).status_code == 200
    return len(captured)


def test_the_dashboard_costs_the_same_queries_with_more_data(client, officer, faculty_a, faculty_b):
    login(client, officer)
    year_of_work(faculty_a, 2023, times=1)
    count_queries(client)  # caches warmed (content types, sessions)
    few = count_queries(client)
    for year in (2022, 2024, 2025):
        year_of_work(faculty_a, year, times=3, country="FR")
        year_of_work(faculty_b, year, times=2, country="JP")
    many = count_queries(client)
    assert many == few
