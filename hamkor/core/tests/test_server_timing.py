"""The opt-in Server-Timing header the benchmarks read (``HAMKOR_SERVER_TIMING``)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hamkor.core.server_timing import QueryTally

HEADER = re.compile(r'total;dur=([\d.]+), db;dur=([\d.]+), queries;desc="(\d+)"')

pytestmark = pytest.mark.django_db


def test_server_timing_absent_by_default(as_user):
    response = as_user("officer").get("/staff/people/")
    assert response.status_code == 200
    assert "Server-Timing" not in response


def test_server_timing_gives_the_time_and_the_queries_of_the_request(as_user, settings):
    settings.HAMKOR_SERVER_TIMING = True
    client = as_user("officer")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/staff/people/")
    assert response.status_code == 200
    found = HEADER.fullmatch(response["Server-Timing"])
    assert found, response["Server-Timing"]
    total, db, queries = float(found[1]), float(found[2]), int(found[3])
    assert queries == len(captured) > 0
    assert 0 < db <= total


def test_server_timing_counts_zero_queries_for_a_request_without_any(client, settings):
    settings.HAMKOR_SERVER_TIMING = True
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/robots.txt")
    found = HEADER.fullmatch(response["Server-Timing"])
    assert found and int(found[3]) == len(captured)


def test_query_tally_counts_each_statement_sent():
    tally = QueryTally()
    with connection.execute_wrapper(tally), connection.cursor() as cursor:
        for number in range(3):
            cursor.execute("SELECT %s", [number])
    assert tally.count == 3
    assert tally.seconds > 0
