"""The achievements on the department's page and in its widget: computed from the records,
worded in the page's language, kept in the cache until a record changes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hamkor.website.models import DepartmentProfile
from hamkor.website.tests.department_factories import signed_with

pytestmark = pytest.mark.django_db

# The countries as each language names them (django-countries' names and the office's).
COUNTRIES = {
    "uz": ("Rossiya", "Turkiya"),
    "uz-cyrl": ("Россия", "Туркия"),
    "ru": ("Россия", "Турция"),
    "en": ("Russia", "Türkiye"),
}
SIGNED = {
    "uz": "2 ta hamkorlik",
    "uz-cyrl": "2 та",
    "ru": "2 соглашения",
    "en": "2 cooperation agreements and memorandums were signed",
}


@pytest.fixture
def department(home):
    return DepartmentProfile.objects.create(institution=home, name_uz="Xalqaro boʻlim")


def achievements_of(html: str) -> str:
    start = html.index('class="achievements"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize("language", ["uz", "uz-cyrl", "ru", "en"])
def test_achievements_show_the_figures_with_the_countries_in_the_pages_language(
    client, department, language
):
    signed_with("TR")
    signed_with("RU")

    section = achievements_of(client.get(f"/{language}/").text)

    for name in COUNTRIES[language]:
        assert name in section
    assert SIGNED[language] in section
    # Foreign universities in force today: the figure has a sentence of its own.
    assert section.count("<li>") == 2


def test_the_widget_shows_what_the_page_shows_in_its_language(client, department):
    signed_with("TR")
    widget = client.get("/ru/embed/achievements/").text
    assert "Турция" in widget
    assert achievements_of(client.get("/ru/").text) in widget


def test_a_committed_change_to_the_records_shows_on_the_next_view(
    client, department, django_capture_on_commit_callbacks
):
    signed_with("TR")
    assert "1 cooperation agreement or memorandum was signed" in client.get("/en/").text

    # Until the change is committed the kept figures are shown (a rolled-back change
    # must not reach the public).
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        signed_with("KR")
    assert "1 cooperation agreement or memorandum was signed" in client.get("/en/").text

    for callback in callbacks:
        callback()
    page = client.get("/en/").text
    assert "2 cooperation agreements and memorandums were signed" in page
    assert "South Korea" in page


def test_the_kept_section_costs_no_query_on_the_second_view(
    client, department, django_assert_num_queries
):
    signed_with("TR")
    client.get("/en/embed/achievements/")

    with django_assert_num_queries(0):
        widget = client.get("/en/embed/achievements/")
    assert "Türkiye" in widget.text

    # The page itself reads the profile and the menu, but none of the records behind the
    # figures once they are kept.
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/en/")
    assert "Türkiye" in page.text
    tables = ("agreements_", "mobility_", "events_", "grants_")
    assert not [q["sql"] for q in queries if any(t in q["sql"] for t in tables)]


def test_without_records_the_page_states_no_figure(client, department):
    page = client.get("/en/").text
    assert 'class="achievements"' not in page
    assert "0 cooperation" not in page
