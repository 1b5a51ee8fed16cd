"""Measure the people import in-process: rows/s of check and apply, peak Python memory
(tracemalloc) and queries, against reading the file with openpyxl and one bulk_create.

Usage (an operator's tool; the database in DATABASE_URL is written to, the rows removed):
    python bench/imports_measure.py 2000 10000
"""

from __future__ import annotations

import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamkor.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from bench.heavy import baseline_seconds, imported_remove, people_workbook  # noqa: E402
from hamkor.accounts.models import User  # noqa: E402
from hamkor.core import importing  # noqa: E402
from hamkor.mobility.views.people import PersonImportView  # noqa: E402


def actor():
    user = User.objects.filter(email="imports-bench@example.org").first()
    if user is None:
        user = User.objects.create_superuser(email="imports-bench@example.org", password=None)
    return user


class Counter:
    """Counts queries without keeping them (their text would weigh in the memory)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(rows: int) -> dict:
    content = people_workbook(rows, f"m{rows}-{int(time.time())}")
    imported_remove()
    view = PersonImportView()
    view.request = RequestFactory().get("/")
    view.request.user = actor()
    tracemalloc.start()
    start = time.perf_counter()
    check_queries = Counter()
    with connection.execute_wrapper(check_queries):
        result = view.validate(content)
    checked = time.perf_counter()
    _size, check_peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    apply_queries = Counter()
    with connection.execute_wrapper(apply_queries):
        result = view.validate(content)
        importing.apply(result=result, actor=view.request.user, apply_rows=view.apply_rows)
    applied = time.perf_counter()
    _size, apply_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del result
    imported_remove()
    baseline = baseline_seconds(content)
    check_s, apply_s = checked - start, applied - checked
    return {
        "rows": rows,
        "check_rows_per_s": round(rows / check_s),
        "apply_rows_per_s": round(rows / apply_s),
        "total_rows_per_s": round(rows / (check_s + apply_s)),
        "baseline_rows_per_s": round(rows / baseline),
        "ratio": round(baseline / (check_s + apply_s), 3),
        "check_peak_mb": round(check_peak / 2**20, 1),
        "apply_peak_mb": round(apply_peak / 2**20, 1),
        "check_queries": check_queries.count,
        "apply_queries": apply_queries.count,
    }


if __name__ == "__main__":
    for count in [int(arg) for arg in sys.argv[1:]] or [2000]:
        figures = measure(count)
        print(Path("/proc/loadavg").read_text().split()[:3], figures, flush=True)
