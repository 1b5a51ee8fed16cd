"""``hamkor annual-report`` as scripts run it: the file written, status 2 and one line for a
bad argument."""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest
from django.core.management import CommandError, call_command

from hamkor.core.testing.scripts import database_url_for_process, run_hamkor
from hamkor.reports.tests.annual_world import YEAR


@pytest.fixture
def database_url(transactional_db, annual_world, tmp_path) -> str:
    return database_url_for_process(tmp_path)


def run(database_url: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return run_hamkor(database_url, tmp_path, "annual-report", *args)


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
