"""A background export run by a real Celery worker on Redis, as in production.

The worker is another process, so the test and the worker share a file SQLite database
(in a temporary folder, a copy of the worker's migrated one: ``migrated_sqlite``); the test's
own in-memory database is not used. The test waits for the job's status to change, within a
bounded time.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hamkor.core.testing.scripts import migrated_sqlite_copy

REDIS = ("127.0.0.1", 6379)
REDIS_URL = "redis://127.0.0.1:6379/15"  # a database of its own, never the production one
DEADLINE = 60.0  # seconds for the worker to finish the job

SUBMIT = """
import django
django.setup()
from hamkor.accounts.roles import Role
from hamkor.accounts.tests.factories import UserFactory
from hamkor.core.tasks import export_start
from hamkor.partners.models import Institution
from hamkor.partners.tables import InstitutionTable, institutions_with_list_columns
from hamkor.partners.tests.factories import InstitutionFactory

officer = UserFactory(roles=[Role.OFFICER], email="worker-test@example.org")
for number in range(30):
    InstitutionFactory(name=f"Worker University {number}", partnership="active")
job = export_start(
    owner=officer,
    export_class=InstitutionTable.export_class,
    queryset=institutions_with_list_columns(
        Institution.objects.restrict(officer, "export")
    ).order_by("name"),
    export_format="csv",
)
print(job.pk, job.status)
"""


def redis_reachable() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=1):
            return True
    except OSError:
        return False


def job_row(database: Path, pk: int) -> tuple[str, int, int, str]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
        return connection.execute(
            "SELECT status, done, total, result FROM core_job WHERE id = ?", (pk,)
        ).fetchone()


@pytest.mark.skipif(not redis_reachable(), reason="Redis is not reachable on 127.0.0.1:6379")
# The worker's migrated test database is what ``migrated_sqlite`` copies on SQLite.
@pytest.mark.django_db
def test_a_real_worker_runs_an_export_job_and_reports_its_progress(tmp_path, migrated_sqlite):
    database = migrated_sqlite_copy(tmp_path, migrated_sqlite)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hamkor.settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "REDIS_URL": REDIS_URL,
        "HAMKOR_VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "SECRET_KEY": "worker-test",
    }
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "hamkor", "worker", "--pool=solo",
         "--without-heartbeat", "--without-gossip", "--without-mingle",
         "--loglevel=INFO"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=Path(__file__).resolve().parents[3],
    )  # fmt: skip
    try:
        submitted = subprocess.run(
            [sys.executable, "-c", SUBMIT],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        pk, status = submitted.stdout.split()[-2:]
        # Not run in the submitting process: the message went to Redis.
        assert status == "queued"
        deadline = time.monotonic() + DEADLINE
        row = job_row(database, int(pk))
        while row[0] not in ("done", "failed") and time.monotonic() < deadline:
            assert worker.poll() is None, (tmp_path / "worker.log").read_text()
            time.sleep(0.2)
            row = job_row(database, int(pk))
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        log.close()
    status, done, total, result = row
    assert status == "done", (tmp_path / "worker.log").read_text()
    assert (done, total) == (30, 30)
    lines = (tmp_path / "media" / result).read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 31
    assert lines[1].startswith("Worker University 0,")
