"""The generic list page, on faculties and departments: live search, sorting, page size and
export of what is shown.

Search, sorting and paging answer through htmx: only the results are replaced, the page is
not reloaded (a marker set in ``window`` survives) and the address follows the filters.
"""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from tests.e2e.conftest import PHONE, expect, log_in, screenshot

ROWS = "#results tbody tr"
COUNT = "#result-count"
PHYSICS = ("Applied Physics", "Nuclear Physics", "Physics Education", "Physics of Materials")


@pytest.fixture
def units(home):
    from hamkor.accounts.tests.factories import OrgUnitFactory

    others = [
        OrgUnitFactory(institution=home, code=f"unit-{n:02d}", name_en=f"Unit {n:02d}")
        for n in range(26)
    ]
    physics = [
        OrgUnitFactory(institution=home, code=f"phys-{n}", name_uz=name, name_en=name)
        for n, name in enumerate(PHYSICS)
    ]
    return others + physics


def row_names(page) -> list[str]:
    return page.locator(f"{ROWS} td:first-child").all_inner_texts()


def test_unit_list_searches_sorts_pages_and_exports(page, officer, units, tmp_path):
    """An officer narrows 30 units by typing, sorts them, changes the page size and gets
    exactly the rows shown as a spreadsheet, without the page ever reloading."""
    log_in(page, officer)
    page.goto("/staff/units/")
    expect(page.locator(COUNT)).to_contain_text(re.compile(r"\b30\b"))
    expect(page.locator(ROWS)).to_have_count(25)
    page.evaluate("window.__marker = 1")

    page.locator("#results a[href*='per_page=50']").click()
    expect(page.locator(ROWS)).to_have_count(30)
    expect(page).to_have_url(re.compile(r"per_page=50"))

    page.locator("form[role=search] input[name=q]").press_sequentially("physics", delay=20)
    expect(page.locator(COUNT)).to_contain_text(re.compile(rf"\b{len(PHYSICS)}\b"))
    expect(page.locator(ROWS)).to_have_count(len(PHYSICS))
    expect(page).to_have_url(re.compile(r"q=physics"))

    name_header = page.locator("#results thead th a").first
    name_header.click()
    expect(page).to_have_url(re.compile(r"sort=name"))
    expect(page.locator(ROWS).first).to_contain_text(sorted(PHYSICS)[0])
    assert row_names(page) == sorted(PHYSICS)
    page.locator("#results thead th a").first.click()
    expect(page).to_have_url(re.compile(r"sort=-name"))
    expect(page.locator(ROWS).first).to_contain_text(sorted(PHYSICS)[-1])
    assert row_names(page) == sorted(PHYSICS, reverse=True)

    assert page.evaluate("window.__marker") == 1, "the page was reloaded"
    screenshot(page, "units-list-filtered")

    with page.expect_download() as download_info:
        page.locator("#results a[href*='export=xlsx']").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    sheet = load_workbook(path, read_only=True).active
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header[0] is not None
    assert [row[0] for row in rows] == sorted(PHYSICS, reverse=True)


def test_an_empty_lists_message_is_read_on_a_phone_without_scrolling(new_page, officer, units):
    """A list with many columns and no matching row says so within the phone's width."""
    page = new_page(viewport=PHONE)
    log_in(page, officer)
    page.goto("/staff/participants/?q=nobody-has-this-name")
    message = page.locator("#results td .table-empty")
    expect(message).to_have_text("Nothing matches these filters.")
    box = message.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
