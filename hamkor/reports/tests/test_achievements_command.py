"""``hamkor achievements``: the interface scripts rely on, and its answers to bad input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory, put_in_status
from hamkor.reports.achievements import KEYS

pytestmark = pytest.mark.django_db


def run(*args: str) -> dict:
    out = io.StringIO()
    call_command("achievements", "--json", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def agreements(home, faculty_a):
    for country, day, units in (
        ("TR", "2022-01-01", [faculty_a]),
        ("BE", "2025-12-31", []),
        ("RU", "2026-01-01", []),
    ):
        agreement = AgreementFactory(
            partners=[PartnerFactory(country=country)], signed_on=day, valid_from=day, units=units
        )
        put_in_status(agreement, "active")


def test_the_json_has_exactly_the_keys_numbers_and_the_sorted_countries(agreements):
    figures = run("--from", "2022-01-01", "--to", "2025-12-31")
    assert tuple(figures) == KEYS
    assert figures["agreement_countries"] == ["BE", "TR"]
    for key, value in figures.items():
        if key != "agreement_countries":
            assert isinstance(value, int | float) and not isinstance(value, bool), key
    assert figures["agreements_signed"] == 2


def test_from_to_on_and_faculty_choose_the_records(agreements):
    assert run("--from", "2026-01-01", "--to", "2026-12-31")["agreement_countries"] == ["RU"]
    only_a = run("--from", "2022-01-01", "--to", "2025-12-31", "--faculty", "faculty-a")
    assert only_a["agreements_signed"] == 1
    assert run("--on", "2025-06-01")["partner_universities_active"] == 1
    assert run("--on", "2026-06-01")["partner_universities_active"] == 3


def hamkor_script() -> str:
    return str(Path(sys.executable).with_name("hamkor"))


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--from", "2025-01-01", "--to", "2024-12-31"], "ends before it starts"),
        (["--from", "2025-02-30"], "is not a date"),
        (["--on", "yesterday"], "is not a date"),
        (["--faculty", "no-such-faculty"], "no-such-faculty"),
        (["--until", "2025-01-01"], "unrecognized arguments"),
    ],
)
def test_bad_input_exits_2_with_one_line(args, says, capsys):
    with pytest.raises(SystemExit) as exit_:
        from django.core.management import ManagementUtility

        ManagementUtility(["hamkor", "achievements", "--json", *args]).execute()
    captured = capsys.readouterr()
    assert exit_.value.code == 2
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert says in captured.err


def test_the_console_script_refuses_a_reversed_period_as_scripts_see_it(tmp_path):
    """Run as a script runs it: the ``hamkor`` console script in a process of its own (the
    arguments are refused before the database is opened)."""
    env = {**os.environ, "HAMKOR_VAR_DIR": str(tmp_path)}
    done = subprocess.run(
        [hamkor_script(), "achievements", "--json", "--from", "2025-01-01", "--to", "2024-01-01"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == ["CommandError: The period ends before it starts."]
