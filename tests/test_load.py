"""The load script's short version: ten users for ten seconds against a live server, every
request answered without an error (a 5xx, a refused connection, an answer the mix does not
expect). Times are printed by ``bench/load.py``, never asserted here."""

from __future__ import annotations

import pytest
from django.db import connection

from hamkor.core.testing.scripts import bench_script

pytestmark = pytest.mark.django_db(transaction=True)


def test_ten_users_for_ten_seconds_meet_no_error(live_server, home):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: concurrent writers on SQLite wait for each other")
    load = bench_script("load")
    data = load.seed(10)

    result = load.drive(live_server.url, data, users=10, seconds=10)

    load.report(result)
    assert result["first_errors"] == []
    assert result["kinds"]["overall"]["errors"] == 0
    assert {"login", "staff list", "public", "api"} <= set(result["kinds"])
    assert result["kinds"]["overall"]["requests"] > 10


def test_the_script_refuses_another_host():
    load = bench_script("load")
    with pytest.raises(SystemExit, match=r"127\.0\.0\.1 only"):
        load.drive("http://192.0.2.1:8000", {"personas": [], "token": ""}, users=1, seconds=1)
