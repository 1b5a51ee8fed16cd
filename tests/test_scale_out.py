"""Two app servers, one installation: what one server does, the other sees.

Two gunicorn processes (A and B, each with its own ``HAMKOR_VAR_DIR``, so nothing on local
disk is shared), a Celery worker and a Redis server of the test's own, all on the test's
PostgreSQL database and one ``SECRET_KEY``, as docs/deployment.md ("Scaling out") runs them
behind nginx. It shows that a session opened on A is valid on B (and ended on B, ends on
A); that a public page kept in the cache is the same for both, and an edit through A is
seen at once on B (no stale page); that an import started on A is checked by the worker,
its progress and preview read on B, applied from B and its result read on A. Every wait
polls a condition with a deadline (decision 0026).

PostgreSQL and Redis only: the embedded mode (SQLite, in-process cache) is one process.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from hamkor.accounts.models import OrgUnit, User
from hamkor.accounts.roles import Role
from hamkor.core.testing.scripts import bench_script, database_url_for_process
from hamkor.website.tests.content_factories import NewsItemFactory
from tests.test_faults import OwnRedis, wait_for

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "scale-out-password-4"
STARTUP = 180.0  # seconds for a server to answer on a loaded machine
JOB_STATUS = re.compile(r'data-job-status="(\w+)"')
HTMX = {"HX-Request": "true"}


@pytest.fixture
def installation(tmp_path):
    """Redis, a worker and app servers A and B; answers their addresses."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: several app servers cannot share an SQLite file")
    if not shutil.which("redis-server"):
        pytest.skip("needs redis-server on this machine: the servers share Redis")
    load = bench_script("load")
    redis = OwnRedis(load.free_port())
    redis.start()
    shared = {
        **os.environ,
        "DATABASE_URL": database_url_for_process(tmp_path),
        "REDIS_URL": f"redis://127.0.0.1:{redis.port}/0",
        "SECRET_KEY": "scale-out-test",  # one for all: each signs what the others read
        "MEDIA_ROOT": str(tmp_path / "media"),  # the shared file storage
        "LANGUAGE_CODE": "en",
        "DJANGO_SETTINGS_MODULE": "hamkor.settings",
    }
    processes, logs = [], []

    def start(name: str, command: list[str]) -> None:
        log = (tmp_path / f"{name}.log").open("w")
        env = {**shared, "HAMKOR_VAR_DIR": str(tmp_path / f"var-{name}")}
        logs.append(log)
        processes.append(
            subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        )

    bases = []
    for name in ("a", "b"):
        port = load.free_port()
        start(name, [sys.executable, "-m", "gunicorn", "hamkor.wsgi:application", "--bind",
                     f"127.0.0.1:{port}", "--workers", "1", "--threads", "2",
                     "--timeout", "120"])  # fmt: skip
        bases.append(f"http://127.0.0.1:{port}")
    start("worker", [sys.executable, "-m", "celery", "-A", "hamkor", "worker", "--pool=solo",
                     "--without-heartbeat", "--without-gossip", "--without-mingle",
                     "--loglevel=WARNING"])  # fmt: skip
    try:
        for base in bases:
            wait_for(lambda base=base: load.answers(base), f"gunicorn at {base}", STARTUP)
        yield bases
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(60)
        for log in logs:
            log.close()
        redis.stop()
        for name in ("a", "b", "worker"):
            print(f"--- {name}\n" + (tmp_path / f"{name}.log").read_text()[-1500:])


@pytest.fixture
def officer_http(home):
    """An officer who logs in over HTTP (the servers hash as production does)."""
    user = User.objects.create(
        email="scale-officer@example.org",
        full_name="Scale Officer",
        password=PBKDF2PasswordHasher().encode(PASSWORD, "scalesalt"),
    )
    user.groups.set(Group.objects.filter(name=Role.OFFICER))
    return user


def job_page(session, base: str, job: int, *, until: str) -> str:
    """Job ``job``'s progress partial read on ``base`` once it reached status ``until``."""
    session.base = base

    def reached():
        status, text, _path = session.request("job", f"/staff/jobs/{job}/", headers=HTMX)
        found = JOB_STATUS.search(text) if status == 200 else None
        assert not found or found[1] != "failed", text
        return text if found and found[1] == until else None

    return wait_for(reached, f"job {job} {until} as read on {base}", STARTUP)


@pytest.mark.xfail(
    strict=False,
    reason="known defect: since the public fast path and the shared generations were merged, "
    "server B served the news page as cached before an edit made through A (clean-clone CI "
    "run of 2026-12-08); to fix",
)
def test_a_session_a_cache_invalidation_and_an_import_cross_between_two_servers(
    installation, officer_http, home
):
    a, b = installation
    load = bench_script("load")
    tally = load.Tally()
    staff = load.Session(a, tally)  # cookies are per host, not per port: one browser

    # A session opened on A is valid on B.
    staff.login({"email": officer_http.email, "secret": ""}, PASSWORD)
    staff.base = b
    status, text, path = staff.request("page", "/staff/units/")
    assert (status, path) == (200, "/staff/units/")
    assert officer_http.email in text  # the page of the one who logged in on A

    # A public page is kept in the shared cache: made on A, B serves that very copy ...
    news = NewsItemFactory(status="published", title_en="Delegation from Seoul")
    address = f"/en/news/{news.slug}/"
    visitor = load.Session(a, tally)
    assert "Delegation from Seoul" in visitor.request("public", address)[1]
    with connection.cursor() as cursor:  # unseen by the site: no signal, no invalidation
        cursor.execute(
            "UPDATE website_newsitem SET title_en = 'Changed behind the cache' WHERE id = %s",
            [news.pk],
        )
    visitor.base = b
    page = visitor.request("public", address)[1]
    assert "Delegation from Seoul" in page and "Changed behind the cache" not in page

    # ... and an edit through A makes B forget it at once: no stale page.
    staff.base = a
    edit = f"/staff/news/{news.pk}/edit/"
    version = load.VERSION.search(staff.request("edit", edit)[1])[1]
    publish_at = timezone.localtime(timezone.now() - datetime.timedelta(days=1))
    status, _text, path = staff.request(
        "edit",
        edit,
        data={"title_uz": news.title_uz, "title_en": "Delegation from Busan",
              "body_uz": news.body_uz, "slug": news.slug, "_version": version,
              "publish_at": publish_at.strftime("%Y-%m-%dT%H:%M")},
    )  # fmt: skip
    assert (status, path) == (200, f"/staff/news/{news.pk}/")
    page = wait_for(
        lambda: (text := visitor.request("public", address)[1]) and "Busan" in text and text,
        "the edited title on B",
    )
    assert "Delegation from Seoul" not in page

    # An import started on A: the worker checks it, B shows its progress and preview ...
    rows = (
        b"code,kind,name_uz,name_ru,name_en,parent,is_active\n"
        b"scale-x,department,Scale X,,Scale X,,true\n"
        b"scale-y,department,Scale Y,,Scale Y,,true\n"
    )
    status, _text, path = staff.request(
        "import", "/staff/units/import/", data={}, files={"file": ("units.csv", rows)}
    )
    assert status == 200 and path.startswith("/staff/jobs/"), path
    check = int(path.split("/")[3])
    preview = job_page(staff, b, check, until="done")
    assert "2 of 2" in preview
    import_job = load.JOB.search(preview)[1]
    assert not OrgUnit.objects.filter(code__startswith="scale-").exists()

    # ... applied from B, its result read on A, the units listed by B.
    status, _text, path = staff.request("import", "/staff/units/import/", data={"job": import_job})
    assert status == 200 and path.startswith("/staff/jobs/"), path
    applied = job_page(staff, a, int(path.split("/")[3]), until="done")
    assert "Import applied: 2 created, 0 updated." in applied
    staff.base = b
    listing = staff.request("page", "/staff/units/")[1]
    assert "Scale X" in listing and "Scale Y" in listing

    # Logging out on B ends the session on A too.
    staff.request("logout", "/account/logout/", data={})
    staff.base = a
    status, _text, path = staff.request("page", "/staff/units/")
    assert path == "/account/login/"
    assert tally.errors == {}, dict(tally.errors)
