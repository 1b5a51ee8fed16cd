"""The demo's opportunities: open ones of each kind in three languages, one closed, one
draft; through the services, deadlines relative to today, nothing added when run again."""

from __future__ import annotations

import io

import pytest

from hamkor.accounts.tests.factories import UserFactory
from hamkor.core.management.commands.demo_data import STEPS
from hamkor.demo import website_opportunities
from hamkor.website.opportunities.models import Opportunity
from hamkor.website.opportunities.selectors import opportunities_open

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    UserFactory(email="officer@hamkor.demo")
    website_opportunities.load(io.StringIO())


def test_open_ones_of_each_kind_one_closed_and_one_draft(loaded):
    shown = list(opportunities_open())
    assert {item.kind for item in shown} == {"exchange", "scholarship", "summer_school"}
    assert [item.deadline for item in shown] == sorted(item.deadline for item in shown)
    states = [item.state for item in Opportunity.objects.all()]
    assert states.count("closed") == 1 and states.count("draft") == 1
    for item in shown:
        assert item.title_uz and item.title_ru and item.title_en
        assert item.body_uz and item.body_ru and item.body_en


def test_the_list_reads_in_russian(loaded, client):
    text = client.get("/ru/opportunities/").text
    assert "Стипендия фонда «Эл-юрт умиди»" in text
    assert "Семестр в Чехии".lower() in text.lower()


def test_through_the_services_and_once(loaded):
    for item in Opportunity.objects.all():
        assert item.history.earliest().history_change_reason == "demo.loaded"
    assert "hamkor.demo.website_opportunities.load" in STEPS
    before = Opportunity.objects.count()
    website_opportunities.load(io.StringIO())
    assert Opportunity.objects.count() == before
