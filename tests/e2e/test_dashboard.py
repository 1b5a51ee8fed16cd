"""The dashboard in a browser: its charts and the partner map draw, without a script error,
and a click on a country of the map lists that country's partner institutions."""

from __future__ import annotations

import datetime
import re

import pytest

from tests.e2e.conftest import PHONE, expect, log_in
from tests.e2e.test_accessibility import AXE, critical_violations

ADDRESS = "/staff/reports/dashboard/?from=2022-01-01&to=2025-12-31"
CHARTS = (
    "agreements_by_year",
    "mobilities_by_year",
    "partner_countries",
    "events_by_year",
    "grant_income_by_year",
)
# A chart is drawn when Chart.js holds an instance for its canvas and has sized it.
CHART_DRAWN_JS = """(key) => {
  const canvas = document.querySelector(`canvas[data-chart="chart-data-${key}"]`);
  const chart = canvas && window.Chart && Chart.getChart(canvas);
  return Boolean(chart) && canvas.width > 0 && canvas.height > 0;
}"""


def work(faculty) -> None:
    from hamkor.reports.tests.dashboard_data import agreement, year_of_work

    year_of_work(faculty, 2023, times=2)
    agreement(faculty, signed_on=datetime.date(2024, 6, 1), country="JP")


def test_the_charts_and_the_map_draw_and_a_country_leads_to_its_partners(page, officer, faculty_a):
    work(faculty_a)
    log_in(page, officer)
    page.goto(ADDRESS)

    for key in CHARTS:
        page.wait_for_function(CHART_DRAWN_JS, arg=key)
    germany = page.locator('#partner-map .jvm-region[data-code="DE"]')
    expect(page.locator("#partner-map svg")).to_have_count(1)
    # Two partners: the second band's colour, as the legend says.
    expect(germany).to_have_attribute("fill", "#6baed6")
    expect(page.locator(".map-legend")).to_contain_text("2–3")
    expect(page.locator(".map-table tbody tr")).to_have_count(2)

    germany.hover()
    expect(page.locator(".jvm-tooltip")).to_contain_text("Germany: 2")
    germany.click()
    expect(page).to_have_url(re.compile(r"/staff/institutions/\?country=DE$"))
    expect(page.locator("#results tbody tr")).to_have_count(2)


def test_the_dashboard_fits_a_phone_with_its_charts_drawn(new_page, coordinator, faculty_a):
    work(faculty_a)
    page = new_page(viewport=PHONE)
    log_in(page, coordinator)
    page.goto(ADDRESS)

    for key in CHARTS:
        page.wait_for_function(CHART_DRAWN_JS, arg=key)
    expect(page.locator("#partner-map svg")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    widths = page.eval_on_selector_all(
        "canvas[data-chart]", "canvases => canvases.map(c => c.getBoundingClientRect().right)"
    )
    assert max(widths) <= PHONE["width"]


def test_a_period_without_records_draws_no_chart(page, officer, faculty_a):
    log_in(page, officer)
    page.goto("/staff/reports/dashboard/?from=2010-01-01&to=2010-12-31")
    expect(page.locator(".dashboard-empty")).to_be_visible()
    expect(page.locator("canvas")).to_have_count(0)
    expect(page.locator(".map-empty")).to_be_visible()


def test_a_bad_period_shows_the_error_at_the_field(page, officer, faculty_a):
    log_in(page, officer)
    page.goto("/staff/reports/dashboard/")
    page.fill("input[name=from]", "2025-06-01")
    page.fill("input[name=to]", "2024-06-01")
    with page.expect_navigation():
        page.click("form.dashboard-filters button[type=submit]")
    expect(page.locator("form.dashboard-filters .invalid-feedback")).to_have_text(
        "The period ends before it starts."
    )
    expect(page.locator("canvas")).to_have_count(0)


def test_the_dashboard_has_no_critical_accessibility_violation(new_page, officer, faculty_a):
    """Charts with their tables, the map and the key figures read with assistive technology
    (axe runs as an injected script, so this page bypasses the CSP)."""
    if not AXE.is_file():
        pytest.skip("axe-core not found: run `make vendor`")
    work(faculty_a)
    page = new_page(bypass_csp=True)
    log_in(page, officer)
    page.goto(ADDRESS)
    page.wait_for_function(CHART_DRAWN_JS, arg="agreements_by_year")
    expect(page.locator("#partner-map svg")).to_have_count(1)
    assert critical_violations(page) == []
