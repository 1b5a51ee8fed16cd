"""Each role's sidebar, checked during the phone walk (``test_phone_layout.py``), which opens
every page a role may open anyway (decision 0016: it used to be a walk of its own).

The sidebar must offer exactly what the role may open: every link answers a page that marks
its own entry as the current one; a page the role may not open is not offered; on a phone the
sidebar folds behind the menu button.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.e2e.conftest import PHONE, screenshot

SIDEBAR_LINKS = "#sidebar nav[aria-label] a.nav-link"
# The sidebar entry a page marks as its own, read with the page's other facts in one call.
CURRENT_LINK_JS = f"""document.querySelector('{SIDEBAR_LINKS}[aria-current="page"]')
  ?.getAttribute('href') ?? null"""

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


def sidebar_hrefs(page) -> list[str]:
    return page.locator(SIDEBAR_LINKS).evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )


def offer_problems(role: str, hrefs: list[str]) -> list[str]:
    """What the role's sidebar offers that it must not, or lacks that it must offer."""
    problems = [f"{role} is not offered {h}" for h in EXPECTED[role]["offered"] if h not in hrefs]
    problems += [
        f"{role} is offered {h}, which it may not open"
        for h in EXPECTED[role]["withheld"]
        if h in hrefs
    ]
    return problems


def marks_itself(href: str, current: str | None) -> list[str]:
    """A staff or account page marks its own sidebar entry as the current one."""
    if href.startswith(("/staff/", "/account/")) and current != href:
        return [f"{href}: the sidebar marks {current} as the current page"]
    return []


def unopened_links_problems(page, hrefs: list[str], opened_paths: dict[str, str | None]):
    """Open the sidebar's links the walk did not (the API's pages, links with a query): each
    answers a page; check every link's page marks its own entry."""
    problems = []
    for href in hrefs:
        if href in opened_paths:
            problems += marks_itself(href, opened_paths[href])
            continue
        response = page.goto(href)
        # Let the page finish its own requests (the API docs fetch the schema) before leaving.
        page.wait_for_load_state("networkidle")
        if response is None or response.status != 200:
            problems.append(f"{href}: status {response.status if response else 'none'}")
            continue
        if "Server error" in page.title() or page.locator(".error-page").count():
            problems.append(f"{href}: error page shown")
            continue
        if urlsplit(page.url).path == urlsplit(href).path:
            problems += marks_itself(href, page.evaluate(f"() => {CURRENT_LINK_JS}"))
    return problems


def phone_menu_problems(page, role: str, href: str) -> list[str]:
    """On a phone the sidebar hides behind the menu button, which opens it."""
    page.set_viewport_size(PHONE)
    page.goto(href)
    menu_button = page.locator("button.navbar-toggler[aria-controls=sidebar]")
    if not menu_button.is_visible():
        return [f"{role}: the menu button is missing on a phone"]
    sidebar_link = page.locator(SIDEBAR_LINKS).first
    if sidebar_link.is_visible():
        return [f"{role}: the sidebar takes room from the content on a phone"]
    menu_button.click()
    page.locator("#sidebar.show").wait_for()
    sidebar_link.wait_for(state="visible")
    screenshot(page, f"role-{role}-phone-menu")
    return []
