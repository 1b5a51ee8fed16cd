"""The fast path (``website/fastpath.py``) answers a kept public page before every other
layer: the same body and headers as the full stack, no database query, no URL resolution;
never for a logged-in user, a non-GET, a query string; an edit shows at once."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.handlers.base import BaseHandler
from django.test import Client

from hamkor.website.tests.site_pages import public_records

COMPARED = (
    "Content-Security-Policy",
    "Content-Language",
    "Vary",
    "Cache-Control",
    "X-Frame-Options",
    "Content-Type",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "Cross-Origin-Opener-Policy",
    "Content-Length",
)


@pytest.fixture
def site(officer):
    return public_records(officer)


@pytest.fixture
def resolved():
    """Counts the URL resolutions the handler makes: none when the fast path answers."""
    with mock.patch.object(
        BaseHandler, "resolve_request", autospec=True, side_effect=BaseHandler.resolve_request
    ) as spy:
        yield spy


def headers(response):
    return {name: response.get(name) for name in COMPARED}


@pytest.mark.django_db
def test_a_hit_has_the_body_and_headers_of_the_full_stack(
    site, resolved, django_assert_num_queries
):
    full = Client().get("/en/news/")  # made by the full stack, then kept whole
    assert resolved.call_count == 1
    assert full.status_code == 200 and full.cookies["hamkor_language"].value == "en"
    with django_assert_num_queries(0):
        fast = Client().get("/en/news/")
    assert resolved.call_count == 1  # answered before URL resolution
    assert fast.status_code == 200
    assert fast.content == full.content
    assert headers(fast) == headers(full)
    assert fast["Content-Security-Policy"] and fast["Content-Language"] == "en"
    assert "Cookie" in fast["Vary"]
    assert fast.cookies["hamkor_language"].output() == full.cookies["hamkor_language"].output()


@pytest.mark.django_db
def test_a_visitor_with_the_language_cookie_gets_no_new_cookie(site, client, resolved):
    client.get("/ru/news/")
    page = client.get("/ru/news/")
    assert resolved.call_count == 1
    assert page["Content-Language"] == "ru" and "hamkor_language" not in page.cookies


@pytest.mark.django_db
def test_a_logged_in_user_never_gets_the_kept_page(site, client, officer, resolved):
    from conftest import login

    Client().get("/en/news/")
    Client().get("/en/news/")
    assert resolved.call_count == 1  # kept and served by the fast path
    login(client, officer)
    calls = resolved.call_count
    page = client.get("/en/news/").content.decode()
    assert resolved.call_count == calls + 1  # the full stack answered
    assert "Staff area" in page and "Log in" not in page


@pytest.mark.django_db
def test_a_post_or_query_string_passes_to_the_full_stack(site, resolved):
    Client().get("/en/news/")
    Client(enforce_csrf_checks=True).post("/en/news/")
    Client().get("/en/news/?page=1")
    Client().head("/en/news/")
    assert resolved.call_count == 4


@pytest.mark.django_db
def test_a_page_with_a_form_is_not_kept_whole(site, resolved):
    first = Client().get("/en/contact/")
    second = Client().get("/en/contact/")
    assert resolved.call_count == 2
    assert second.cookies.get("csrftoken") and second.content != first.content


@pytest.mark.django_db
def test_a_disallowed_host_is_refused_as_by_the_full_stack(site):
    Client().get("/en/news/")
    assert Client().get("/en/news/", HTTP_HOST="evil.example.com").status_code == 400


@pytest.mark.django_db(transaction=True)
def test_an_edit_shows_at_once_on_the_fast_path(site, officer, resolved):
    from hamkor.website.content.services import news_item_save

    news = site["news"]
    Client().get("/en/news/")
    assert news.title_en in Client().get("/en/news/").content.decode()
    assert resolved.call_count == 1
    news.title_en = "Partner universities visit the campus"
    news_item_save(item=news, actor=officer)
    assert "Partner universities visit the campus" in Client().get("/en/news/").content.decode()


@pytest.mark.django_db
def test_a_copy_kept_for_one_host_is_not_served_to_another(site, resolved, settings):
    """Two names of one site each get their own copy: a page's absolute links name its host."""
    settings.ALLOWED_HOSTS = ["hamkor.example.uz", "xalqaro.example.uz"]
    Client(HTTP_HOST="hamkor.example.uz").get("/en/news/")
    Client(HTTP_HOST="hamkor.example.uz").get("/en/news/")
    assert resolved.call_count == 1  # the second came from the copy
    Client(HTTP_HOST="xalqaro.example.uz").get("/en/news/")
    assert resolved.call_count == 2  # made again for the other host
