"""The annual report's PDF read back (few tests: each prints a whole report)."""

from __future__ import annotations

import io
import re

import pypdf
import pytest

from hamkor.reports.annual import annual_report
from hamkor.reports.annual_files import report_pdf, table_rows
from hamkor.reports.tests.annual_world import YEAR

pytestmark = pytest.mark.django_db


def pdf_text(report) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(report_pdf(report)))
    return [page.extract_text() for page in reader.pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_annual_pdf_holds_the_figures_country_names_and_annex_rows(annual_world):
    pages = pdf_text(annual_report(year=YEAR, language="ru"))
    text = flat(" ".join(pages))

    assert "Кокандский государственный университет" in pages[0]
    assert "1 января 2025 – 31 декабря 2025" in flat(pages[0])
    assert "Турция" in text and "Германия" in text
    # The annexes: the agreements by reference, the people by name.
    assert "MOU-2025-001" in text and "EXA-2025-002" in text
    assert "Karimova Dilnoza" in text and "Schneider Anna" in text
    assert "1 500" in text.replace("\u00a0", " ")  # the grant income, grouped as in Russian
    # Numbered pages after the title page: "2 / N" on the second.
    assert re.search(rf"\b2 / {len(pages)}\b", pages[1])


def test_annual_pdf_in_uzbek_has_no_english_heading(annual_world):
    english = annual_report(year=YEAR, language="en")
    headings = {section.title for section in english.sections}
    for section in english.sections:
        for block in section.blocks:
            headings.add(block.table.title)
            headings.update(str(h) for h in table_rows(block)[0])
    headings -= {"", "№"}

    text = flat(" ".join(pdf_text(annual_report(year=YEAR, language="uz"))))

    leaked = sorted(h for h in headings if re.search(rf"(?<!\w){re.escape(h)}(?!\w)", text))
    assert leaked == []


def test_annual_pdf_of_a_year_without_records_states_it(db):
    pages = pdf_text(annual_report(year=1990, language="en"))

    assert "Annual report 1990" in pages[0]
    assert "Nothing was recorded for this year." in flat(" ".join(pages))


def test_annexes_are_laid_out_from_given_column_widths(annual_world):
    """WeasyPrint measured every cell of the annexes to size their columns (most of the PDF's
    time, see bench/annual_report.py); each annex now states its columns' widths."""
    from hamkor.reports.annual_files import report_html

    html = report_html(annual_report(year=YEAR, language="en"))
    annexes = re.findall(r'<table class="[^"]*annex">\s*<colgroup>(.*?)</colgroup>', html, re.S)
    assert annexes and len(annexes) == html.count(' annex">')
    for columns in annexes:
        widths = [float(w) for w in re.findall(r"width: ([\d.]+)%", columns)]
        assert len(widths) >= 3 and abs(sum(widths) - 100) < 1
    assert "table-layout: fixed" in html
