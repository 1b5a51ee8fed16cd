"""The section for foreign students and guests: its landing page lists its pages, the
visiting professors' checklist can be ticked and printed; the letter and certificate checks
say valid or not with an icon and a word."""

from __future__ import annotations

import re

import pytest

from hamkor.website.tests.content_factories import PageFactory

pytestmark = pytest.mark.django_db


def test_a_section_page_lists_its_published_pages(client):
    section = PageFactory(status="published", slug="foreign-guests", title_en="Guests")
    PageFactory(status="published", parent=section, slug="visa", title_en="Visa support")
    PageFactory(parent=section, slug="draft", title_en="Unfinished")
    text = client.get("/en/pages/foreign-guests/").text
    cards = re.search(r'<div class="row[^"]*section-pages">(.*?)</article>', text, re.S).group(1)
    assert 'href="/en/pages/foreign-guests/visa/"' in cards
    assert "Unfinished" not in text


def test_the_section_is_in_the_site_menu_in_each_language(client):
    PageFactory(status="published", slug="foreign-guests", title_uz="Mehmonlar uchun",
                title_ru="Гостям", title_en="For guests")  # fmt: skip
    assert ">Гостям</a>" in client.get("/ru/").text
    assert ">Меҳмонлар учун</a>" in client.get("/uz-cyrl/").text


def test_a_checklist_page_offers_boxes_and_printing(client):
    page = PageFactory(status="published", checklist=True, body_en="<ul><li>CV</li></ul>")
    text = client.get(f"/en/pages/{page.path}/").text
    assert f'data-checklist="{page.path}"' in text
    assert "data-print" in text and "Print the checklist" in text
    plain = PageFactory(status="published")
    assert "data-checklist" not in client.get(f"/en/pages/{plain.path}/").text


@pytest.mark.parametrize(
    ("url", "word"),
    [("/en/letters/forged/", "Not valid"), ("/ru/certificates/forged/", "Недействителен")],
)
def test_an_unknown_code_is_shown_not_valid_with_an_icon(client, url, word):
    response = client.get(url)
    assert response.status_code == 404
    assert word in response.text
    assert "bi-x-octagon-fill" in response.text
    assert 'class="site-menu' in response.text  # the public site's own frame
