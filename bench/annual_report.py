"""How long the annual report takes: its content, the PDF and the workbook, for one year.

Prints figures; asserts nothing. Reads the database the settings name (``HAMKOR_VAR_DIR`` or
``DATABASE_URL``), which should hold the demo data (``hamkor demo-data``):

    HAMKOR_VAR_DIR=var .venv/bin/python bench/annual_report.py [YEAR] [LANGUAGE] [--runs N]

For each step it prints the median wall-clock seconds, the processor seconds this process
spent (a machine shared with other work stretches the wall clock, much less the processor
time), the number of queries of the content and the size of each file.

The PDF is then taken apart, to see where its time goes: the charts drawn as SVG, the HTML
rendered from the template (charts included), WeasyPrint's layout of that HTML (parsing,
styles, fonts, pages) and the writing of the laid-out pages. ``--profile`` adds the
functions that cost the most processor time in a whole PDF (cProfile).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hamkor.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from hamkor.reports import annual_files  # noqa: E402
from hamkor.reports.annual import annual_report  # noqa: E402
from hamkor.reports.annual_files import report_pdf, report_xlsx  # noqa: E402


def timed(work, runs: int):
    walls, cpus, answer = [], [], None
    for _run in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        answer = work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), answer


def xlsx_bytes(report) -> bytes:
    with report_xlsx(report) as handle:
        return handle.read()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("year", nargs="?", type=int, default=2025)
    parser.add_argument("language", nargs="?", default="uz")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="add cProfile's top functions")
    options = parser.parse_args()
    print(f"annual report {options.year} ({options.language}), median of {options.runs} runs")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    def content():
        return annual_report(year=options.year, language=options.language)

    with CaptureQueriesContext(connection) as queries:
        content()
    wall, cpu, report = timed(content, options.runs)
    annex_rows = sum(
        len(block.table.rows)
        for section in report.sections
        if section.key == "annexes"
        for block in section.blocks
    )
    size = f"{len(queries)} queries, {annex_rows} annex rows"
    print(f"content:  {wall:6.2f} s  (CPU {cpu:5.2f} s)  {size}")
    wall, cpu, pdf = timed(lambda: report_pdf(report), options.runs)
    print(f"PDF:      {wall:6.2f} s  (CPU {cpu:5.2f} s)  {len(pdf) / 1024:.0f} KiB")
    wall, cpu, xlsx = timed(lambda: xlsx_bytes(report), options.runs)
    print(f"XLSX:     {wall:6.2f} s  (CPU {cpu:5.2f} s)  {len(xlsx) / 1024:.0f} KiB")
    pdf_stages(report, options.runs)
    if options.profile:
        profile = cProfile.Profile()
        profile.runcall(report_pdf, report)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


def pdf_stages(report, runs: int) -> None:
    """The PDF's time, stage by stage (each stage timed on its own)."""
    from django.conf import settings
    from weasyprint import HTML

    language = report.language
    charts = [
        block
        for section in report.sections
        for block in section.blocks
        if block.chart and not block.table.empty
    ]
    wall, cpu, uris = timed(
        lambda: [annual_files._chart_uri(block, language) for block in charts], runs
    )
    size = sum(len(uri) for uri in uris) / 1024
    print(f"  charts: {wall:6.2f} s  (CPU {cpu:5.2f} s)  {len(charts)} charts, {size:.0f} KiB")
    wall, cpu, html = timed(lambda: annual_files.report_html(report), runs)
    print(f"  HTML:   {wall:6.2f} s  (CPU {cpu:5.2f} s)  {len(html) / 1024:.0f} KiB")

    def layout():
        return HTML(string=html, base_url=str(settings.BASE_DIR)).render()

    wall, cpu, document = timed(layout, runs)
    print(f"  layout: {wall:6.2f} s  (CPU {cpu:5.2f} s)  {len(document.pages)} pages")
    wall, cpu, _pdf = timed(document.write_pdf, runs)
    print(f"  write:  {wall:6.2f} s  (CPU {cpu:5.2f} s)")


if __name__ == "__main__":
    main()
