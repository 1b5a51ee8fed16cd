"""Each dashboard table downloads as CSV and XLSX: the page's numbers, plain values."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from conftest import login
from hamkor.agreements.models import Agreement
from hamkor.reports import dashboard, series
from hamkor.reports.achievements import Period
from hamkor.reports.tests.dashboard_data import D, agreement, event, year_of_work

PERIOD = {"from": "2022-01-01", "to": "2025-12-31"}


def url(table: str, extension: str) -> str:
    return f"/staff/reports/dashboard/{table}.{extension}"


def read_csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def read_xlsx(response) -> list[list]:
    content = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def expected(function, faculty=None) -> tuple[list[str], list[list]]:
    period = Period(start=D(2022, 1, 1), end=D(2025, 12, 31), on=D.today(), faculty=faculty)
    return dashboard.table_rows(function(period))


@pytest.mark.parametrize("function", series.CHARTS, ids=lambda f: f.__name__)
def test_each_table_reads_back_from_csv_and_xlsx(client, officer, faculty_a, function):
    year_of_work(faculty_a, 2022, times=2)
    year_of_work(faculty_a, 2024, times=1, country="FR")
    login(client, officer)
    headers, rows = expected(function)
    name = function.__name__

    response = client.get(url(name, "csv"), PERIOD)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    dashed = name.replace("_", "-")
    assert f'filename="{dashed}-2022-01-01-2025-12-31.csv"' in response["Content-Disposition"]
    assert read_csv(response) == [headers, *[[str(cell) for cell in row] for row in rows]]

    response = client.get(url(name, "xlsx"), PERIOD)
    assert response.status_code == 200
    cells = read_xlsx(response)
    assert cells[0] == headers
    assert cells[1:] == [[_plain(cell) for cell in row] for row in rows]


def _plain(value):
    """What a spreadsheet keeps of a value: numbers as numbers (dollars as floats)."""
    return value if isinstance(value, int | str) else float(value)


def test_the_agreements_table_has_years_kinds_and_totals(client, officer, faculty_a):
    year_of_work(faculty_a, 2023, times=2)
    agreement(faculty_a, signed_on=D(2025, 2, 1), kind=Agreement.Kind.EXCHANGE)
    login(client, officer)
    cells = read_xlsx(client.get(url("agreements_by_year", "xlsx"), PERIOD))
    assert cells[0] == ["Year", "Memorandum of understanding", "Exchange agreement", "Total"]
    assert cells[1:] == [[2022, 0, 0, 0], [2023, 2, 0, 2], [2024, 0, 0, 0], [2025, 0, 1, 1]]


def test_exports_hold_no_markup_and_no_formulas(client, officer, faculty_a):
    event(faculty_a, start=D(2023, 4, 1))
    login(client, officer)
    content = b"".join(client.get(url("events_by_year", "xlsx"), PERIOD).streaming_content)
    workbook = load_workbook(io.BytesIO(content))
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                assert "<" not in str(cell.value or "")
    text = b"".join(client.get(url("events_by_year", "csv"), PERIOD).streaming_content)
    assert b"<" not in text


def test_a_coordinators_download_has_their_faculty_only(client, coordinator, faculty_a, faculty_b):
    year_of_work(faculty_a, 2023, times=1)
    year_of_work(faculty_b, 2023, times=3)
    login(client, coordinator)
    cells = read_xlsx(client.get(url("events_by_year", "xlsx"), {**PERIOD, "faculty": "faculty-b"}))
    assert cells[2] == [2023, 1]


@pytest.mark.parametrize("address", [url("no_such_table", "csv"), url("events_by_year", "pdf")])
def test_an_unknown_table_or_format_is_not_found(client, officer, address):
    login(client, officer)
    assert client.get(address).status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"from": "2025-01-01", "to": "2020-01-01"}, "The period ends before it starts."),
        ({"from": "garbage"}, "Enter a valid date."),
        ({"faculty": "no-such-faculty"}, "Select a valid choice."),
    ],
)
@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_a_bad_filter_gets_400_and_the_page_with_its_error_not_a_file(
    client, officer, query, message, extension
):
    login(client, officer)
    response = client.get(url("events_by_year", extension), query)
    # A download link saves whatever a 200 brings as the table's file: an error is not a 200.
    assert response.status_code == 400
    assert "Content-Disposition" not in response
    assert response["Content-Type"].startswith("text/html")
    assert message in response.content.decode()


def test_a_bad_filter_is_explained_in_the_users_language(client, officer):
    officer.language = "ru"
    officer.save(update_fields=["language"])
    login(client, officer)
    response = client.get(url("events_by_year", "csv"), {"from": "garbage"})
    assert response.status_code == 400
    assert "Введите корректную дату." in response.content.decode()


def test_a_download_with_the_old_period_names_is_redirected(client, officer):
    login(client, officer)
    response = client.get(
        url("events_by_year", "csv"), {"start": "2022-01-01", "end": "2025-12-31"}
    )
    assert response.status_code == 301
    assert response["Location"] == f"{url('events_by_year', 'csv')}?from=2022-01-01&to=2025-12-31"


def test_the_page_links_each_table_to_its_downloads(client, officer, faculty_a):
    year_of_work(faculty_a, 2023)
    login(client, officer)
    html = client.get("/staff/reports/dashboard/", PERIOD).content.decode()
    query = "from=2022-01-01&amp;to=2025-12-31"
    for function in series.CHARTS:
        for extension in ("csv", "xlsx"):
            assert f'href="{url(function.__name__, extension)}?{query}"' in html


def test_a_coordinator_without_a_faculty_downloads_nothing(client, coordinator, faculty_a):
    year_of_work(faculty_a, 2023)
    coordinator.org_unit = None
    coordinator.save(update_fields=["org_unit"])
    login(client, coordinator)
    assert client.get(url("events_by_year", "csv"), PERIOD).status_code == 404
