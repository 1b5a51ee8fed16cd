"""axe-core finds no critical accessibility violation on the main kinds of page.

axe is injected as a script tag, which the site's CSP forbids (no inline script), so these
pages are opened in a browser context that bypasses the CSP; the other tests keep it.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import REPO_ROOT, log_in

AXE = REPO_ROOT / "hamkor" / "static" / "vendor" / "axe-core" / "axe.min.js"

RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "critical")
    .map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(" ")).join(", ")})`);
}"""


@pytest.fixture
def axe_page(new_page):
    if not AXE.is_file():
        pytest.skip(f"axe-core not found at {AXE.relative_to(REPO_ROOT)}: run `make vendor`")
    return new_page(bypass_csp=True)


def critical_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE)


def test_login_page_has_no_critical_accessibility_violation(axe_page):
    """A screen-reader or keyboard user can log in."""
    axe_page.goto("/account/login/")
    assert critical_violations(axe_page) == []


def test_public_page_has_no_critical_accessibility_violation(axe_page, home):
    """A visitor with assistive technology can read the public page."""
    axe_page.goto("/en/")
    assert critical_violations(axe_page) == []


def test_unit_list_has_no_critical_accessibility_violation(axe_page, officer, home):
    """An officer with assistive technology can use a list page with its filters."""
    from hamkor.accounts.tests.factories import OrgUnitFactory

    OrgUnitFactory.create_batch(3, institution=home)
    log_in(axe_page, officer)
    axe_page.goto("/staff/units/")
    assert critical_violations(axe_page) == []


@pytest.mark.parametrize("language", ["uz", "uz-cyrl", "ru", "en"])
def test_contact_and_reception_pages_have_no_critical_accessibility_violation(
    axe_page, department, language
):
    """A visitor with assistive technology can write to the office and book a visit: the
    form, the times to choose (radio buttons), and a refused form's messages."""
    from hamkor.website.tests.reception_factories import ReceptionHoursFactory

    ReceptionHoursFactory()
    for page in ("contact", "reception"):
        axe_page.goto(f"/{language}/{page}/")
        assert critical_violations(axe_page) == [], (language, page)
        with axe_page.expect_navigation():
            axe_page.locator("main form button[type=submit]").click()  # empty: refused
        assert axe_page.locator(".is-invalid").count() > 0
        assert critical_violations(axe_page) == [], (language, page, "refused")


@pytest.mark.parametrize("language", ["uz", "uz-cyrl", "ru", "en"])
def test_news_and_pages_have_no_critical_accessibility_violation(
    axe_page, officer, department, language
):
    """The news (list and an item with its picture) and a static page of the tree, in each
    language of the site."""
    from hamkor.website.tests.content_factories import NewsItemFactory, PageFactory, site_image

    image = site_image(actor=officer)
    item = NewsItemFactory(
        status="published",
        summary_uz="Qisqacha",
        image=image,
        body_uz=f'<h2>Kirish</h2><p><a href="/uz/">Bosh sahifa</a></p><img src="{image.url}">',
    )
    top = PageFactory(status="published", title_uz="Xorijiy mehmonlar uchun")
    page = PageFactory(
        status="published",
        parent=top,
        body_uz="<table><thead><tr><th>Hujjat</th></tr></thead><tbody><tr><td>Pasport</td></tr></tbody></table>",
    )
    for address in (
        f"/{language}/news/",
        f"/{language}/news/{item.slug}/",
        f"/{language}/pages/",
        f"/{language}/pages/{page.path}/",
    ):
        axe_page.goto(address)
        assert critical_violations(axe_page) == [], address
