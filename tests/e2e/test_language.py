"""The language switcher: public pages move to the chosen language's address; staff pages
follow the language saved on the user.

Translations are still being written, so the language is read from ``<html lang>`` and the
address, never from translated words.
"""

from __future__ import annotations

import re

from tests.e2e.conftest import DEPARTMENT_NAMES, expect, log_in, screenshot

LANGUAGES = ("uz", "uz-cyrl", "ru", "en")
HTML_LANG = {"uz": "uz", "uz-cyrl": "uz-Cyrl", "ru": "ru", "en": "en"}


def switch_public_language(page, code: str) -> None:
    """Open the public site's language menu (links to the same page) and pick ``code``."""
    switcher = page.locator(".language-switcher")
    switcher.locator("button.dropdown-toggle").click()
    choice = switcher.locator(f"a[hreflang={HTML_LANG[code]}]")
    choice.wait_for(state="visible")
    with page.expect_navigation():
        choice.click()


def switch_language(page, code: str) -> None:
    """Open the staff language menu and pick ``code``, as a user does."""
    switcher = page.locator("form.language-switcher")
    switcher.locator("button.dropdown-toggle").click()
    choice = switcher.locator(f"button[name=language][value={code}]")
    choice.wait_for(state="visible")
    with page.expect_navigation():
        choice.click()


def test_public_page_switches_to_each_language(page, department):
    """A visitor picks each language in turn, lands on its address and reads the page in it."""
    page.goto("/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    for code in LANGUAGES:
        switch_public_language(page, code)
        assert page.url.endswith(f"/{code}/"), f"{code}: landed on {page.url}"
        expect(page.locator("html")).to_have_attribute("lang", HTML_LANG[code])
        active = page.locator(".language-switcher a.active")
        expect(active).to_have_attribute("hreflang", HTML_LANG[code])
        if code in DEPARTMENT_NAMES:
            expect(page.locator("main h1")).to_have_text(DEPARTMENT_NAMES[code])
        screenshot(page, f"public-{code}")


def test_public_switch_keeps_the_news_item(page, officer, department):
    """On a news item in Russian, English leads to the same item in English."""
    from hamkor.website.tests.content_factories import NewsItemFactory

    item = NewsItemFactory(
        status="published", title_ru="Визит партнёров", title_en="Partners visit"
    )
    page.goto(f"/ru/news/{item.slug}/")
    expect(page.locator("main h1")).to_have_text("Визит партнёров")
    switch_public_language(page, "en")
    assert page.url.endswith(f"/en/news/{item.slug}/"), page.url
    expect(page.locator("main h1")).to_have_text("Partners visit")


def test_staff_language_is_saved_on_the_user(page, new_page, officer):
    """An officer who picks Russian keeps Russian staff pages, even after logging in anew."""
    log_in(page, officer)
    page.goto("/staff/units/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    switch_language(page, "ru")
    assert page.url.endswith("/staff/units/"), f"the switch left the page: {page.url}"
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    officer.refresh_from_db()
    assert officer.language == "ru"

    page.goto("/account/profile/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    screenshot(page, "staff-profile-ru")

    # A browser without the language cookie: the saved choice comes from the user alone.
    fresh = new_page()
    log_in(fresh, officer)
    expect(fresh).to_have_url(re.compile(r"/staff/$"))
    expect(fresh.locator("html")).to_have_attribute("lang", "ru")
