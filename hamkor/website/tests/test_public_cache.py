"""Anonymous visitors get the public pages from the cache: no database query for a page
already made, the change to a shown record visible on the next request after it commits,
and nothing personal (a logged-in user's page, a form's token, a message) ever kept."""

from __future__ import annotations

import pytest
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from hamkor.website.tests.site_pages import public_records, sitemap_paths


@pytest.fixture
def site(officer):
    return public_records(officer)


@pytest.mark.django_db
def test_a_cached_public_page_costs_no_database_query(site, client, django_assert_num_queries):
    paths = [
        path
        for path in sitemap_paths(client.get("/sitemap.xml").content)
        if not path.endswith(("/contact/", "/reception/", f"/events/{site['event'].pk}/"))
    ]
    for path in [*paths, "/en/news/rss.xml", "/sitemap.xml", "/robots.txt"]:
        first = client.get(path)
        assert first.status_code == 200, path
        with django_assert_num_queries(0):
            second = client.get(path)
        assert second.status_code == 200
        assert second.content == first.content, path


@pytest.mark.django_db(transaction=True)
def test_a_committed_change_shows_on_the_next_request(site, client, officer):
    from hamkor.website.content.services import news_item_save

    news = site["news"]
    address = f"/en/news/{news.slug}/"
    assert news.title_en in client.get(address).content.decode()
    assert news.title_en in client.get("/en/news/").content.decode()  # kept

    news.title_en = "Partner universities visit the campus"
    news_item_save(item=news, actor=officer)

    assert "Partner universities visit the campus" in client.get(address).content.decode()
    assert "Partner universities visit the campus" in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_a_logged_in_user_is_never_served_nor_cached(site, client, officer):
    from conftest import login

    client.get("/en/news/")  # an anonymous visitor's copy is kept
    login(client, officer)
    page = client.get("/en/news/").content.decode()
    assert "Staff area" in page and "Log in" not in page
    client.logout()
    anonymous = client.get("/en/news/").content.decode()
    assert "Log in" in anonymous and "Staff area" not in anonymous


@pytest.mark.django_db
def test_pages_with_a_form_are_not_cached(site, client):
    """The contact, reception and event pages hold a CSRF token: each visitor gets their own."""
    for path in ("/en/contact/", "/en/reception/", f"/en/events/{site['event'].pk}/"):
        first = client.get(path)
        assert "csrfmiddlewaretoken" in first.content.decode(), path
        client.cookies.clear()
        second = client.get(path)
        assert second.cookies.get("csrftoken"), path  # made anew: the page was not kept


@pytest.mark.django_db
def test_a_query_string_is_not_served_from_the_cache(site, client):
    client.get("/en/news/?page=1")
    with CaptureQueriesContext(connection) as queries:
        client.get("/en/news/?page=1")
    assert len(queries) > 0


@pytest.mark.django_db
def test_a_waiting_message_is_shown_not_hidden_by_the_cache(site, client):
    client.get("/en/news/")  # kept
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(constants.SUCCESS, "Your booking is cancelled.")
    response = HttpResponse()
    storage.update(response)
    client.cookies["messages"] = response.cookies["messages"].value
    page = client.get("/en/news/").content.decode()
    assert "Your booking is cancelled." in page
    # The page with the message was not kept either.
    del client.cookies["messages"]
    assert "Your booking is cancelled." not in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_a_cached_page_carries_the_security_headers_of_each_answer(site, client):
    client.get("/en/news/")
    second = client.get("/en/news/")
    assert "default-src 'self'" in second["Content-Security-Policy"]
    assert second["X-Frame-Options"] == "DENY"
    assert second["Content-Language"] == "en"
