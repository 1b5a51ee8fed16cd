"""News on the public site: only what is published and due, in the page's language, with
RSS and Atom feeds; drafts and scheduled items are seen by staff in a preview only."""

from __future__ import annotations

import datetime
from xml.etree import ElementTree

import pytest
from django.utils import timezone

from hamkor.website.content.models import NewsItem
from hamkor.website.content.services import news_item_save, news_item_transition
from hamkor.website.tests.content_factories import NewsItemFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def hours(n: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(hours=n)


@pytest.fixture
def news():
    return {
        "published": NewsItemFactory(
            status="published", title_en="Partners visit", title_ru="Визит партнёров",
            title_uz="Hamkorlar tashrifi", publish_at=hours(-2),
        ),
        "scheduled": NewsItemFactory(
            status="published", title_en="Tomorrow's forum", publish_at=hours(20)
        ),
        "draft": NewsItemFactory(title_en="Unfinished draft"),
    }  # fmt: skip


def test_the_public_list_shows_only_published_news(client, news):
    page = client.get("/en/news/").text
    assert "Partners visit" in page
    assert "Tomorrow&#x27;s forum" not in page and "Tomorrow's forum" not in page
    assert "Unfinished draft" not in page


def test_drafts_and_scheduled_items_are_not_found_by_their_address(client, news):
    assert client.get(news["published"].get_public_url()).status_code == 200
    assert client.get(f"/en/news/{news['published'].pk}/").status_code == 200
    for key in ("draft", "scheduled"):
        item = news[key]
        assert client.get(f"/en/news/{item.slug}/").status_code == 404
        assert client.get(f"/en/news/{item.pk}/").status_code == 404


def test_a_scheduled_item_appears_at_its_time_without_any_task(client, news, settings):
    from unittest import mock

    later = hours(21)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert "Tomorrow" in client.get("/en/news/").text
        assert client.get(news["scheduled"].get_public_url()).status_code == 200


def test_publishing_now_or_at_a_time(officer):
    now_item = news_item_save(item=NewsItem(title_uz="Bugun"), actor=officer)
    later_item = news_item_save(
        item=NewsItem(title_uz="Ertaga", publish_at=hours(24)), actor=officer
    )
    news_item_transition(item=now_item, name="publish", actor=officer)
    news_item_transition(item=later_item, name="publish", actor=officer)
    now_item.refresh_from_db()
    later_item.refresh_from_db()
    assert now_item.state == "published" and now_item.publish_at <= timezone.now()
    assert later_item.state == "scheduled"
    assert now_item.slug == "bugun" and later_item.slug == "ertaga"


def test_the_list_is_paginated_ten_a_page(client):
    for number in range(12):
        NewsItemFactory(
            status="published", title_en=f"Item {number:02}", publish_at=hours(-number - 1)
        )
    first = client.get("/en/news/").text
    second = client.get("/en/news/?page=2").text
    assert "Item 00" in first and "Item 09" in first and "Item 10" not in first
    assert "Item 10" in second and "Item 11" in second
    assert client.get("/en/news/?page=99").status_code == 200


def test_a_language_without_its_version_falls_back_to_uzbek(client, news):
    assert "Визит партнёров" in client.get("/ru/news/").text
    item = NewsItemFactory(status="published", title_uz="Faqat oʻzbekcha", title_en="")
    assert "Faqat oʻzbekcha" in client.get(f"/en/news/{item.slug}/").text


def test_an_item_in_uzbek_only_is_listed_with_a_note_on_other_languages(client, news):
    item = NewsItemFactory(status="published", title_uz="Faqat oʻzbekcha", title_ru="", title_en="")
    notes = {"en": "In Uzbek only", "ru": "Только на узбекском"}
    for language, note in notes.items():
        page = client.get(f"/{language}/news/").text
        assert page.count(note) == 1  # the translated item has no note
        assert 'lang="uz">Faqat oʻzbekcha</a>' in page
        detail = client.get(f"/{language}/news/{item.slug}/").text
        assert (
            "only-in-uzbek" in detail
            and '<article class="news-article mx-auto" lang="uz">' in detail
        )
    for language in ("uz", "uz-cyrl"):
        assert "only-in-uzbek" not in client.get(f"/{language}/news/").text


def test_a_languages_feed_carries_only_the_items_written_in_it(client, news):
    NewsItemFactory(status="published", title_uz="Faqat oʻzbekcha", title_ru="", title_en="")
    NewsItemFactory(status="published", title_uz="Ruscha ham", title_ru="И по-русски", title_en="")

    def rss_titles(language):
        channel = _feed(client, f"/{language}/news/rss.xml").find("channel")
        return {item.findtext("title") for item in channel.findall("item")}

    assert rss_titles("en") == {"Partners visit"}
    assert rss_titles("ru") == {"Визит партнёров", "И по-русски"}
    assert rss_titles("uz") == {"Hamkorlar tashrifi", "Faqat oʻzbekcha", "Ruscha ham"}
    assert len(rss_titles("uz-cyrl")) == 3
    atom = _feed(client, "/en/news/atom.xml").findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in atom] == ["Partners visit"]


def test_uzbek_cyrillic_pages_show_the_latin_text_transliterated(client, news):
    item = news["published"]
    page = client.get(f"/uz-cyrl/news/{item.slug}/").text
    assert "Ҳамкорлар ташрифи" in page
    assert "Hamkorlar tashrifi" not in page


def test_script_in_a_title_is_shown_as_text(client):
    item = NewsItemFactory(status="published", title_en="<script>alert(1)</script>")
    page = client.get(f"/en/news/{item.slug}/").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_body_saved_by_staff_is_sanitised(as_user, officer):
    response = as_user("officer").post(
        "/staff/news/add/",
        {"title_uz": "Sarlavha", "body_uz": '<p onclick="x()">Matn</p><script>alert(1)</script>'},
    )
    assert response.status_code == 302
    assert NewsItem.objects.get().body_uz == "<p>Matn</p>"


def _feed(client, url) -> ElementTree.Element:
    response = client.get(url)
    assert response.status_code == 200
    return ElementTree.fromstring(response.content)


def test_the_rss_feed_is_valid_xml_with_the_published_items_in_its_language(client, news):
    titles = {
        "en": "Partners visit",
        "ru": "Визит партнёров",
        "uz": "Hamkorlar tashrifi",
        "uz-cyrl": "Ҳамкорлар ташрифи",
    }
    for language, title in titles.items():
        root = _feed(client, f"/{language}/news/rss.xml")
        channel = root.find("channel")
        assert channel.findtext("language") == language
        titles = [item.findtext("title") for item in channel.findall("item")]
        assert titles == [title]
        link = channel.find("item").findtext("link")
        assert link.startswith("http") and f"/{language}/news/{news['published'].slug}/" in link


def test_the_atom_feed_is_valid_xml_with_the_published_items(client, news):
    root = _feed(client, "/en/news/atom.xml")
    entries = root.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Partners visit"]


def test_pictures_in_a_feed_are_absolute(client, settings):
    settings.HAMKOR_BASE_URL = "https://iro.example.uz"
    src = "/site/images/" + "c" * 32 + ".png"
    NewsItemFactory(status="published", body_en=f'<p><img src="{src}" alt="Hall"></p>')
    root = _feed(client, "/en/news/rss.xml")
    assert f'src="https://iro.example.uz{src}"' in root.find("channel/item").findtext("description")


@pytest.mark.parametrize(
    ("persona", "status"),
    [("officer", 200), ("leadership", 200), ("coordinator", 200), ("applicant", 403)],
)
def test_preview_is_for_staff_only(as_user, news, persona, status):
    url = f"/staff/news/{news['draft'].pk}/preview/en/"
    response = as_user(persona).get(url)
    assert response.status_code == status
    if status == 200:
        assert "Unfinished draft" in response.text
        assert response["X-Robots-Tag"] == "noindex"


def test_preview_is_refused_to_anonymous_visitors(client, news):
    response = client.get(f"/staff/news/{news['draft'].pk}/preview/en/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_preview_in_uzbek_cyrillic(as_user, news):
    response = as_user("officer").get(f"/staff/news/{news['published'].pk}/preview/uz-cyrl/")
    assert "Ҳамкорлар ташрифи" in response.text


def test_the_staff_page_warns_of_missing_translations(as_user):
    item = NewsItemFactory(title_uz="Sarlavha", title_ru="", title_en="Title", body_en="")
    page = as_user("officer").get(item.get_absolute_url()).text
    assert "Not translated yet" in page
    assert "Title in Russian" in page and "Text in English" in page
    assert "Title in English" not in page


@pytest.mark.parametrize("key", ["99999999999999999999", "²", "..", "a" * 200])
def test_odd_addresses_find_nothing_rather_than_fail(client, key):
    assert client.get(f"/en/news/{key}/").status_code == 404
