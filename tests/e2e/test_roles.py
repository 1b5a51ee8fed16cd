"""Each role logs in through the login form and walks its sidebar, on a desktop and a phone.

The sidebar must offer exactly what the role may open: every link answers a page, and a page
the role may not open is neither offered nor opened.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import PHONE, log_in, screenshot

SIDEBAR_LINKS = "#sidebar nav[aria-label] a.nav-link"

ADMIN_ONLY = ("/staff/users/", "/staff/outbox/")

# What each role's sidebar must offer, and what it must not.
EXPECTED = {
    "admin": {
        "offered": ("/staff/", "/staff/units/", *ADMIN_ONLY, "/account/profile/"),
        "withheld": (),
    },
    "officer": {
        "offered": ("/staff/", "/staff/units/", "/account/profile/"),
        "withheld": ADMIN_ONLY,
    },
    "coordinator": {
        "offered": ("/staff/", "/staff/units/", "/account/profile/"),
        "withheld": ADMIN_ONLY,
    },
    "leadership": {
        "offered": ("/staff/", "/staff/units/", "/account/profile/"),
        "withheld": ADMIN_ONLY,
    },
    "applicant": {
        "offered": ("/account/profile/",),
        "withheld": ("/staff/", "/staff/units/", *ADMIN_ONLY),
    },
}


def slug(href: str) -> str:
    return href.strip("/").replace("/", "-") or "root"


def sidebar_hrefs(page) -> list[str]:
    return page.locator(SIDEBAR_LINKS).evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )


def assert_page_answers(page, response, href: str) -> None:
    assert response is not None, f"{href}: no answer"
    assert response.status == 200, f"{href}: status {response.status}"
    assert "Server error" not in page.title(), f"{href}: server error page"
    assert page.locator(".error-page").count() == 0, f"{href}: error page shown"


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_opens_every_page_of_its_sidebar(role, request, page, new_page, department):
    """A user of each role sees a menu of pages that all open, on a desktop and on a phone."""
    user = request.getfixturevalue(role)
    log_in(page, user)

    hrefs = sidebar_hrefs(page)
    for href in EXPECTED[role]["offered"]:
        assert href in hrefs, f"{role} is not offered {href}"
    for href in EXPECTED[role]["withheld"]:
        assert href not in hrefs, f"{role} is offered {href}, which it may not open"

    for href in hrefs:
        response = page.goto(href)
        # Let the page finish its own requests (the API docs fetch the schema) before leaving.
        page.wait_for_load_state("networkidle")
        assert_page_answers(page, response, href)
        if href.startswith(("/staff/", "/account/")):
            # The page's own menu entry is marked as the current one.
            current = page.locator(f'{SIDEBAR_LINKS}[aria-current="page"]')
            assert current.get_attribute("href") == href
        screenshot(page, f"role-{role}-{slug(href)}")

    phone = new_page(viewport=PHONE, storage_state=page.context.storage_state())
    phone.goto(hrefs[0])
    menu_button = phone.locator("button.navbar-toggler[aria-controls=sidebar]")
    assert menu_button.is_visible(), "the menu button is missing on a phone"
    sidebar_link = phone.locator(SIDEBAR_LINKS).first
    assert not sidebar_link.is_visible(), "the sidebar takes room from the content on a phone"
    screenshot(phone, f"role-{role}-phone")
    menu_button.click()
    phone.locator("#sidebar.show").wait_for()
    sidebar_link.wait_for(state="visible")
    screenshot(phone, f"role-{role}-phone-menu")


@pytest.mark.parametrize("role", ["officer", "coordinator", "leadership", "applicant"])
def test_role_is_refused_the_users_page(role, request, page):
    """Typing the address of the users page in by hand shows the "not allowed" page."""
    log_in(page, request.getfixturevalue(role))
    response = page.goto("/staff/users/")
    assert response.status == 403
    assert page.locator(".error-page").is_visible()
    assert page.locator('a[href="/staff/users/"]').count() == 0
