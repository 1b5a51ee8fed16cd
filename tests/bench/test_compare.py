"""bench/compare: two runs of bench/run side by side, regressions flagged in the exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

COMPARE = Path(__file__).resolve().parents[2] / "bench" / "compare"


def run_file(path: Path, items: list[dict]) -> Path:
    path.write_text(json.dumps({"when": "", "items": items}))
    return path


def item(name: str, median: float, queries: int, **more) -> dict:
    return {"name": name, "kind": "list", "median_ms": median, "p95_ms": median * 1.2,
            "queries": queries, "ratio": 1.5, "extra": {}, **more}  # fmt: skip


def compare(tmp_path, before: list[dict], after: list[dict], *options: str):
    a = run_file(tmp_path / "a.json", before)
    b = run_file(tmp_path / "b.json", after)
    return subprocess.run(
        [sys.executable, str(COMPARE), str(a), str(b), *options], capture_output=True, text=True
    )


def line_of(output: str, name: str) -> str:
    return next(line for line in output.splitlines() if line.startswith(name))


def test_compare_passes_when_nothing_got_worse(tmp_path):
    done = compare(tmp_path, [item("people", 50, 11)], [item("people", 48, 11)])
    assert done.returncode == 0, done.stdout
    assert line_of(done.stdout, "people").endswith("ok")
    assert "no regression" in done.stdout


def test_compare_flags_a_query_count_that_grew(tmp_path):
    done = compare(tmp_path, [item("people", 50, 11)], [item("people", 40, 12)])
    assert done.returncode == 1
    assert "REGRESSION: queries 11 -> 12" in line_of(done.stdout, "people")


def test_compare_flags_a_time_beyond_the_threshold_only(tmp_path):
    before = [item("people", 50, 11), item("agreements", 50, 15)]
    after = [item("people", 70, 11), item("agreements", 60, 15)]
    done = compare(tmp_path, before, after, "--threshold", "0.3")
    assert done.returncode == 1
    assert "REGRESSION: time 50 -> 70 ms" in line_of(done.stdout, "people")
    assert line_of(done.stdout, "agreements").endswith("ok")
    assert "1 regression(s)" in done.stdout
    # A looser threshold lets both pass.
    assert compare(tmp_path, before, after, "--threshold", "0.5").returncode == 0


def test_compare_ignores_a_small_change_on_a_fast_page(tmp_path):
    done = compare(tmp_path, [item("person page", 2, 10)], [item("person page", 4, 10)])
    assert done.returncode == 0, done.stdout


def test_compare_flags_a_lower_throughput_and_lists_new_items(tmp_path):
    def rate(requests_per_s: float) -> dict:
        return {"name": "throughput /en/", "kind": "throughput", "ratio": 0.5,
                "extra": {"requests_per_s": requests_per_s}}  # fmt: skip

    before = [rate(400)]
    after = [rate(200), item("events", 30, 9)]
    done = compare(tmp_path, before, after)
    assert done.returncode == 1
    assert "throughput 400 -> 200" in line_of(done.stdout, "throughput /en/")
    assert "only in B" in line_of(done.stdout, "events")


def test_compare_refuses_a_file_it_cannot_read_in_one_line(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    done = subprocess.run(
        [sys.executable, str(COMPARE), str(broken), str(broken)], capture_output=True, text=True
    )
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0
    assert done.stderr.startswith("bench/compare: cannot read")
