"""The dashboard and the achievements from the cache: computed once per change of what they
count, for each scope, and computed afresh on demand (``reports/figures_cache.py``)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import login
from hamkor.reports.tests.dashboard_data import year_of_work

pytestmark = pytest.mark.django_db

DASHBOARD = "/staff/reports/dashboard/"
ACHIEVEMENTS = "/staff/reports/achievements/"
PERIOD = {"from": "2022-01-01", "to": "2025-12-31"}


def queries(client, url, params) -> tuple[object, int]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return response, len(captured.captured_queries)


def signed_2023(response) -> int:
    """The dashboard's agreements signed in 2023 (the last cell of the year's row)."""
    chart = next(c for c in response.context["charts"] if c["table"].key == "agreements_by_year")
    return {row[0]: row[-1] for row in chart["rows"]}[2023]


def achievement(response, key: str) -> str:
    return {figure.key: figure.shown for figure in response.context["figures"]}[key]


@pytest.mark.parametrize("url", [DASHBOARD, ACHIEVEMENTS])
def test_a_second_request_reads_the_figures_from_the_cache(url, client, officer, faculty_a):
    year_of_work(faculty_a, 2023, times=2)
    login(client, officer)
    _, cold = queries(client, url, PERIOD)
    _, warm = queries(client, url, PERIOD)
    # What is left: the session, the user and their permissions, the form's faculties.
    assert warm <= 8 < cold, (cold, warm)


def test_a_change_to_a_counted_record_shows_on_the_next_request(
    client, officer, faculty_a, django_capture_on_commit_callbacks
):
    year_of_work(faculty_a, 2023, times=1)
    login(client, officer)
    assert signed_2023(client.get(DASHBOARD, PERIOD)) == 1
    assert achievement(client.get(ACHIEVEMENTS, PERIOD), "agreements_signed") == "1"
    with django_capture_on_commit_callbacks(execute=True):
        year_of_work(faculty_a, 2023, times=1)
    assert signed_2023(client.get(DASHBOARD, PERIOD)) == 2
    assert achievement(client.get(ACHIEVEMENTS, PERIOD), "agreements_signed") == "2"


def test_a_coordinator_never_reads_figures_kept_for_another_scope(
    client, officer, coordinator, faculty_a, faculty_b
):
    year_of_work(faculty_a, 2023, times=1)
    year_of_work(faculty_b, 2023, times=2, country="FR")
    login(client, officer)
    # The officer's pages for every faculty and for faculty B are now in the cache.
    assert signed_2023(client.get(DASHBOARD, PERIOD)) == 3
    assert signed_2023(client.get(DASHBOARD, {**PERIOD, "faculty": faculty_b.code})) == 2
    assert achievement(client.get(ACHIEVEMENTS, PERIOD), "agreements_signed") == "3"
    login(client, coordinator)
    for params in (PERIOD, {**PERIOD, "faculty": faculty_b.code}):
        assert signed_2023(client.get(DASHBOARD, params)) == 1
        assert achievement(client.get(ACHIEVEMENTS, params), "agreements_signed") == "1"


def test_the_language_is_part_of_what_is_kept(client, officer, faculty_a):
    year_of_work(faculty_a, 2023, times=1)
    login(client, officer)
    english = client.get(ACHIEVEMENTS, PERIOD).context["statements"]
    client.cookies["django_language"] = "ru"
    russian = client.get(ACHIEVEMENTS, PERIOD, HTTP_ACCEPT_LANGUAGE="ru").context["statements"]
    assert english != russian


@pytest.mark.parametrize("url", [DASHBOARD, ACHIEVEMENTS])
def test_fresh_computes_without_the_cache_for_an_administrator_only(
    url, client, admin, officer, faculty_a, settings
):
    year_of_work(faculty_a, 2023, times=1)
    login(client, admin)
    _, cold = queries(client, url, PERIOD)
    _, fresh = queries(client, url, {**PERIOD, "fresh": "1"})
    assert fresh >= cold - 2
    login(client, officer)
    queries(client, url, PERIOD)
    _, asked = queries(client, url, {**PERIOD, "fresh": "1"})
    assert asked < cold - 2  # an officer's ?fresh=1 is ignored: from the cache
    settings.HAMKOR_FIGURES_CACHE = False
    _, off = queries(client, url, PERIOD)
    assert off >= cold - 2
