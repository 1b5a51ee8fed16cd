"""Every public page, in every language, as the sitemap lists it (a page added to the
sitemap is walked here without a new line), plus the pages reached by a link only (the
letter and certificate checks) and the 404 page:

(a) axe-core finds no serious and no critical accessibility violation;
(b) at 375, 768 and 1280 px nothing scrolls sideways (a screenshot per page and width in
    the test's temporary folder, for a person to look at);
(c) the page asks no host other than this site for anything.

One page load per page and language; the widths are the same page resized, in one browser
context per language (axe is injected as a script, which needs the CSP bypassed).
"""

from __future__ import annotations

import re
import urllib.request
from urllib.parse import urlsplit

import pytest

from hamkor.website.tests.site_pages import public_records, sitemap_paths
from tests.e2e.test_accessibility import AXE, PUBLIC_IMPACTS, RUN_AXE

WIDTHS = (375, 768, 1280)
HEIGHT = 800
LANGUAGES = ("uz", "uz-cyrl", "ru", "en")
LINKED_ONLY = ("letters/unknown-code/", "certificates/unknown-code/", "no-such-page/")

SIDEWAYS_JS = """() => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return null;
  const wide = [...document.body.querySelectorAll("*")]
    .filter(e => e.getBoundingClientRect().right > root.clientWidth + 1)
    .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? "." + e.className : ""));
  return `${root.scrollWidth} px wide: ${wide.join(", ")}`;
}"""


@pytest.fixture
def public_site(live_server, officer, department):
    public_records(officer)
    with urllib.request.urlopen(f"{live_server.url}/sitemap.xml") as answer:
        return sitemap_paths(answer.read())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_is_accessible_fits_each_width_and_stays_on_this_site(
    new_page, live_server, public_site, language, tmp_path
):
    if not AXE.is_file():
        pytest.skip("axe-core not found: run `make vendor`")
    paths = [path for path in public_site if path.startswith(f"/{language}/")]
    assert len(paths) >= 10, paths  # the site's pages and one record of each kind
    paths += [f"/{language}/{page}" for page in LINKED_ONLY]

    page = new_page(bypass_csp=True, viewport={"width": WIDTHS[-1], "height": HEIGHT})
    own = urlsplit(live_server.url).netloc
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(request.url).netloc != own
            and elsewhere.append(f"{page.url} asked {request.url}")
        ),
    )

    found = []
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[-1], "height": HEIGHT})
        page.goto(path)
        page.add_script_tag(path=str(AXE))
        found += [f"{path}: {violation}" for violation in page.evaluate(RUN_AXE, PUBLIC_IMPACTS)]
        name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": HEIGHT})
            sideways = page.evaluate(SIDEWAYS_JS)
            if sideways:
                found.append(f"{path} at {width} px scrolls sideways: {sideways}")
            page.screenshot(path=str(tmp_path / f"{name}-{width}.png"), full_page=True)

    assert not found, "\n".join(found)
    assert not elsewhere, "\n".join(elsewhere)
    assert len(list(tmp_path.glob("*.png"))) == len(paths) * len(WIDTHS)
