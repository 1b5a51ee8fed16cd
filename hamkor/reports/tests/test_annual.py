"""The annual report's content and workbook: its tables, charts and sheets, read back."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

import openpyxl
import pytest

from hamkor.reports.annual import SECTIONS, ReportError, annual_report
from hamkor.reports.annual_files import report_xlsx, sheet_names
from hamkor.reports.annual_job import faculty_for
from hamkor.reports.annual_tables import years_with_data
from hamkor.reports.charts_svg import chart_svg, nice_ceiling
from hamkor.reports.series import Row, Table
from hamkor.reports.tests.annual_world import YEAR

pytestmark = pytest.mark.django_db


def blocks(report) -> dict:
    return {
        block.table.key: block.table
        for section in report.sections
        for block in section.blocks
        if not block.chart_only
    }


def values(table) -> dict:
    return {row.label: row.values for row in table.rows}


def test_annual_report_tables_count_the_year_by_country_faculty_and_programme(
    annual_world, faculty_a, faculty_b
):
    tables = blocks(annual_report(year=YEAR, language="en"))

    assert values(tables["mobilities_by_country"]) == {"Türkiye": (1, 0), "Germany": (0, 1)}
    assert values(tables["mobilities_by_programme"]) == {
        "Erasmus+ KA171": (1, 0),
        "Bilateral agreement": (0, 1),
    }
    # The 2024 agreement of faculty B is not the year's; the Berlin one has no faculty.
    assert values(tables["by_faculty"]) == {
        "Faculty A": (1, 0, 1),
        "Faculty B": (0, 1, 0),
        "The whole university": (0, 0, 1),
    }
    assert values(tables["grant_income_by_project"]) == {"DIGICAM — Digital campus": (1500,)}
    key_figures = dict(tables["key_figures"].rows)
    assert key_figures["Agreements and memorandums signed"] == 2
    assert key_figures["Countries of the partners of those agreements"] == "Germany, Türkiye"
    assert key_figures["Money received from grant projects, in US dollars"] == Decimal("1500.00")


def test_annual_report_charts_show_the_five_years_up_to_the_year(annual_world):
    tables = blocks(annual_report(year=YEAR, language="en"))

    agreements = tables["agreements_by_year"]
    assert [row.key for row in agreements.rows] == list(range(YEAR - 4, YEAR + 1))
    assert agreements.rows[-2].total == 1 and agreements.rows[-1].total == 2


def test_annual_report_of_a_faculty_holds_only_its_records(annual_world, faculty_a):
    tables = blocks(annual_report(year=YEAR, language="en", faculty=faculty_a))

    assert values(tables["mobilities_by_country"]) == {"Türkiye": (1, 0)}
    assert values(tables["by_faculty"]) == {"Faculty A": (1, 0, 1)}
    annex = tables["agreements_signed"]
    assert [row[0] for row in annex.rows] == ["MOU-2025-001"]


def test_annual_report_annexes_list_the_records_behind_the_figures(annual_world):
    tables = blocks(annual_report(year=YEAR, language="ru"))

    assert {row[0] for row in tables["agreements_signed"].rows} == {"MOU-2025-001", "EXA-2025-002"}
    agreement = next(row for row in tables["agreements_signed"].rows if row[0] == "MOU-2025-001")
    assert agreement[3] == "Турция"
    assert agreement[4] == datetime.date(YEAR, 3, 1)
    (student,) = tables["students_abroad_certified"].rows
    assert student[0] == "Karimova Dilnoza"
    (guest,) = tables["visiting_professors"].rows
    assert guest[0] == "Schneider Anna" and guest[5] == "Германия"


def test_annual_report_of_a_year_without_records_is_empty_not_an_error(annual_world):
    report = annual_report(year=1990, language="uz")

    tables = blocks(report)
    assert all(table.empty for key, table in tables.items() if key != "key_figures")
    # Every part is there, empty, except the targets: none was set for the year.
    assert len(report.sections) == len(SECTIONS) - 1
    assert "targets" not in {section.key for section in report.sections}


def test_annual_report_refuses_a_bad_year_and_an_unknown_language(db):
    with pytest.raises(ReportError):
        annual_report(year=12, language="uz")
    with pytest.raises(ReportError):
        annual_report(year="next", language="uz")
    with pytest.raises(ReportError):
        annual_report(year=YEAR, language="de")


def test_annual_report_progress_counts_its_sections(annual_world):
    seen = []
    annual_report(year=YEAR, language="en", progress=lambda done, total: seen.append(done))
    assert seen == list(range(1, len(SECTIONS) + 1))


def test_years_with_data_offers_the_years_of_the_records(annual_world):
    assert years_with_data()[:2] == [YEAR, YEAR - 1]


def test_coordinator_report_is_their_faculty_whatever_they_choose(
    coordinator, officer, faculty_a, faculty_b
):
    assert faculty_for(coordinator, faculty_b) == faculty_a
    assert faculty_for(coordinator, None) == faculty_a
    assert faculty_for(officer, faculty_b) == faculty_b
    assert faculty_for(officer, None) is None


# --- The workbook --------------------------------------------------------------------------


def workbook(report):
    with report_xlsx(report) as handle:
        return openpyxl.load_workbook(handle)


def test_annual_workbook_has_a_sheet_per_table_with_headers_and_plain_values(annual_world):
    annual_world.ankara.name_en = '=HYPERLINK("http://evil.example","x")'
    annual_world.ankara.save()
    book = workbook(annual_report(year=YEAR, language="en"))

    names = book.sheetnames
    assert len(names) == len(set(names)) and all(len(name) <= 31 for name in names)
    assert {"About the report", "Key figures", "Mobilities by country", "By faculty"} <= set(names)
    countries = book["Mobilities by country"]
    assert [c.value for c in countries[1]] == ["Country", "Outgoing", "Incoming", "Total"]
    rows = {row[0]: row[1:] for row in countries.iter_rows(min_row=2, values_only=True)}
    assert rows["Germany"] == (0, 1, 1)
    # People and agreements are not added up into one meaningless total.
    faculties = book["By faculty"]
    assert [c.value for c in faculties[1]] == [
        "Faculty",
        "Outgoing",
        "Incoming",
        "Agreements signed",
    ]
    by_year = book["Agreements by year"]
    assert [row[0] for row in by_year.iter_rows(min_row=2, values_only=True)][:2] == [
        YEAR - 4,
        YEAR - 3,
    ]
    annex = book["Annex 1"]
    signed = {row[0]: row for row in annex.iter_rows(min_row=2, values_only=True)}
    assert signed["MOU-2025-001"][4] == datetime.datetime(YEAR, 3, 1)
    # A name that reads as a formula stays text.
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    partners = [row[2] for row in signed.values()]
    assert '=HYPERLINK("http://evil.example","x")' in partners


def test_annual_workbook_of_an_empty_year_has_its_headers(db):
    book = workbook(annual_report(year=1990, language="ru"))

    sheet = book.worksheets[-1]
    assert sheet.max_row == 1 and sheet["A1"].value


def test_sheet_names_are_valid_short_and_unique():
    long = "Mobilities by direction and kind of every faculty"
    names = sheet_names([long, long, "Annex: a/b", "annex: A/B"])

    assert names[0] == long[:31].rstrip()
    assert names[1].endswith(" (2)") and len(names[1]) <= 31
    assert names[2] == "Annex  a b"
    assert names[3].endswith("(2)")


# --- The charts ----------------------------------------------------------------------------


def table(*rows, columns=(("a", "Kind A"), ("b", "Kind <B>"))) -> Table:
    return Table(
        "t",
        "Agreements & partners",
        "Year",
        columns,
        tuple(Row(label, label, values) for label, values in rows),
    )


@pytest.mark.parametrize("kind", ["bars", "stacked", "horizontal"])
def test_chart_svg_draws_a_bar_for_each_value_and_escapes_labels(kind):
    svg = chart_svg(table(("2024", (3, 1)), ("2025", (0, 2)), ("2026", (0, 0))), kind)

    root = ET.fromstring(svg)
    bars = root.findall("{http://www.w3.org/2000/svg}rect")
    drawn = [bar for bar in bars if bar.find("{http://www.w3.org/2000/svg}title") is not None]
    expected = {"bars": 1, "stacked": 3, "horizontal": 3}[kind]
    assert len(drawn) == expected
    assert "Kind &lt;B&gt;" in svg or kind != "stacked"


def test_chart_svg_of_zeros_draws_its_axis_and_no_bar():
    svg = chart_svg(table(("2024", (0, 0))), "stacked")

    heights = [
        float(rect.get("height"))
        for rect in ET.fromstring(svg).findall("{http://www.w3.org/2000/svg}rect")
        if rect.find("{http://www.w3.org/2000/svg}title") is not None
    ]
    assert heights == []


@pytest.mark.parametrize(
    ("value", "expected"), [(0, (1, 1)), (7, (8, 2)), (23, (25, 5)), (120_000, (150_000, 50_000))]
)
def test_nice_ceiling_covers_the_value_in_round_steps(value, expected):
    assert nice_ceiling(value) == expected


def test_annual_report_states_the_years_targets_beside_what_was_achieved(annual_world):
    from hamkor.reports.tests.indicator_factories import TargetFactory

    assert "targets" not in {s.key for s in annual_report(year=YEAR, language="en").sections}
    TargetFactory(key="agreements_signed", year=YEAR, value=Decimal(40))

    report = annual_report(year=YEAR, language="en")

    (row,) = blocks(report)["targets"].rows
    assert row[0] == "Agreements and memorandums signed"
    assert row[1] == Decimal(40)
    assert row[2] < 40 and row[4] == "Not reached"  # the year is over
    assert "Targets" in workbook(report).sheetnames
