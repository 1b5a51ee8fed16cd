"""The long items of bench/run: an XLSX export, an import against reading the same file
plus one ``bulk_create``, and the public pages' throughput against nginx.

Exports and imports may run as background jobs (Celery, with Redis): their time is taken
from the first request to the job's end, read in the database, as the person waiting sees
it; their peak memory is the worker's (``servers.memory_reset``).
"""

from __future__ import annotations

import io
import re
import subprocess
import threading
import time

from bench import servers
from bench.measure import Browser, Figures

DOMAIN = "bench-run-import.example.org"
JOB = re.compile(r"/staff/jobs/(\d+)/")
POLL = 0.2  # seconds between two looks at a job
JOB_SECONDS = 1800  # a job not done by then is reported as such


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + JOB_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"bench/run: {what} not done within {JOB_SECONDS} s")
        time.sleep(POLL)


def export_xlsx(browser: Browser, path: str, params: dict, pids: list[int]) -> Figures:
    from openpyxl import load_workbook

    from hamkor.core.models import Job

    memory = servers.memory_reset(pids)
    start = time.perf_counter()
    answer = browser.get(path, {**params, "export": "xlsx"})
    location = answer.headers.get("location", "")
    if answer.status == 302 and JOB.search(location):
        pk = int(JOB.search(location)[1])
        wait_for(
            lambda: Job.objects.filter(pk=pk, status__in=["done", "failed"]).exists(), "export"
        )
        answer = browser.get(f"/staff/jobs/{pk}/download/")
    seconds = time.perf_counter() - start
    if answer.status != 200:
        raise SystemExit(f"bench/run: the export of {path} answered {answer.status}")
    sheet = load_workbook(io.BytesIO(answer.body), read_only=True).worksheets[0]
    rows = sum(1 for _row in sheet.iter_rows(values_only=True)) - 1
    return Figures(
        name=f"xlsx export {path.strip('/').rsplit('/', 1)[-1]}",
        kind="export",
        wall_ms=round(seconds * 1000, 1),
        extra={
            "rows": rows,
            "rows_per_s": round(rows / seconds),
            "kb": len(answer.body) // 1024,
            "peak_memory_mb": servers.memory_growth_mb(memory),
        },
    )


def people_workbook(rows: int, run: str) -> bytes:
    from openpyxl import Workbook

    # Not write-only: such a file states no sheet size, which the import refuses (as a
    # spreadsheet program's file always has one).
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["category", "last_name", "first_name", "citizenship", "position", "email"])
    for n in range(rows):
        sheet.append(
            ["foreign_professor", f"Importov{n}", "Bench", "TR", "Professor",
             f"p{n}.{run}@{DOMAIN}"]
        )  # fmt: skip
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def imported_remove() -> None:
    from hamkor.mobility.models import Person

    Person.history.filter(email__endswith=DOMAIN).delete()
    Person.objects.filter(email__endswith=DOMAIN).delete()


def baseline_seconds(content: bytes) -> float:
    """Reading the file with openpyxl read-only and one ``bulk_create`` of its rows."""
    from openpyxl import load_workbook

    from hamkor.mobility.models import Person

    start = time.perf_counter()
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    names = next(rows)
    Person.objects.bulk_create(
        (Person(**dict(zip(names, row, strict=True)), language="en") for row in rows),
        batch_size=1000,
    )
    seconds = time.perf_counter() - start
    imported_remove()
    return seconds


def import_people(browser: Browser, rows: int, pids: list[int]) -> Figures:
    """Upload, preview, apply: the import as an officer does it, timed to the applied job."""
    from hamkor.core.models import ImportJob

    content = people_workbook(rows, f"{rows}-{int(time.time())}")
    imported_remove()
    memory = servers.memory_reset(pids)
    last = ImportJob.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    start = time.perf_counter()
    answer = browser.post("/staff/people/import/", {}, {"file": ("people.xlsx", content)})
    if answer.status not in (200, 302):
        raise SystemExit(f"bench/run: the import's upload answered {answer.status}")
    job = ImportJob.objects.filter(pk__gt=last, filename="people.xlsx")
    wait_for(lambda: job.exclude(status="checking").exists(), "the import's check")
    checked = job.get()
    if checked.status != "previewed" or checked.rows_rejected:
        raise SystemExit(f"bench/run: the import was not accepted ({checked.status})")
    checked_at = time.perf_counter()
    answer = browser.post("/staff/people/import/", {"job": str(checked.pk)})
    wait_for(lambda: job.filter(status__in=["applied", "rejected"]).exists(), "the import")
    seconds = time.perf_counter() - start
    if job.get().status != "applied":
        raise SystemExit("bench/run: the import was rejected when applied")
    peak = servers.memory_growth_mb(memory)
    imported_remove()
    baseline = baseline_seconds(content)
    ratio = baseline / seconds
    return Figures(
        name=f"import {rows:,} people (xlsx)",
        kind="import",
        wall_ms=round(seconds * 1000, 1),
        raw_ms=round(baseline * 1000, 1),
        raw_kind="openpyxl+bulk_create",
        ratio=round(ratio, 3),
        target="speed >= 20% of read+bulk_create",
        met=ratio >= 0.2,
        extra={
            "rows": rows,
            "check_ms": round((checked_at - start) * 1000, 1),
            "rows_per_s": round(rows / seconds),
            "peak_memory_mb": peak,
        },
    )


def throughput(url: str, path: str, clients: int, seconds: float) -> float:
    """Requests a second ``clients`` keep-alive clients get from ``url + path`` (ab when
    installed: C, so the client is not the bottleneck; else Python threads)."""
    ab = servers.shutil.which("ab")
    if ab:
        done = subprocess.run(
            [ab, "-q", "-k", "-c", str(clients), "-t", str(int(seconds)), "-n", "10000000",
             url + path],
            capture_output=True, text=True, timeout=seconds + 120,
        )  # fmt: skip
        found = re.search(r"Requests per second:\s+([\d.]+)", done.stdout)
        failed = re.search(r"Non-2xx responses:\s+(\d+)", done.stdout)
        if found and not failed:
            return float(found[1])
        raise SystemExit(f"bench/run: ab against {url}{path} failed: {done.stdout[-300:]}")
    counts = [0] * clients
    stop = time.monotonic() + seconds

    def client(number: int) -> None:
        browser = Browser(url)
        while time.monotonic() < stop:
            if browser.get(path).status == 200:
                counts[number] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - started)
