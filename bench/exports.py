"""How the mobility export scales: time and peak memory for 10,000 and 100,000 rows.

Prints figures; asserts nothing. Runs on a throw-away SQLite database (or DATABASE_URL). The
export is timed once without and once with tracemalloc (which slows Python down), so that the
time is the real one and the memory peak is measured on the same work.

    .venv/bin/python bench/exports.py [rows ...]
"""

from __future__ import annotations

import datetime
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HAMKOR_VAR_DIR", tempfile.mkdtemp(prefix="hamkor-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamkor.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

SIZES = tuple(int(arg) for arg in sys.argv[1:]) or (10_000, 100_000)


def fill(rows: int) -> None:
    """``rows`` mobilities of as many people, between the home university and 50 partners."""
    from hamkor.accounts.models import OrgUnit
    from hamkor.mobility.models import Mobility, Person
    from hamkor.partners.models import Institution

    home = Institution.objects.filter(is_home=True).first() or Institution.objects.create(
        name="Home University", country="UZ", is_home=True
    )
    unit = OrgUnit.objects.get_or_create(
        institution=home, code="bench", defaults={"name_uz": "Bench fakulteti"}
    )[0]
    partners = Institution.objects.bulk_create(
        Institution(name=f"Partner University {n}", country="DE", city="Berlin") for n in range(50)
    )
    have = Mobility.objects.count()
    people = Person.objects.bulk_create(
        (
            Person(
                category="student",
                last_name=f"Karimov{n}",
                first_name="Dilshod",
                citizenship="UZ",
                org_unit=unit,
            )
            for n in range(have, rows)
        ),
        batch_size=2_000,
    )
    start = datetime.date(2024, 9, 1)
    Mobility.objects.bulk_create(
        (
            Mobility(
                person=person,
                direction="outgoing",
                kind="student_study",
                programme="ka171",
                sending_institution=home,
                receiving_institution=partners[n % len(partners)],
                home_unit=unit,
                planned_start=start,
                planned_end=start + datetime.timedelta(days=120),
                funding_amount=1260,
                funding_currency="EUR",
            )
            for n, person in enumerate(people)
        ),
        batch_size=2_000,
    )


def export(export_format: str) -> int:
    """The bytes of the whole mobility list's export, as the list view builds it."""
    from hamkor.accounts.models import User
    from hamkor.core import exporting
    from hamkor.mobility.selectors import with_host_qs_rank
    from hamkor.mobility.tables import MobilityExport
    from hamkor.mobility.views.mobilities import LISTED

    user = User(is_superuser=True, is_active=True)
    response = exporting.export_response(
        export=MobilityExport(user),
        queryset=with_host_qs_rank(LISTED.all()),
        export_format=export_format,
    )
    size = sum(len(part) for part in response.streaming_content)
    response.close()
    return size


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"mobility export, {connection.vendor}")
    print(f"{'rows':>8} {'format':>6} {'seconds':>8} {'peak MB':>8} {'file MB':>8}")
    for rows in SIZES:
        fill(rows)
        for export_format in ("csv", "xlsx"):
            started = time.perf_counter()
            size = export(export_format)
            seconds = time.perf_counter() - started
            tracemalloc.start()
            export(export_format)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(
                f"{rows:>8,} {export_format:>6} {seconds:>8.1f} "
                f"{peak / 2**20:>8.1f} {size / 2**20:>8.1f}"
            )


if __name__ == "__main__":
    main()
