"""PostgreSQL and Redis going away under a running server, and a worker lost mid-task.

The outage test starts its own PostgreSQL (``initdb`` into a temporary folder, as the
``postgres`` user when run as root, which ``initdb`` refuses) and its own ``redis-server``,
each on a free port, so that the server the other tests use is never stopped. It copies the
test database into it (``pg_dump | pg_restore``: no migrations to run), starts gunicorn on
them, and then: Redis stopped, pages are still served (the cache degrades) and a login,
whose rate limit needs Redis, answers 503; PostgreSQL stopped while an edit waits for a row
we hold locked, the edit answers 503 and changed nothing; both started again, the same
gunicorn serves pages and saves the edit. Every wait polls a condition with a deadline.

PostgreSQL only: on SQLite there is no server to lose.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from glob import glob
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.db import connection, connections, transaction

from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.roles import Role
from hamkor.api.services import api_token_create
from hamkor.core import jobs
from hamkor.core.models import Job
from hamkor.core.testing.scripts import bench_script

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[1]
DEADLINE = 30.0
PASSWORD = "fault-test-password-9"


def wait_for(condition, what: str, seconds: float = DEADLINE):
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"{what}: not within {seconds} s"
        time.sleep(0.1)


def says_unavailable(page: str) -> bool:
    """Whether ``page`` holds the "temporarily unavailable" message, in whichever language the
    server chose for it (the visitor's, or the default, Uzbek)."""
    from django.utils import translation
    from django.utils.html import escape

    from hamkor.core.faults import unavailable_message

    found = []
    for language in ("uz", "ru", "en"):
        with translation.override(language):
            message = str(unavailable_message())
        found.append(message in page or escape(message) in page)
    return any(found)


def postgres_bin(name: str) -> str | None:
    found = sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def as_postgres(command: list[str]) -> list[str]:
    """``initdb`` and ``postgres`` refuse to run as root: as the ``postgres`` user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class OwnPostgres:
    def __init__(self, port: int):
        # Not under pytest's folder: the postgres user could not enter root's.
        self.folder, self.port = Path(tempfile.mkdtemp(prefix="hamkor-faults-pg-")), port
        folder = self.folder
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        subprocess.run(
            as_postgres([postgres_bin("initdb"), "-D", str(folder), "-U", "postgres",
                         "-A", "trust", "--no-sync", "-E", "UTF8"]),
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip

    def pg_ctl(self, *args: str) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        subprocess.run(
            as_postgres([postgres_bin("pg_ctl"), "-D", str(self.folder), "-o", options,
                         "-l", str(self.folder / "log"), "-w", *args]),
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip

    def start(self) -> None:
        self.pg_ctl("start")

    def stop(self) -> None:
        self.pg_ctl("-m", "fast", "stop")

    def url(self, name: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


class OwnRedis:
    def __init__(self, port: int):
        self.port, self.process = port, None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )  # fmt: skip

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)


@pytest.fixture
def servers(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: with SQLite there is no database server to lose")
    if not (postgres_bin("initdb") and shutil.which("redis-server")):
        pytest.skip("needs PostgreSQL's initdb and redis-server on this machine")
    load = bench_script("load")
    postgres = OwnPostgres(load.free_port())
    postgres.start()
    redis = OwnRedis(load.free_port())
    redis.start()
    try:
        yield postgres, redis
    finally:
        if redis.process.poll() is None:
            redis.stop()
        subprocess.run(
            as_postgres([postgres_bin("pg_ctl"), "-D", str(postgres.folder), "-m",
                         "immediate", "stop"]),
            capture_output=True, timeout=60,
        )  # fmt: skip
        shutil.rmtree(postgres.folder, ignore_errors=True)


def copy_database(postgres: OwnPostgres) -> None:
    """The test database (migrated, with this test's rows) into our own server."""
    settings = connection.settings_dict
    connections.close_all()
    subprocess.run(
        [postgres_bin("createdb"), "-h", "127.0.0.1", "-p", str(postgres.port), "-U",
         "postgres", "hamkor"],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    dump = subprocess.Popen(
        [postgres_bin("pg_dump"), "-h", settings["HOST"] or "127.0.0.1", "-p",
         str(settings["PORT"] or 5432), "-U", settings["USER"] or "postgres", "-Fc",
         settings["NAME"]],
        stdout=subprocess.PIPE,
    )  # fmt: skip
    subprocess.run(
        [postgres_bin("pg_restore"), "-h", "127.0.0.1", "-p", str(postgres.port), "-U",
         "postgres", "--no-owner", "-d", "hamkor"],
        stdin=dump.stdout, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    assert dump.wait(60) == 0


def psql(postgres: OwnPostgres, sql: str) -> str:
    return subprocess.run(
        [postgres_bin("psql"), "-h", "127.0.0.1", "-p", str(postgres.port), "-U", "postgres",
         "-d", "hamkor", "-At", "-c", sql],
        check=True, capture_output=True, text=True, timeout=30,
    ).stdout.strip()  # fmt: skip


def test_pages_answer_503_during_outages_and_recover_by_themselves(servers, tmp_path, home):
    postgres, redis = servers
    load = bench_script("load")
    officer = User.objects.create(
        email="fault-officer@example.org",
        full_name="Fault Officer",
        password=PBKDF2PasswordHasher().encode(PASSWORD, "faultsalt"),
    )
    officer.groups.set(Group.objects.filter(name=Role.OFFICER))
    unit = OrgUnit.objects.create(institution=home, kind="department", code="fault", name_en="F")
    _token, key = api_token_create(user=officer, name="fault test")
    copy_database(postgres)

    port = load.free_port()
    env = {
        **os.environ,
        "DATABASE_URL": postgres.url("hamkor"),
        "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
        "HAMKOR_VAR_DIR": str(tmp_path / "var"),
        "SECRET_KEY": "fault-test",
        "DJANGO_SETTINGS_MODULE": "hamkor.settings",
    }
    log = (tmp_path / "gunicorn.log").open("w")
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "hamkor.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", "1", "--threads", "4", "--timeout", "60"],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: load.answers(base), "gunicorn")
        tally = load.Tally()
        staff = load.Session(base, tally)
        staff.login({"email": officer.email, "secret": ""}, PASSWORD)
        assert staff.request("page", "/staff/units/")[0] == 200
        edit = f"/staff/units/{unit.pk}/edit/"
        form = {
            "institution": home.pk,
            "kind": "department",
            "code": "fault",
            "name_en": "Edited",
            "name_uz": "Edited",
            "is_active": "on",
            "_version": 1,
        }

        # Redis out: pages are served without the cache; a login (rate-limited) is a 503.
        redis.stop()
        assert load.Session(base, tally).request("page", "/uz/")[0] == 200
        assert staff.request("page", "/staff/units/")[0] == 200
        visitor = load.Session(base, tally)
        visitor.request("page", "/account/login/")
        status, text, _path = visitor.request(
            "page", "/account/login/", data={"username": officer.email, "password": PASSWORD}
        )
        assert status == 503
        assert says_unavailable(text)

        # PostgreSQL out while an edit is under way: it waits for the row we hold, then
        # its connection is lost mid-transaction.
        holder = subprocess.Popen(
            [postgres_bin("psql"), "-h", "127.0.0.1", "-p", str(postgres.port), "-U",
             "postgres", "-d", "hamkor", "-c",
             f"BEGIN; SELECT id FROM accounts_orgunit WHERE id = {unit.pk} FOR UPDATE; "
             "SELECT pg_sleep(600);"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(lambda: psql(postgres, "SELECT count(*) FROM pg_locks WHERE granted AND "
                                        "mode = 'RowShareLock'") != "0", "row held")  # fmt: skip
        answer = {}
        sender = threading.Thread(
            target=lambda: answer.update(edit=staff.request("edit", edit, data=form))
        )
        sender.start()
        wait_for(
            lambda: psql(postgres, "SELECT count(*) FROM pg_locks WHERE NOT granted") != "0",
            "the edit waiting for the row",
        )
        postgres.stop()
        sender.join(DEADLINE)
        holder.wait(DEADLINE)
        status, text, _path = answer["edit"]
        assert status == 503
        assert says_unavailable(text)
        status, text, _path = staff.request("page", "/staff/units/")
        assert status == 503
        api = load.Session(base, tally).request(
            "api",
            "/api/v1/org-units/",
            headers={"Accept": "application/json", "Authorization": f"Token {key}"},
        )
        assert api[0] == 503 and '"detail"' in api[1]

        # Both back: the same gunicorn answers again, and the edit had changed nothing.
        postgres.start()
        redis.start()
        wait_for(lambda: staff.request("page", "/staff/units/")[0] == 200, "service back")
        assert psql(postgres, f"SELECT name_en, version FROM accounts_orgunit "
                              f"WHERE id = {unit.pk}") == "F|1"  # fmt: skip
        assert staff.request("edit", edit, data=form)[0] == 200  # saved, redirected
        assert psql(postgres, f"SELECT name_en FROM accounts_orgunit WHERE id = {unit.pk}") == (
            "Edited"
        )
        status, _text, _path = visitor.request(
            "page", "/account/login/", data={"username": officer.email, "password": PASSWORD}
        )
        assert status == 200
    finally:
        gunicorn.terminate()
        gunicorn.wait(30)
        log.close()
    print((tmp_path / "gunicorn.log").read_text()[-2000:])


def test_a_job_whose_worker_was_lost_midway_runs_again_once(officer, home):
    """A worker lost mid-task is, for PostgreSQL, a connection that closes: its transaction
    is rolled back and its lock on the job released. The message delivered again (acks
    late) runs the job anew; delivered while the first worker still runs it, it does
    nothing. Simulated with a thread whose connection the server terminates (a real worker
    process killed gives the server the same closed connection)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the lock that tells a lost worker is PostgreSQL's")
    job = jobs.job_create(owner=officer, kind=Job.Kind.EXPORT)
    midway, carry_on, backend = threading.Event(), threading.Event(), {}

    class WorkerLost(BaseException):
        """The process is gone: no code of it runs any more (no failure is recorded)."""

    runs = []

    def work(job, progress):
        runs.append(job.pk)
        with transaction.atomic():
            OrgUnit.objects.create(
                institution=home, kind="office", code=f"job-{job.pk}", name_en="Done once"
            )
            backend["pid"] = connection.connection.info.backend_pid
            midway.set()
            assert carry_on.wait(DEADLINE)
            raise WorkerLost

    def first_worker():
        try:
            jobs.job_run(job.pk, work)
        except WorkerLost:
            pass
        finally:
            connections.close_all()

    lost = threading.Thread(target=first_worker)
    lost.start()
    assert midway.wait(DEADLINE)
    # Delivered again while the first worker is alive: nothing runs.
    assert jobs.job_run(job.pk, work) is None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [backend["pid"]])
    carry_on.set()
    lost.join(DEADLINE)

    def lock_released():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = %s",
                [job.pk],
            )
            return cursor.fetchone()[0] == 0

    wait_for(lock_released, "the lost worker's lock released")
    assert Job.objects.get(pk=job.pk).status == Job.Status.RUNNING
    assert not OrgUnit.objects.filter(code=f"job-{job.pk}").exists()  # rolled back

    def finish(job, progress):
        runs.append(job.pk)
        OrgUnit.objects.create(
            institution=home, kind="office", code=f"job-{job.pk}", name_en="Done once"
        )

    assert jobs.job_run(job.pk, finish).status == Job.Status.DONE
    assert jobs.job_run(job.pk, finish) is None  # a third delivery: done already
    assert OrgUnit.objects.filter(code=f"job-{job.pk}").count() == 1
    assert len(runs) == 2  # the lost run and the one that finished
