"""The demo's site content: the pages for foreign guests in three languages, news in each
state, a picture; saved through the services, and nothing added when run again."""

from __future__ import annotations

import io

import pytest

from hamkor.accounts.tests.factories import UserFactory
from hamkor.core.management.commands.demo_data import STEPS
from hamkor.demo import website_content
from hamkor.website.content.models import NewsItem, Page, SiteImage

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    UserFactory(email="officer@hamkor.demo")
    website_content.load(io.StringIO())


def counts() -> tuple[int, int, int]:
    return Page.objects.count(), NewsItem.objects.count(), SiteImage.objects.count()


def test_the_guests_pages_are_published_in_three_languages(loaded, client):
    paths = set(Page.objects.filter(status="published").values_list("path", flat=True))
    assert {
        "foreign-guests",
        "foreign-guests/admission",
        "foreign-guests/visa-support",
        "foreign-guests/registration",
        "foreign-guests/visiting-professors",
    } <= paths
    for page in Page.objects.all():
        assert page.title_uz and page.title_ru and page.title_en
        assert page.body_uz and page.body_ru and page.body_en
    assert "3 kun" in client.get("/uz/pages/foreign-guests/registration/").text
    assert "3 дней" in client.get("/ru/pages/foreign-guests/registration/").text


def test_news_in_each_state(loaded):
    states = {item.slug: item.state for item in NewsItem.objects.all()}
    assert set(states.values()) == {"draft", "scheduled", "published"}


def test_records_went_through_the_services(loaded):
    for record in (*Page.objects.all(), *NewsItem.objects.all(), *SiteImage.objects.all()):
        assert record.history.earliest().history_change_reason == "demo.loaded"
    assert "hamkor.demo.website_content.load" in STEPS


def test_a_second_run_adds_nothing(loaded):
    before = counts()
    website_content.load(io.StringIO())
    assert counts() == before
