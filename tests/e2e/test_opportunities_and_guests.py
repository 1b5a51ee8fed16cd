"""A visitor on a phone (375 px) and a laptop (1366 px) finds the open opportunities,
narrows them, reads one; a visiting professor ticks the checklist, which the browser keeps;
a forged letter is shown not valid. No page scrolls sideways; axe finds nothing critical."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.e2e.conftest import expect, screenshot
from tests.e2e.test_accessibility import AXE, critical_violations

WIDTHS = (375, 1366)


def no_sideways_scroll(page) -> None:
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


@pytest.fixture
def opportunities(department):
    from hamkor.partners.tests.factories import InstitutionFactory
    from hamkor.website.tests.opportunity_factories import OpportunityFactory

    now = timezone.now()
    return {
        "exchange": OpportunityFactory(
            status="published",
            kind="exchange",
            title_uz="Brnoda bir semestr",
            title_en="A semester in Brno",
            deadline=now + datetime.timedelta(days=20),
            partner=InstitutionFactory(name="Masarykova univerzita", country="CZ"),
            url="https://example.org/erasmus",
        ),
        "school": OpportunityFactory(
            status="published",
            kind="summer_school",
            audience="students",
            title_uz="Seulda yozgi maktab",
            title_en="Summer school in Seoul",
            deadline=now + datetime.timedelta(days=5),
        ),
        "closed": OpportunityFactory(
            status="published",
            kind="grant",
            title_uz="Yopilgan grant",
            deadline=now - datetime.timedelta(days=2),
        ),
    }


@pytest.mark.parametrize("width", WIDTHS)
def test_a_visitor_finds_narrows_and_reads_an_opportunity(new_page, opportunities, width):
    page = new_page(viewport={"width": width, "height": 740})
    page.goto("/uz/opportunities/")
    cards = page.locator("article.opportunity")
    # The soonest deadline first; the closed one is not listed.
    expect(cards).to_have_count(2)
    expect(cards.first).to_contain_text("Seulda yozgi maktab")
    expect(cards.first).to_contain_text("kun qoldi")
    no_sideways_scroll(page)
    screenshot(page, f"opportunities-uz-{width}")
    page.select_option("#id_kind", "exchange")
    with page.expect_navigation():
        page.locator(".opportunity-filters button[type=submit]").click()
    expect(cards).to_have_count(1)
    with page.expect_navigation():
        cards.first.get_by_role("link", name="Brnoda bir semestr").click()
    expect(page.locator("h1")).to_have_text("Brnoda bir semestr")
    expect(page.locator("main")).to_contain_text("Chexiya")  # the partner's country in Uzbek
    expect(page.get_by_role("link", name="Rasmiy sahifa va ariza")).to_have_attribute(
        "href", "https://example.org/erasmus"
    )
    no_sideways_scroll(page)
    # A closed one is reachable by its address, and says so.
    page.goto(f"/ru/opportunities/{opportunities['closed'].slug}/")
    expect(page.get_by_role("status")).to_contain_text("Закрыто")
    no_sideways_scroll(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_visiting_professor_ticks_the_checklist_and_the_browser_keeps_it(
    new_page, department, width
):
    from hamkor.website.tests.content_factories import PageFactory

    guests = PageFactory(status="published", slug="foreign-guests", title_en="For guests")
    PageFactory(
        status="published",
        parent=guests,
        slug="visiting-professors",
        title_en="Checklist for visiting professors",
        body_en="<h2>Before you come</h2><ul><li>CV</li><li>Academic visa</li></ul>",
        checklist=True,
    )
    page = new_page(viewport={"width": width, "height": 740})
    page.goto("/en/")
    with page.expect_navigation():
        page.locator(".site-menu").get_by_role("link", name="For guests").click()
    with page.expect_navigation():
        page.locator(".section-pages").get_by_role(
            "link", name="Checklist for visiting professors"
        ).click()
    visa = page.get_by_role("checkbox", name="Academic visa")
    expect(visa).not_to_be_checked()
    visa.check()
    page.reload()
    expect(page.get_by_role("checkbox", name="Academic visa")).to_be_checked()
    expect(page.get_by_role("checkbox", name="CV")).not_to_be_checked()
    expect(page.get_by_role("button", name="Print the checklist")).to_be_visible()
    no_sideways_scroll(page)
    # Printed, the page keeps its boxes and leaves the menus out.
    page.emulate_media(media="print")
    expect(page.locator(".site-menu")).to_be_hidden()
    expect(page.get_by_role("checkbox", name="CV")).to_be_visible()


@pytest.mark.parametrize("language", ["uz", "uz-cyrl", "ru", "en"])
def test_opportunities_and_checks_have_no_critical_accessibility_violation(
    new_page, opportunities, language
):
    if not AXE.is_file():
        pytest.skip("axe-core not installed: run `make vendor`")
    page = new_page(bypass_csp=True)
    for address in (
        f"/{language}/opportunities/",
        f"/{language}/opportunities/{opportunities['exchange'].slug}/",
        f"/{language}/opportunities/{opportunities['closed'].slug}/",
        f"/{language}/letters/forged/",
        f"/{language}/certificates/forged/",
    ):
        page.goto(address)
        assert critical_violations(page) == [], address
