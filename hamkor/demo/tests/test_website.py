"""The demo's department profile: the seed page's facts in four languages, saved through the
service, with no figure in its texts (figures are the achievements), unchanged when run again."""

from __future__ import annotations

import io
import re

import pytest

from hamkor.accounts.tests.factories import UserFactory
from hamkor.demo import website
from hamkor.website.models import DepartmentProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(home):
    UserFactory(email="officer@hamkor.demo")
    website.load(io.StringIO())
    return DepartmentProfile.objects.get()


def test_every_text_is_written_in_uzbek_russian_and_english(loaded):
    for name in DepartmentProfile.translated_fields:
        for language in ("uz", "ru", "en"):
            assert getattr(loaded, f"{name}_{language}"), f"{name}_{language}"


@pytest.mark.parametrize("language", ["uz", "uz-cyrl", "ru", "en"])
def test_the_page_shows_the_departments_facts_in_each_language(client, loaded, language):
    page = client.get(f"/{language}/").text
    assert "ksu.intdept@gmail.com" in page
    head = {"uz": "Begmatova", "uz-cyrl": "Бегматова", "ru": "Бегматова", "en": "Begmatova"}
    assert head[language] in page
    assert "Erasmus+" in page
    assert "openstreetmap.org" in page


def test_no_text_states_a_figure(loaded):
    for name in ("history", "activities", "tasks", "mission"):
        for language in ("uz", "ru", "en"):
            text = getattr(loaded, f"{name}_{language}")
            assert not re.search(r"\d", text), f"{name}_{language}: {text}"


def test_loaded_again_it_changes_nothing(loaded):
    website.load(io.StringIO())
    profile = DepartmentProfile.objects.get()
    assert profile.version == loaded.version
    assert profile.history.count() == 1  # one record of change: the first save
