"""The achievements widget: framed by the configured sites, while every other page refuses
to be framed; the script that puts it on another site is served."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def frame_ancestors(response) -> str:
    policy = response["Content-Security-Policy"]
    return next(part.strip() for part in policy.split(";") if "frame-ancestors" in part)


def test_the_widget_may_be_framed_by_https_sites_by_default(client):
    response = client.get("/en/embed/achievements/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert frame_ancestors(response) == "frame-ancestors 'self' https:"


def test_the_widget_may_be_framed_only_by_the_sites_configured(client, settings):
    settings.HAMKOR_EMBED_ANCESTORS = ["https://kokandsu.uz", "https://www.kokandsu.uz"]
    response = client.get("/ru/embed/achievements/")
    assert (
        frame_ancestors(response) == "frame-ancestors https://kokandsu.uz https://www.kokandsu.uz"
    )
    # The rest of the policy is the site's own.
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("url", ["/en/", "/en/contact/", "/account/login/"])
def test_every_other_page_refuses_to_be_framed(client, url):
    response = client.get(url)
    assert response["X-Frame-Options"] == "DENY"
    assert frame_ancestors(response) == "frame-ancestors 'none'"


def test_the_widget_has_no_header_or_menu_of_the_site(client, home):
    page = client.get("/uz/embed/achievements/").text
    assert "<header" not in page
    assert "navbar" not in page
    assert '<html lang="uz">' in page
    assert "embed-frame.js" in page


def test_the_script_for_other_sites_is_served(client):
    response = client.get("/static/website/embed.js")
    assert response.status_code == 200
    script = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"/embed/" in script
