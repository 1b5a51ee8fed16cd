"""What crawlers and link previews read on every public page: the language switcher keeps the
page, hreflang alternates, canonical address, Open Graph tags, sitemap.xml and robots.txt."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from hamkor.website.tests.site_pages import public_records, sitemap_entries, sitemap_paths

LANGUAGES = ("uz", "uz-cyrl", "ru", "en")
HTML_LANG = {"uz": "uz", "uz-cyrl": "uz-Cyrl", "ru": "ru", "en": "en"}
BASE = "https://iro.example.uz"


class Head(HTMLParser):
    """The head's links and meta tags, the switcher's links and ``<html lang>``."""

    def __init__(self, html: str):
        super().__init__()
        self.lang = None
        self.alternates: dict[str, str] = {}
        self.canonical = []
        self.meta: dict[str, list[str]] = {}
        self.switcher: dict[str, str] = {}
        self._in_switcher = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "div" and "language-switcher" in attrs.get("class", ""):
            self._in_switcher = True
        elif tag == "a" and self._in_switcher:
            self.switcher[attrs["hreflang"]] = attrs["href"]
        elif tag == "ul" and self._in_switcher and self.switcher:
            self._in_switcher = False

    def handle_endtag(self, tag):
        if tag == "ul":
            self._in_switcher = False


@pytest.fixture
def site(officer, settings, client):
    settings.HAMKOR_BASE_URL = BASE
    return public_records(officer)


def language_of(path: str) -> str:
    return path.split("/")[1]


@pytest.mark.django_db
def test_sitemap_lists_every_public_page_in_every_language_with_its_alternates(site, client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    entries = sitemap_entries(response.content)
    paths = [path for path, _alternates in entries]
    expected = {
        "",
        "news/",
        "pages/",
        "events/",
        "contact/",
        "reception/",
        "partners/",
        "opportunities/",
        f"news/{site['news'].slug}/",
        f"pages/{site['top'].path}/",
        f"pages/{site['page'].path}/",
        f"events/{site['event'].pk}/",
    }
    assert set(paths) == {f"/{code}/{page}" for code in LANGUAGES for page in expected}
    for path, alternates in entries:
        page = path.split("/", 2)[2]
        assert alternates == {
            **{code: f"/{code}/{page}" for code in LANGUAGES},
            "x-default": f"/{page}",
        }
    assert f"<loc>{BASE}/ru/news/</loc>" in response.content.decode()


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts_and_scheduled_news(site, client):
    import datetime

    from django.utils import timezone

    from hamkor.website.tests.content_factories import NewsItemFactory, PageFactory

    draft = NewsItemFactory(slug="draft-news")
    scheduled = NewsItemFactory(status="published", slug="scheduled-news")
    scheduled.publish_at = timezone.now() + datetime.timedelta(days=2)
    scheduled.save()
    hidden = PageFactory(slug="hidden-page")
    paths = "\n".join(sitemap_paths(client.get("/sitemap.xml").content))
    assert draft.slug not in paths and scheduled.slug not in paths and hidden.slug not in paths


@pytest.mark.django_db
def test_robots_txt_allows_the_site_and_disallows_private_areas_naming_the_sitemap(
    client, settings
):
    settings.HAMKOR_BASE_URL = BASE
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines
    for area in ("/staff/", "/account/", "/api/", "/my/", "/django-admin/"):
        assert f"Disallow: {area}" in lines
    assert f"Sitemap: {BASE}/sitemap.xml" in lines


@pytest.mark.django_db
def test_every_public_page_has_alternates_canonical_and_open_graph_in_its_language(site, client):
    """Each page of the sitemap, in each language: ``<html lang>``, a canonical address of
    its own, the four languages and x-default as hreflang, and Open Graph tags."""
    for path in sitemap_paths(client.get("/sitemap.xml").content):
        response = client.get(path)
        assert response.status_code == 200, path
        head = Head(response.content.decode())
        code = language_of(path)
        page = path.split("/", 2)[2]
        assert head.lang == HTML_LANG[code], path
        assert head.canonical == [f"{BASE}{path}"], path
        assert head.alternates == {
            **{HTML_LANG[other]: f"{BASE}/{other}/{page}" for other in LANGUAGES},
            "x-default": f"{BASE}/{page}",
        }, path
        assert head.meta["og:url"] == [f"{BASE}{path}"], path
        assert head.meta["og:title"][0].strip(), path
        assert head.meta["og:type"] in (["website"], ["article"]), path
        assert len(head.meta["og:locale"]) == 1, path
        assert len(head.meta["og:locale:alternate"]) == 3, path


@pytest.mark.django_db
def test_language_switcher_keeps_the_page_on_every_public_page(site, client):
    """Switching on /ru/news/x/ leads to /en/news/x/, and that page answers in English."""
    for path in sitemap_paths(client.get("/sitemap.xml").content):
        switcher = Head(client.get(path).content.decode()).switcher
        page = path.split("/", 2)[2]
        assert switcher == {HTML_LANG[code]: f"/{code}/{page}" for code in LANGUAGES}, path
    target = Head(client.get(f"/ru/news/{site['news'].slug}/").content.decode()).switcher["en"]
    assert target == f"/en/news/{site['news'].slug}/"
    assert Head(client.get(target).content.decode()).lang == "en"


@pytest.mark.django_db
def test_language_switcher_keeps_the_list_page_number(site, client):
    switcher = Head(client.get("/ru/news/?page=2").content.decode()).switcher
    assert switcher["uz-Cyrl"] == "/uz-cyrl/news/?page=2"


@pytest.mark.django_db
def test_news_item_is_an_article_with_its_summary_and_picture(site, client):
    news = site["news"]
    head = Head(client.get(f"/en/news/{news.slug}/").content.decode())
    assert head.meta["og:type"] == ["article"]
    assert head.meta["og:title"] == [news.title_en]
    assert head.meta["og:description"] == ["A short summary"]
    assert head.meta["description"] == ["A short summary"]
    assert head.meta["og:image"] == [f"{BASE}{news.image.url}"]
    assert head.meta["og:locale"] == ["en_US"]
    assert set(head.meta["og:locale:alternate"]) == {"uz_UZ", "uz_Cyrl_UZ", "ru_RU"}


@pytest.mark.django_db
def test_page_without_a_picture_has_no_og_image_and_describes_the_department(site, home, client):
    from hamkor.website.models import DepartmentProfile

    DepartmentProfile.objects.create(institution=home, name_uz="Boʻlim", mission_uz="Hamkorlik")
    head = Head(client.get("/uz/events/").content.decode())
    assert "og:image" not in head.meta
    assert head.meta["og:description"] == ["Hamkorlik"]
    assert head.meta["og:site_name"] == ["Boʻlim"]


@pytest.mark.django_db
def test_staff_pages_keep_the_language_form_and_no_public_metadata(as_user):
    client = as_user("officer")
    html = client.get("/staff/").content.decode()
    assert re.search(r'<form action="/account/language/" method="post"', html)
    assert 'rel="canonical"' not in html and "og:title" not in html
