"""``hamkor annual-report`` as scripts run it: the file written, status 2 and one line for a
bad argument."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from hamkor.reports.tests.annual_world import YEAR

PROJECT = Path(__file__).resolve().parents[3]


@pytest.fixture
def database_url(transactional_db, annual_world, tmp_path) -> str:
    if connection.vendor == "sqlite":
        target = tmp_path / "copy.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{target}"
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


def run(database_url: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "HAMKOR_VAR_DIR": str(tmp_path / "var"),
        "LANGUAGE_CODE": "en",
        "DJANGO_SETTINGS_MODULE": "hamkor.settings",
    }
    return subprocess.run(
        [sys.executable, "-m", "hamkor.cli", "annual-report", *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_annual_report_command_writes_the_workbook_and_refuses_in_one_line(database_url, tmp_path):
    out = tmp_path / "report.xlsx"
    done = run(database_url, tmp_path, str(YEAR), "--lang", "ru", "--out", str(out))

    assert done.returncode == 0, done.stderr
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] and len(book.sheetnames) > 10

    refused = run(database_url, tmp_path, "20x5", "--out", str(tmp_path / "r.pdf"))
    assert refused.returncode == 2
    assert len(refused.stderr.strip().splitlines()) == 1 and "20x5" in refused.stderr
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["1899", "--out", "{dir}/r.pdf"], "year"),
        (["2025", "--lang", "de", "--out", "{dir}/r.pdf"], "de"),
        (["2025", "--out", "{dir}/r.docx"], ".pdf or .xlsx"),
        (["2025", "--out", "{dir}/missing/folder/r.pdf"], "Cannot write"),
        (["2025", "--faculty", "nowhere", "--out", "{dir}/r.xlsx"], "nowhere"),
    ],
)
def test_annual_report_command_refuses_bad_arguments_with_status_2(db, tmp_path, args, says):
    with pytest.raises(CommandError) as refused:
        call_command("annual_report", *(a.format(dir=tmp_path) for a in args))

    assert refused.value.returncode == 2
    assert says in str(refused.value) and "\n" not in str(refused.value)
