"""The top bar's search: typing a name in any script shows the matching records at once."""

from __future__ import annotations

import re

from tests.e2e.conftest import PHONE, expect, log_in

BOX = "[data-global-search] input[name=q]"
RESULTS = "#global-search-results"


def test_top_bar_search_finds_a_partner_typed_in_cyrillic(page, officer, home):
    from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory

    partner = PartnerFactory(name="Qoʻqon Pedagogika Instituti", name_en="Kokand Pedagogical")
    AgreementFactory(title="Teacher exchange", partners=[partner])
    log_in(page, officer)
    page.goto("/staff/")

    page.locator(BOX).press_sequentially("Қўқон пед", delay=30)

    institutions = page.locator(f"{RESULTS} [data-kind=institutions]")
    expect(institutions).to_contain_text("Kokand Pedagogical")
    expect(page.locator(f"{RESULTS} [data-kind=agreements]")).to_contain_text("Teacher exchange")
    institutions.get_by_role("link", name=re.compile("See all")).click()
    expect(page).to_have_url(re.compile(r"/staff/institutions/\?.*q="))
    expect(page.locator("#results tbody tr")).to_have_count(1)


def test_top_bar_search_fits_a_phone_and_closes_on_escape(new_page, officer, home):
    from hamkor.agreements.tests.factories import PartnerFactory

    PartnerFactory(name="Samarqand davlat universiteti")
    page = new_page(viewport=PHONE)
    log_in(page, officer)
    page.goto("/staff/")

    page.locator(BOX).press_sequentially("samarqand", delay=30)
    expect(page.locator(RESULTS)).to_contain_text("Samarqand davlat universiteti")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.locator(BOX).press("Escape")
    expect(page.locator(f"{RESULTS} [data-testid=search-results]")).to_have_count(0)

    # Escape also empties a search box (the browser's own behaviour): type again, then Enter.
    page.locator(BOX).fill("samarqand")
    # Let the live results arrive first: Enter would otherwise abort their request.
    expect(page.locator(RESULTS)).to_contain_text("Samarqand davlat universiteti")
    page.locator(BOX).press("Enter")
    expect(page).to_have_url(re.compile(r"/staff/search/\?q=samarqand"))
    expect(page.locator("main [data-kind=institutions]")).to_contain_text("Samarqand")
