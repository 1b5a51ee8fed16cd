"""``hamkor erasmus-grant`` run as scripts run it: a separate process, its real exit status.

The process reads a copy of the test database (SQLite) or the test database itself
(PostgreSQL), holding the rate tables loaded by this test.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from hamkor.core.testing.scripts import database_url_for_process, run_hamkor
from hamkor.grants.services import erasmus_rates_load


@pytest.fixture
def database_url(transactional_db, tmp_path) -> str:
    erasmus_rates_load(actor=None)
    return database_url_for_process(tmp_path)


def run(database_url: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return run_hamkor(database_url, tmp_path, "erasmus-grant", *args)


def test_erasmus_grant_as_a_process(database_url, tmp_path):
    done = run(
        database_url, tmp_path,
        "--call-year", "2025", "--action", "KA171", "--participant", "staff",
        "--origin", "40.5286,70.9425", "--venue", "41.9028,12.4964",
        "--days", "20", "--country", "IT", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert list(result) == ["distance_km", "band", "travel", "individual", "top_ups", "total",
                            "unverified"]  # fmt: skip
    # Kokand to Rome: about 4 790 km; staff to Italy (group 2): 14 x 160 + 6 x 112 = 2912.
    assert 4750 < result["distance_km"] < 4850
    assert (result["band"], result["travel"], result["individual"]) == ("4000-7999", 1188, 2912)

    missing_year = run(
        database_url, tmp_path,
        "--call-year", "2019", "--action", "KA171", "--participant", "staff",
        "--km", "4500", "--days", "20", "--country", "IT", "--json",
    )  # fmt: skip
    assert missing_year.returncode == 2
    assert missing_year.stdout == ""
    assert missing_year.stderr.count("\n") == 1
    assert "2019" in missing_year.stderr

    out_of_range = run(
        database_url, tmp_path,
        "--call-year", "2025", "--action", "KA171", "--participant", "staff",
        "--origin", "40.5,200", "--venue", "41.9,12.5", "--days", "20", "--country", "IT",
        "--json",
    )  # fmt: skip
    assert out_of_range.returncode == 2
    assert out_of_range.stderr.count("\n") == 1
    assert "200" in out_of_range.stderr

    bad_choice = run(
        database_url, tmp_path,
        "--call-year", "2025", "--action", "KA999", "--participant", "staff", "--km", "10",
    )  # fmt: skip
    assert bad_choice.returncode == 2
    assert bad_choice.stderr.count("\n") == 1
    assert "KA999" in bad_choice.stderr
