"""The annual report written as a PDF (WeasyPrint) and as a workbook (openpyxl).

Both write the same :class:`~hamkor.reports.annual.AnnualReport`, in its language:

* the PDF has a title page, a table of contents, each section's charts (SVG drawn here by
  :mod:`hamkor.reports.charts_svg`, embedded as images) and tables, and the annexes; pages
  are numbered; dates have their month in words; numbers are grouped as the language does;
* the workbook has one sheet per table, named in the language (31 characters at most, each
  name once), a header row, plain values: numbers as numbers, dates as dates, and no text
  that a spreadsheet would run as a formula.
"""

from __future__ import annotations

import base64
import datetime
import re
import tempfile
from decimal import Decimal

from babel.numbers import format_decimal
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from hamkor.core.countries import locale_of
from hamkor.core.dates import format_long_date
from hamkor.core.exporting import FORMULA_STARTS, XLSX_TYPE
from hamkor.core.pdf import pdf_from_html
from hamkor.partners.models import Institution
from hamkor.reports.annual import AnnualReport, Block
from hamkor.reports.annual_annexes import Listing
from hamkor.reports.charts_svg import chart_svg
from hamkor.website.selectors import department_profile_get

PDF_TYPE = "application/pdf"
CONTENT_TYPES = {"pdf": PDF_TYPE, "xlsx": XLSX_TYPE}
SHEET_NAME = 31
# Characters Excel refuses in a sheet's name.
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# A table wider than this is printed in a smaller type.
WIDE = 6


def filename(report: AnnualReport, extension: str) -> str:
    """``annual-report-2025-uz.pdf``; a faculty's report adds its code."""
    faculty = f"-{report.faculty.code}" if report.faculty else ""
    return f"annual-report-{report.year}-{report.language}{faculty}.{extension}"


# --- Values as the language writes them ----------------------------------------------------


def number_text(value, language: str) -> str:
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return format_decimal(value, format="#,##0.00", locale=locale_of(language))
    return format_decimal(value, format="#,##0", locale=locale_of(language))


def cell_text(value, language: str) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return format_long_date(value, language)
    if isinstance(value, (int, Decimal, float)) and not isinstance(value, bool):
        return number_text(value, language)
    return str(value)


def _numbers(values) -> bool:
    return all(isinstance(v, (int, Decimal, float)) for v in values)


def table_rows(block: Block, *, years: bool = False) -> tuple[list[str], list[list], list[bool]]:
    """The block's headers, rows of plain values and which columns are numbers: a table of
    numbers gains a total column (when it has several) and a total row (several rows).
    With ``years``, a row that is a year is labelled by the number (for a spreadsheet)."""
    table = block.table
    if isinstance(table, Listing):
        rows = [list(row) for row in table.rows]
        numeric = [table.kind(i) == "number" for i in range(len(table.headers))]
        if table.key == "key_figures":
            numeric = [False, True]
        return list(table.headers), rows, numeric
    several = len(table.columns) > 1 and table.additive
    headers = [table.row_heading, *(label for _key, label in table.columns)]
    headers += [_("Total")] if several else []
    rows = [
        [_label(row, years), *row.values, *([row.total] if several else [])] for row in table.rows
    ]
    if len(table.rows) > 1:
        totals = list(table.totals)
        rows.append([_("Total"), *totals, *([sum(totals)] if several else [])])
    return headers, rows, [False] + [True] * (len(headers) - 1)


def _label(row, years: bool):
    if years and isinstance(row.key, int) and str(row.key) == row.label:
        return row.key
    return row.label


# --- PDF -----------------------------------------------------------------------------------


def _chart_uri(block: Block, language: str) -> str:
    svg = chart_svg(block.table, block.chart, number=lambda v: number_text(v, language))
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


# Relative widths of an annex's columns by kind (its number first). The annexes are laid out
# with ``table-layout: fixed``: WeasyPrint then sizes the columns from these widths instead of
# measuring every cell of hundreds of rows, which took most of the PDF's time (bench/
# annual_report.py: the layout of the demo's 2025 report from 23 s to about 5 s of CPU).
_ANNEX_WEIGHTS = {"number_column": 4, "date": 10, "number": 9, "text": 18}


def _annex_widths(table: Listing) -> list[str]:
    weights = [_ANNEX_WEIGHTS["number_column"]]
    weights += [_ANNEX_WEIGHTS.get(table.kind(i), 18) for i in range(len(table.headers))]
    total = sum(weights)
    return [f"{weight * 100 / total:.1f}%" for weight in weights]


def _printed(block: Block, language: str) -> dict:
    headers, rows, numeric = table_rows(block)
    has_total = not isinstance(block.table, Listing)
    return {
        "title": block.table.title,
        "headers": list(zip(headers, numeric, strict=True)),
        "rows": [
            [
                (cell_text(value, language), numeric[i] and _numbers([value]))
                for i, value in enumerate(row)
            ]
            for row in rows
        ],
        "total_row": has_total and len(block.table.rows) > 1,
        "empty": block.table.empty,
        "chart": _chart_uri(block, language) if block.chart and not block.table.empty else "",
        "chart_only": block.chart_only,
        "wide": len(headers) > WIDE,
        "note": block.note,
        "annex": isinstance(block.table, Listing) and block.table.key != "key_figures",
        "widths": _annex_widths(block.table)
        if isinstance(block.table, Listing) and block.table.key != "key_figures"
        else [],
    }


def report_pdf(report: AnnualReport) -> bytes:
    return pdf_from_html(report_html(report))


def report_html(report: AnnualReport) -> str:
    """The report as the HTML document WeasyPrint prints."""
    language = report.language
    profile = department_profile_get()
    home = profile.institution if profile else Institution.objects.home()
    with translation.override(language):
        html = render_to_string(
            "reports/annual/report.html",
            {
                "report": report,
                "language": language,
                "profile": profile,
                "home": home.display_name if home else "",
                "start": format_long_date(report.period.start, language),
                "end": format_long_date(report.period.end, language),
                "made_on": format_long_date(report.made_on, language),
                "sections": [
                    {
                        "key": section.key,
                        "title": section.title,
                        "intro": section.intro,
                        "blocks": [_printed(block, language) for block in section.blocks],
                    }
                    for section in report.sections
                ],
            },
        )
    return html


# --- Workbook ------------------------------------------------------------------------------


def sheet_names(names: list[str]) -> list[str]:
    """``names`` made valid sheet names: no character Excel refuses, at most 31 characters,
    each once (a repeated name gains " (2)", " (3)", … within the limit)."""
    taken: set[str] = set()
    answered = []
    for name in names:
        base = SHEET_FORBIDDEN.sub(" ", name).strip().strip("'") or "-"
        candidate, n = base[:SHEET_NAME].rstrip(), 1
        while candidate.lower() in taken:
            n += 1
            suffix = f" ({n})"
            candidate = base[: SHEET_NAME - len(suffix)].rstrip() + suffix
        taken.add(candidate.lower())
        answered.append(candidate)
    return answered


def _xlsx_cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, datetime.date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"  # text, never a formula
        cell.quotePrefix = True
        return cell
    return value


def report_xlsx(report: AnnualReport):
    """A temporary file holding the workbook."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    language = report.language
    blocks = [
        block for section in report.sections for block in section.blocks if not block.chart_only
    ]
    with translation.override(language):
        about = _("About the report")
        names = sheet_names([about, *(str(block.sheet) for block in blocks)])
        workbook = Workbook(write_only=True)
        bold = Font(bold=True)

        def header(sheet, labels):
            cells = []
            for label in labels:
                cell = WriteOnlyCell(sheet, value=str(label))
                cell.font, cell.data_type = bold, "s"
                cells.append(cell)
            sheet.append(cells)

        sheet = workbook.create_sheet(title=names[0])
        sheet.column_dimensions["A"].width = 28
        sheet.column_dimensions["B"].width = 60
        header(sheet, [_("Field"), _("Value")])
        for label, value in (
            (_("Report"), _("Annual report")),
            (pgettext("calendar year", "Year"), report.year),
            (_("Faculty"), report.faculty.name if report.faculty else _("The whole university")),
            (_("From"), report.period.start),
            (_("To"), report.period.end),
            (_("Prepared on"), report.made_on),
        ):
            sheet.append([str(label), _xlsx_cell(sheet, value)])
        for name, block in zip(names[1:], blocks, strict=True):
            sheet = workbook.create_sheet(title=name)
            headers, rows, _numeric = table_rows(block, years=True)
            for index in range(len(headers)):
                letter = _column_letter(index)
                sheet.column_dimensions[letter].width = 40 if index == 0 else 18
            header(sheet, headers)
            for row in rows:
                sheet.append([_xlsx_cell(sheet, str(v) if _lazy(v) else v) for v in row])
    output = tempfile.TemporaryFile()  # noqa: SIM115 (the caller closes it)
    workbook.save(output)
    output.seek(0)
    return output


def _lazy(value) -> bool:
    return not isinstance(value, (str, int, float, Decimal, datetime.date)) and value is not None


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
