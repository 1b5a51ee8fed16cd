"""Time the staff pages on a large database, against the raw SQL each list needs.

    DATABASE_URL=postgres://... .venv/bin/python bench/pages.py [--runs 7] [--no-export]

Run it on a database filled by ``hamkor bench-data`` (``bench/generate.py`` calls it). For
each page it prints the median and 95th-percentile time of ``--runs`` requests by the
officer, the number of queries, and for the lists the ratio of the page's median to the
median of the raw SQL that page needs (its count and the rows of its first page, with the
joins its columns show, written by hand and executed through a cursor in the same run). "its
SQL" is the time of the page's own queries: the rest of the page's time is Python (forms,
templates). "CPU ms" is the processor time this process spent on the page: on a machine
shared with other jobs the times stretch with the wait for a core, the CPU time much less.
Targets: lists within 3x their raw SQL, detail pages under 100 ms. The export is fetched
through the list's URL (``?export=csv``), so it measures whatever the list's export does;
its line also gives the growth of the process's peak memory.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HAMKOR_VAR_DIR", tempfile.mkdtemp(prefix="hamkor-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamkor.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.rawsql import (  # noqa: E402
    AGREEMENT_SEARCH,
    INSTITUTION_SEARCH,
    MOBILITY_SEARCH,
    PERSON_SEARCH,
    agreement_raw,
    agreement_search,
    event_raw,
    institution_raw,
    mobility_raw,
    mobility_search,
    person_raw,
    project_raw,
    student_raw,
)
from hamkor.accounts.models import User  # noqa: E402
from hamkor.agreements.models import Agreement  # noqa: E402
from hamkor.mobility.models import Mobility, Person  # noqa: E402
from hamkor.partners.models import Institution  # noqa: E402


@dataclass
class Case:
    name: str
    url: str
    params: dict = field(default_factory=dict)
    # The SQL the page needs, as (sql, params) pairs; empty for pages judged by time alone.
    raw: list[tuple[str, list]] = field(default_factory=list)


def cases() -> list[Case]:
    like = "%Karimov%"
    partners = "i.partnership <> 'none' AND NOT i.is_home"
    agreement = (
        Agreement.objects.annotate(n=Count("mobilities")).order_by("-n", "pk").values("pk").first()
    )
    person = Person.objects.annotate(n=Count("mobilities")).order_by("-n", "pk").first()
    mobility = Mobility.objects.filter(direction="incoming").order_by("-pk").first()
    institution = (
        Institution.objects.partners()
        .annotate(n=Count("mobilities_received"))
        .order_by("-n", "pk")
        .first()
    )
    year = 2022
    return [
        Case("mobilities", "/staff/mobilities/", raw=mobility_raw()),
        Case(
            "mobilities filtered",
            "/staff/mobilities/",
            {"direction": "outgoing", "status": "completed", "academic_year": year},
            mobility_raw(
                "m.direction = 'outgoing' AND m.status = 'completed' "
                "AND COALESCE(m.actual_start, m.planned_start) BETWEEN %s AND %s",
                [f"{year}-09-01", f"{year + 1}-08-31"],
            ),
        ),
        Case(
            "mobilities search",
            "/staff/mobilities/",
            {"q": "Karimov"},
            mobility_raw(MOBILITY_SEARCH, mobility_search("Karimov")),
        ),
        Case("people", "/staff/people/", raw=person_raw()),
        Case(
            "people filtered",
            "/staff/people/",
            {"category": "student"},
            person_raw("p.category = 'student'"),
        ),
        Case(
            "people search",
            "/staff/people/",
            {"q": "Karimov"},
            person_raw(PERSON_SEARCH, [like] * 5 + ["%karimov%", "Karimov"]),
        ),
        Case("agreements", "/staff/agreements/", raw=agreement_raw()),
        Case(
            "agreements filtered",
            "/staff/agreements/",
            {"status": "active"},
            agreement_raw("a.status = 'active'"),
        ),
        Case(
            "agreements search",
            "/staff/agreements/",
            {"q": "Exchange"},
            agreement_raw(AGREEMENT_SEARCH, agreement_search("Exchange")),
        ),
        Case("institutions", "/staff/institutions/", raw=institution_raw(partners, [])),
        Case(
            "institutions search",
            "/staff/institutions/",
            {"show": "all", "q": "Tashkent"},
            institution_raw(INSTITUTION_SEARCH, ["%Tashkent%"] * 7 + ["%tashkent%"]),
        ),
        Case("events", "/staff/events/", raw=event_raw()),
        Case(
            "events filtered",
            "/staff/events/",
            {"organisation": "ours"},
            event_raw("e.organisation = 'ours'"),
        ),
        Case("projects", "/staff/projects/", raw=project_raw()),
        Case(
            "projects filtered",
            "/staff/projects/",
            {"status": "running"},
            project_raw("g.status = 'running'"),
        ),
        Case("students", "/staff/foreign-students/", raw=student_raw()),
        Case(
            "students filtered",
            "/staff/foreign-students/",
            {"status": "enrolled"},
            student_raw("f.status = 'enrolled'"),
        ),
        Case("deadlines", "/staff/deadlines/"),
        Case("agreement page", f"/staff/agreements/{agreement['pk']}/"),
        Case("mobility page", f"/staff/mobilities/{mobility.pk}/"),
        Case("person page", f"/staff/people/{person.pk}/"),
        Case("institution page", f"/staff/institutions/{institution.pk}/"),
    ]


# --- Measuring ------------------------------------------------------------------------------


def percentile95(values: list[float]) -> float:
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def time_page(
    client: Client, case: Case, runs: int
) -> tuple[list[float], list[float], list[float], int, int]:
    """Times of the page, times of its own queries (the rest is Python), the CPU time of
    this process (the Python part, which a loaded machine does not stretch), queries, bytes."""
    times, in_sql, cpu, queries, size = [], [], [], 0, 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(case.url, case.params)
            body = b"".join(response) if response.streaming else response.content
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{case.name}: {case.url} answered {response.status_code}")
        in_sql.append(sum(float(query["time"]) for query in captured.captured_queries) * 1000)
        queries, size = len(captured), len(body)
    return times, in_sql, cpu, queries, size


def time_raw(raw: list[tuple[str, list]], runs: int) -> list[float]:
    times = []
    with connection.cursor() as cursor:
        for _ in range(runs):
            start = time.perf_counter()
            for sql, params in raw:
                cursor.execute(sql, params)
                cursor.fetchall()
            times.append((time.perf_counter() - start) * 1000)
    return times


def time_figures(runs: int) -> tuple[list[float], int]:
    import datetime

    from hamkor.mobility.figures import mobility_figures

    times, queries = [], 0
    for _ in range(runs):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            mobility_figures(start=datetime.date(2016, 1, 1), end=datetime.date(2026, 12, 31))
            times.append((time.perf_counter() - start) * 1000)
        queries = len(captured)
    return times, queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-export", action="store_true")
    parser.add_argument("--only", help="measure the cases whose name contains this")
    args = parser.parse_args()

    client = Client()
    client.force_login(User.objects.get(email="officer@hamkor.demo"))
    print(
        f"{connection.vendor}: {Mobility.objects.count():,} mobilities, "
        f"{Person.objects.count():,} people, {Agreement.objects.count():,} agreements, "
        f"{Institution.objects.partners().count():,} partners; {args.runs} runs"
    )
    print(f"load average {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    header = f"{'page':<22} {'median ms':>10} {'p95 ms':>9} {'its SQL ms':>11} {'CPU ms':>7} "
    header += f"{'queries':>8} "
    print(header + f"{'KB':>7} {'raw SQL ms':>11} {'ratio':>6}")
    for case in cases():
        if args.only and args.only not in case.name:
            continue
        client.get(case.url, case.params)  # warm caches and connections
        times, in_sql, cpu, queries, size = time_page(client, case, args.runs)
        line = (
            f"{case.name:<22} {statistics.median(times):>10.1f} {percentile95(times):>9.1f} "
            f"{statistics.median(in_sql):>11.1f} {statistics.median(cpu):>7.1f} "
            f"{queries:>8} {size / 1024:>7.0f} "
        )
        if case.raw:
            raw = statistics.median(time_raw(case.raw, args.runs))
            line += f"{raw:>11.1f} {statistics.median(times) / raw:>6.1f}"
        print(line, flush=True)
    if not args.only or "figures" in args.only:
        times, queries = time_figures(args.runs)
        print(
            f"{'figures 2016-2026':<22} {statistics.median(times):>10.1f} "
            f"{percentile95(times):>9.1f} {'':>11} {'':>7} {queries:>8}",
            flush=True,
        )
    if not args.no_export:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        case = Case("export csv", "/staff/mobilities/", {"export": "csv"})
        times, in_sql, _cpu, queries, size = time_page(client, case, 1)
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        print(
            f"{'export csv (all)':<22} {times[0]:>10.1f} {'':>9} {in_sql[0]:>11.1f} {'':>7} "
            f"{queries:>8} {size / 1024:>7.0f}  peak memory +{grown:.0f} MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
