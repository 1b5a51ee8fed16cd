"""The public site's pages as a crawler finds them (from ``/sitemap.xml``), and one record of
each kind that has pages, for the tests that walk every public page in every language."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit
from xml.etree import ElementTree

SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}


def sitemap_entries(xml: bytes) -> list[tuple[str, dict[str, str]]]:
    """``[(path, {hreflang: path})]``: each address of the sitemap with its alternates."""
    entries = []
    for url in ElementTree.fromstring(xml).findall("sm:url", SITEMAP_NS):
        alternates = {
            link.get("hreflang"): urlsplit(link.get("href")).path
            for link in url.findall("xhtml:link", SITEMAP_NS)
        }
        entries.append((urlsplit(url.findtext("sm:loc", namespaces=SITEMAP_NS)).path, alternates))
    return entries


def sitemap_paths(xml: bytes) -> list[str]:
    return [path for path, _alternates in sitemap_entries(xml)]


def public_records(actor) -> dict:
    """A published news item with a picture, a page under a top page, an open public event
    and reception hours: every kind of public page has something to show."""
    from hamkor.events.tests.factories import EventFactory
    from hamkor.website.tests.content_factories import NewsItemFactory, PageFactory, site_image
    from hamkor.website.tests.reception_factories import ReceptionHoursFactory

    image = site_image(actor=actor)
    news = NewsItemFactory(
        status="published",
        summary_uz="Qisqacha mazmun",
        summary_en="A short summary",
        image=image,
        body_uz='<h2>Kirish</h2><p><a href="/uz/">Bosh sahifa</a></p>'
        f'<img src="{image.url}" alt="Rasm">',
    )
    top = PageFactory(status="published", title_uz="Xorijiy mehmonlar uchun")
    page = PageFactory(
        status="published",
        parent=top,
        body_uz="<table><thead><tr><th scope='col'>Hujjat</th></tr></thead>"
        "<tbody><tr><td>Pasport</td></tr></tbody></table>",
    )
    event = EventFactory(
        registration_open=True, start=datetime.date.today() + datetime.timedelta(days=20)
    )
    ReceptionHoursFactory()
    return {"news": news, "top": top, "page": page, "event": event}
