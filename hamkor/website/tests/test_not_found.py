"""An unknown language prefix or page gets the site's own 404 page in the closest language,
with the home page in the four languages; no odd address makes a 500."""

from __future__ import annotations

import pytest

HOMES = ('href="/uz/"', 'href="/uz-cyrl/"', 'href="/ru/"', 'href="/en/"')


def assert_public_not_found(response, lang: str, heading: str) -> str:
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert 'class="navbar-brand" href="/' in html  # the public site's header
    assert all(home in html for home in HOMES)
    assert '<meta name="robots" content="noindex">' in html
    assert 'rel="canonical"' not in html
    return html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "accept", "lang", "heading"),
    [
        ("/ru/no-such-page/", "en", "ru", "Страница не найдена"),
        ("/uz-cyrl/news/no-such-item/", "", "uz-Cyrl", "Саҳифа топилмади"),
        ("/de/", "ru-RU,ru;q=0.9", "ru", "Страница не найдена"),
        ("/xx/news/", "en-GB,en;q=0.8", "en", "Page not found"),
        ("/xx/news/", "de-DE,fr;q=0.8", "uz", "Sahifa topilmadi"),
        ("/xx/news/", "", "uz", "Sahifa topilmadi"),
    ],
)
def test_unknown_address_gets_the_public_404_in_the_closest_language(
    client, settings, path, accept, lang, heading
):
    settings.LANGUAGE_CODE = "uz"
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    assert_public_not_found(client.get(path, **headers), lang, heading)


@pytest.mark.django_db
def test_unknown_news_item_under_a_known_prefix_keeps_that_language(client):
    assert_public_not_found(
        client.get("/en/news/no-such-item/", HTTP_ACCEPT_LANGUAGE="ru"), "en", "Page not found"
    )


@pytest.mark.django_db
def test_private_areas_keep_their_own_404(as_user):
    html = as_user("officer").get("/staff/no-such-page/").content.decode()
    assert "Go to the start page" in html and 'href="/uz-cyrl/"' not in html


HOSTILE = [
    "/" + "a" * 5000,
    "/ru/news/" + "x" * 3000 + "/",
    "/%00",
    "/ru/%00/",
    "/ru/news/%00/",
    "/ru/news/a%00b/",
    "/ru/pages/%00/",
    "/ru/letters/%00/",
    "/ru/certificates/%00/",
    "/ru/certificates/download/%00/",
    "/ru/reception/cancel/%00/",
    "/ru/events/cancel/%00/",
    "/ru/events/confirm/%00/",
    "/ru/news/?page=%00",
    "/ru/news/?page=99999999999999999999",
    "/ru/news/?page=-1",
    "/../etc/passwd",
    "/ru/../../etc/passwd",
    "/ru/pages/%2e%2e/%2e%2e/etc/passwd/",
    "/ru/pages/..%2f..%2f/",
    "/ru/news/%ff%fe/",
    "/ru/news/журнал/",
    "/%E2%80%AE%E2%80%8B/",
    "/uz-cyrl/pages/" + "a/" * 400,
    "/ru/news/99999999999999999999/",
    "/ru/events/99999999999999999999/",
    "/site/images/%00.png",
    "/ru/news/rss.xml%00",
    "/sitemap.xml%00",
    "/sitemap.xml?p=%00",
    "/ru//news//",
    "/ru/news/%0d%0aSet-Cookie:x=1/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", HOSTILE)
def test_odd_addresses_never_make_a_server_error(client, path):
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code < 500, path
    assert "x" not in response.cookies  # no header written from the address
