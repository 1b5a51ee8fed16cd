"""The achievements and indicators through the API: the pages' selectors, read only, and a
coordinator's own faculty only."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from hamkor.reports.achievements import KEYS
from hamkor.reports.indicators import INDICATORS

pytestmark = pytest.mark.django_db


def test_achievements_are_those_of_the_command(as_user, capsys):
    response = as_user("leadership").get(
        "/api/v1/achievements/", {"from": "2022-01-01", "to": "2025-12-31", "on": "2025-06-01"}
    )
    assert response.status_code == 200
    body = response.json()
    assert tuple(body["figures"]) == KEYS
    call_command(
        "achievements", "--json", "--from", "2022-01-01", "--to", "2025-12-31", "--on", "2025-06-01"
    )
    command = json.loads(capsys.readouterr().out)
    assert {k: v for k, v in body["figures"].items() if k != "grant_income_usd"} == {
        k: v for k, v in command.items() if k != "grant_income_usd"
    }
    assert float(body["figures"]["grant_income_usd"]) == command["grant_income_usd"]


def test_achievements_of_a_coordinator_are_their_facultys(as_user, faculty_a, faculty_b):
    body = as_user("coordinator").get("/api/v1/achievements/", {"faculty": "faculty-b"}).json()
    assert body["faculty"] == "faculty-a"


def test_a_bad_period_is_a_json_400(as_user):
    client = as_user("officer")
    backwards = client.get("/api/v1/achievements/", {"from": "2025-01-01", "to": "2024-01-01"})
    assert backwards.status_code == 400
    assert client.get("/api/v1/achievements/", {"from": "soon"}).status_code == 400
    assert client.get("/api/v1/indicators/", {"start": "1900"}).status_code == 400
    assert client.get("/api/v1/indicators/", {"start": "2001", "end": "2030"}).status_code == 400


def test_indicators_are_given_by_year(as_user):
    response = as_user("leadership").get("/api/v1/indicators/", {"start": 2023, "end": 2024})
    assert response.status_code == 200
    body = response.json()
    assert [year["year"] for year in body["results"]] == [2023, 2024]
    assert set(body["results"][0]["values"]) == {i.key for i in INDICATORS}
    assert as_user("applicant").get("/api/v1/indicators/").status_code == 403
