"""The top bar's search: typing a name in any script shows the matching records at once."""

from __future__ import annotations

import re

from hamkor import languages
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


# The width of the box's placeholder as the browser draws it, and the room the box gives it.
PLACEHOLDER_FIT_JS = """(box) => {
  const style = getComputedStyle(box);
  const context = document.createElement('canvas').getContext('2d');
  context.font = style.font;
  const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  return {text: box.placeholder, width: context.measureText(box.placeholder).width, room: room};
}"""


def test_top_bar_search_placeholder_is_whole_in_every_language(new_page, officer, home):
    """At 375 px the Uzbek hint was cut ("Muassasalar, shartnomalar, shaxslarni qidi"): the
    box shows a search icon and a short hint, whole in every language on a phone and a
    laptop; the long one is the box's title."""

    page = new_page(viewport=PHONE)
    log_in(page, officer)
    cut = []
    for language in ("uz", "uz-cyrl", "ru", "en"):
        type(officer).objects.filter(pk=officer.pk).update(language=language)
        for width in (PHONE["width"], 1366):
            page.set_viewport_size({"width": width, "height": PHONE["height"]})
            page.goto("/staff/")
            expect(page.locator("html")).to_have_attribute("lang", languages.BCP47[language])
            box = page.locator(BOX)
            expect(box).to_be_visible()
            fit = box.evaluate(PLACEHOLDER_FIT_JS)
            assert fit["text"], f"{language}: no placeholder"
            if fit["width"] > fit["room"]:
                cut.append(f"{language} at {width} px: {fit}")
    assert not cut, "\n".join(cut)
