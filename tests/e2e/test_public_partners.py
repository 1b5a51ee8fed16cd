"""The public partners page in a browser: the map drawn (under the site's CSP, no inline
script), the countries with partners coloured with their number on hover, the list readable,
nothing sideways at 375 and 1366 px; the widget inside a frame of the university's site."""

from __future__ import annotations

import threading

import pytest

from tests.e2e.conftest import PHONE, expect, screenshot
from tests.e2e.test_accessibility import AXE, critical_violations

WIDE = {"width": 1366, "height": 800}
NAMES = {
    "uz": {"TR": "Turkiya", "KR": "Janubiy Koreya"},
    "ru": {"TR": "Турция", "KR": "Республика Корея"},
}


@pytest.fixture
def partners(department):
    from hamkor.agreements.models import Agreement
    from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory

    active = Agreement.Status.ACTIVE
    for n in range(3):
        AgreementFactory(
            status=active,
            public=True,
            partners=[PartnerFactory(country="TR", website=f"https://u{n}.example.edu.tr")],
        )
    long_name = "Korea Advanced Institute of Science and Technology Graduate School of Culture"
    AgreementFactory(
        status=active,
        public=True,
        kind=Agreement.Kind.JOINT_DEGREE,
        partners=[PartnerFactory(country="KR", name=long_name, name_en=long_name)],
    )
    AgreementFactory(status=active, partners=[PartnerFactory(country="FR")])  # confidential


def region_fill(page, code: str) -> str:
    return page.locator(f'#partner-map path.jvm-region[data-code="{code}"]').get_attribute("fill")


@pytest.mark.parametrize("language", ["uz", "ru"])
@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["375px", "1366px"])
def test_partners_page_shows_the_map_and_a_readable_list(new_page, partners, language, viewport):
    page = new_page(viewport=viewport)
    page.goto(f"/{language}/partners/")

    world = page.locator("#partner-map svg")
    expect(world).to_be_visible()
    box = world.bounding_box()
    assert box["height"] > 150 and box["x"] >= 0
    assert box["x"] + box["width"] <= viewport["width"]
    # Countries with public partners are coloured; the others, the confidential's too, not.
    assert region_fill(page, "TR") == region_fill(page, "KR") != region_fill(page, "FR")
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    headings = page.locator(".partners-country h3")
    expect(headings).to_have_count(2)
    expect(headings.first).to_contain_text(NAMES[language]["KR"])
    expect(headings.nth(1)).to_contain_text(NAMES[language]["TR"])
    expect(page.locator(".partner-entry")).to_have_count(4)
    # The map is one image with a text alternative; the list carries the facts.
    expect(page.locator("#partner-map")).to_have_attribute("role", "img")
    screenshot(page, f"public-partners-{language}-{int(viewport['width'])}")


def test_hovering_a_coloured_country_names_it_with_its_partners(new_page, partners):
    page = new_page(viewport=WIDE)
    page.goto("/ru/partners/")
    turkey = page.locator('#partner-map path.jvm-region[data-code="TR"]')
    expect(turkey).to_be_visible()

    turkey.hover()

    tooltip = page.locator(".jvm-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("Турция: 3")


def test_partners_page_has_no_critical_accessibility_violation(new_page, partners):
    if not AXE.is_file():
        pytest.skip("axe-core not found: run `make vendor`")
    page = new_page(bypass_csp=True)
    for address in ("/uz/partners/", "/ru/embed/partners/"):
        page.goto(address)
        expect(page.locator("#partner-map svg")).to_be_visible()
        assert critical_violations(page) == [], address


@pytest.fixture
def university_site(live_server):
    """The university's own site on another local origin: one page framing the widget.
    (A real server: Chromium lets only pages on the local network frame a local server.)"""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    body = (
        "<!doctype html><title>University</title>"
        f'<iframe src="{live_server.url}/uz/embed/partners/" width="600" height="400"'
        ' title="Partners"></iframe>'
    ).encode()

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_widget_is_drawn_in_a_frame_of_the_configured_site(
    new_page, partners, settings, university_site
):
    settings.HAMKOR_EMBED_ANCESTORS = [university_site]
    page = new_page(viewport={"width": 800, "height": 600})

    page.goto(f"{university_site}/")

    widget = page.frame_locator("iframe")
    expect(widget.locator("#partner-map svg")).to_be_visible()
    expect(widget.locator(".partners-summary")).to_contain_text("4")
    expect(widget.locator(".site-menu")).to_have_count(0)
