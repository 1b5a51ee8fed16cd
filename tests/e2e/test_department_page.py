"""The department's page in a browser: it fits a phone and a laptop in every language, and
its achievements widget works inside another site's page (another origin), sized to its
content."""

from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from hamkor.website.tests.content_factories import picture_upload
from hamkor.website.tests.department_factories import demo_profile, signed_with
from tests.e2e.conftest import expect, screenshot

WIDTHS = (375, 1366)


@pytest.fixture
def department_page(home, officer):
    from hamkor.website.services import department_profile_save

    profile = demo_profile(home, officer)
    department_profile_save(
        profile=profile, actor=officer, head_photo_upload=picture_upload(600, 800, "JPEG")
    )
    for country in ("TR", "RU", "KR", "GB"):
        signed_with(country)
    return profile


@pytest.mark.parametrize("language", ["uz", "uz-cyrl", "ru", "en"])
def test_the_department_page_fits_a_phone_and_a_laptop(new_page, department_page, language):
    page = new_page()
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(f"/{language}/")
        expect(page.locator(".achievements li").first).to_be_visible()
        expect(page.locator("img.head-photo")).to_be_visible()
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"/{language}/ is {scroll_width} px wide at {width} px"
        screenshot(page, f"department-{language}-{width}")


class _HostSite(BaseHTTPRequestHandler):
    """The university's main site: one page that includes the widget's script."""

    page = b""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, *args):
        pass


@pytest.fixture
def host_site(live_server):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HostSite)
    _HostSite.page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>University</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        '<body><h1>Our university</h1><div id="box" style="max-width:360px">'
        f'<script src="{live_server.url}/static/website/embed.js" '
        'data-hamkor-widget="achievements" data-lang="ru" async></script>'
        "</div><p>Footer</p></body></html>"
    ).encode()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_achievements_widget_inside_another_sites_page(
    new_page, department_page, host_site, settings
):
    settings.HAMKOR_EMBED_ANCESTORS = [host_site]
    page = new_page()
    page.goto(f"{host_site}/")

    frame = page.frame_locator("iframe.hamkor-widget")
    expect(frame.locator("html")).to_have_attribute("lang", "ru")
    expect(frame.locator(".achievements")).to_contain_text("Турция")
    expect(frame.locator(".achievements")).to_contain_text("Великобритания")
    assert frame.locator("header, nav").count() == 0

    # The frame grows to its content (embed.js reads the height the widget posts): the
    # widget's window is as tall as its page, so nothing inside it scrolls.
    widget = page.frame(url=re.compile(r"/ru/embed/achievements/$"))
    widget.wait_for_function(
        "Math.abs(document.documentElement.getBoundingClientRect().height - innerHeight) <= 2"
    )
    assert page.locator("iframe.hamkor-widget").evaluate("f => f.style.height").endswith("px")
    screenshot(page, "embed-achievements-ru")


# The page's own part (<main>); the site's header and menu are the base template's, checked
# with every public page in test_accessibility.
RUN_AXE = """async () => {
  const result = await axe.run({include: [["main"]]}, {resultTypes: ["violations"]});
  return result.violations
    .filter(v => v.impact === "critical" || v.impact === "serious")
    .map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(" ")).join(", ")})`);
}"""


@pytest.mark.parametrize("address", ["/uz/", "/ru/embed/achievements/"])
def test_the_page_and_the_widget_have_no_serious_accessibility_violation(
    new_page, department_page, address
):
    from tests.e2e.test_accessibility import AXE

    if not AXE.is_file():
        pytest.skip("axe-core not found: run `make vendor`")
    page = new_page(bypass_csp=True)  # axe comes in as a script tag, which the CSP forbids
    page.goto(address)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(RUN_AXE)
    assert violations == [], "\n".join(violations)
