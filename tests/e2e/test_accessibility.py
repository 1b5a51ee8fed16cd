"""axe-core finds no critical accessibility violation on the main kinds of page (the public
pages, in every language, are walked in test_public_pages.py for serious ones too).

axe is injected as a script tag, which the site's CSP forbids (no inline script), so these
pages are opened in a browser context that bypasses the CSP; the other tests keep it.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import REPO_ROOT, log_in

AXE = REPO_ROOT / "hamkor" / "static" / "vendor" / "axe-core" / "axe.min.js"

# Impacts that fail a test: the staff pages are held to "critical", the public ones to
# "serious" as well.
RUN_AXE = """async (impacts) => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => impacts.includes(v.impact))
    .map(v => `${v.impact} ${v.id}: ${v.help} `
      + `(${v.nodes.map(n => n.target.join(" ")).join(", ")})`);
}"""
PUBLIC_IMPACTS = ["serious", "critical"]


@pytest.fixture
def axe_page(new_page):
    if not AXE.is_file():
        pytest.skip(f"axe-core not found at {AXE.relative_to(REPO_ROOT)}: run `make vendor`")
    return new_page(bypass_csp=True)


def critical_violations(page, impacts=("critical",)) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(RUN_AXE, list(impacts))


def test_login_page_has_no_critical_accessibility_violation(axe_page):
    """A screen-reader or keyboard user can log in."""
    axe_page.goto("/account/login/")
    assert critical_violations(axe_page) == []


def test_unit_list_has_no_critical_accessibility_violation(axe_page, officer, home):
    """An officer with assistive technology can use a list page with its filters."""
    from hamkor.accounts.tests.factories import OrgUnitFactory

    OrgUnitFactory.create_batch(3, institution=home)
    log_in(axe_page, officer)
    axe_page.goto("/staff/units/")
    assert critical_violations(axe_page) == []


@pytest.mark.parametrize("language", ["uz", "uz-cyrl", "ru", "en"])
def test_refused_contact_and_reception_forms_have_no_serious_accessibility_violation(
    axe_page, department, language
):
    """A visitor with assistive technology can write to the office and book a visit: a
    refused form's messages (the forms as first shown are in test_public_pages.py)."""
    from hamkor.website.tests.reception_factories import ReceptionHoursFactory

    ReceptionHoursFactory()
    for page in ("contact", "reception"):
        axe_page.goto(f"/{language}/{page}/")
        with axe_page.expect_navigation():
            axe_page.locator("main form button[type=submit]").click()  # empty: refused
        assert axe_page.locator(".is-invalid").count() > 0
        assert critical_violations(axe_page, PUBLIC_IMPACTS) == [], (language, page, "refused")
