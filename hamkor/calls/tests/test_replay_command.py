"""``hamkor calls replay`` run as an auditor runs it: a process of its own, its exit status,
its standard output and error. It reads no database."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path

import pytest

from hamkor.calls.tests.test_selection_file import EXAMPLE
from hamkor.core.testing.scripts import run_hamkor


def replay(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    # No test database: the command must not need one.
    return run_hamkor(f"sqlite:///{tmp_path / 'absent.sqlite3'}", tmp_path, "calls", *args)


def written(tmp_path: Path, data, name: str = "selection.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return str(path)


def test_replay_prints_the_allocation_and_the_reserve(tmp_path):
    data = copy.deepcopy(EXAMPLE)
    data["places"][0]["seats"] = 1
    done = replay(tmp_path, "replay", written(tmp_path, data))
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    # A2 (91.25) takes P2; A1 (87.5) falls back to P1; A3 finds P1 full.
    assert done.stdout == '{"allocation": {"A2": "P2", "A1": "P1"}, "reserve": ["A3"]}\n'


@pytest.mark.parametrize(
    ("content", "named"),
    [
        ({**EXAMPLE, "places": [{"id": "P1", "seats": "two"}]}, "places[0].seats"),
        (json.dumps(EXAMPLE).replace('"P2", "P1"', '"P2", "P9"'),
         'applications[0].preferences[1]: unknown place "P9"'),
        (json.dumps(EXAMPLE).replace("+05:00", "", 1), "applications[0].submitted_at"),
        ('{"places": [', "not JSON"),
        (json.dumps(EXAMPLE).replace("87.5", "NaN"), "NaN"),
    ],
)  # fmt: skip
def test_replay_refuses_a_bad_file_in_one_line_with_status_2(tmp_path, content, named):
    done = replay(tmp_path, "replay", written(tmp_path, content))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert named in done.stderr


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("replay", "/nonexistent/selection.json"), "/nonexistent/selection.json"),
        (("replay",), "FILE.json"),
        (("rerun", "x.json"), "rerun"),
        ((), "ACTION"),
    ],
)
def test_replay_refuses_bad_arguments_in_one_line_with_status_2(tmp_path, args, named):
    done = replay(tmp_path, *args)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1, done.stderr
    assert named in done.stderr
