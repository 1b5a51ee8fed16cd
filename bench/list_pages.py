"""How the generic list page scales: time and queries for 25 to 250 rows out of 5,000.

Prints figures; asserts nothing. Runs on a throw-away SQLite database (or DATABASE_URL).

    .venv/bin/python bench/list_pages.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HAMKOR_VAR_DIR", tempfile.mkdtemp(prefix="hamkor-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamkor.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

ROWS = 5_000


def main() -> None:
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("demo_data", stdout=quiet)
    from hamkor.accounts.models import OrgUnit, User
    from hamkor.partners.models import Institution

    home = Institution.objects.home()
    OrgUnit.objects.bulk_create(
        OrgUnit(
            institution=home,
            kind="department",
            code=f"b{n}",
            name_uz=f"Kafedra {n}",
            name_en=f"Chair {n}",
        )
        for n in range(ROWS)
    )
    client = Client()
    client.force_login(User.objects.get(email="officer@hamkor.demo"))
    print(f"list of {OrgUnit.objects.count()} units, {connection.vendor}")
    print(f"{'page size':>10} {'median ms':>10} {'queries':>8}")
    with override_settings(DEBUG=True):
        for size in (25, 100, 250):
            times = []
            for _ in range(7):
                reset_queries()
                start = time.perf_counter()
                response = client.get("/staff/units/", {"per_page": size, "sort": "name"})
                times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200
            print(f"{size:>10} {statistics.median(times):>10.1f} {len(connection.queries):>8}")
        for fmt in ("csv", "xlsx"):
            start = time.perf_counter()
            response = client.get("/staff/units/", {"export": fmt})
            elapsed = (time.perf_counter() - start) * 1000
            print(f"export {fmt} of every row: {elapsed:.0f} ms, {len(response.content):,} bytes")


if __name__ == "__main__":
    main()
