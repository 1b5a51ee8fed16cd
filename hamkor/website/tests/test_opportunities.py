"""Opportunities: the office's writes, what the public sees and when it stops seeing it."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from hamkor.partners.tests.factories import InstitutionFactory
from hamkor.website.opportunities.models import Opportunity
from hamkor.website.opportunities.selectors import (
    calls_open_public,
    opportunities_open,
    opportunity_public_get,
)
from hamkor.website.opportunities.services import opportunity_save, opportunity_transition
from hamkor.website.tests.opportunity_factories import OpportunityFactory

pytestmark = pytest.mark.django_db
TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")


def in_days(days: float) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


# --- Services --------------------------------------------------------------------------------


def test_save_sanitises_the_text_and_makes_an_address_from_the_title(officer):
    opportunity = opportunity_save(
        opportunity=Opportunity(
            kind="scholarship",
            title_uz="Stipendiya",
            title_en="Master's scholarship in Seoul",
            body_uz='<p>Matn</p><script>alert(1)</script><img src=x onerror="alert(2)">',
            deadline=in_days(5),
        ),
        actor=officer,
    )
    assert opportunity.slug == "masters-scholarship-in-seoul"
    assert "script" not in opportunity.body_uz and "onerror" not in opportunity.body_uz
    assert opportunity.status == "draft"
    assert opportunity.history.earliest().history_change_reason == "website.opportunity.created"
    second = opportunity_save(
        opportunity=Opportunity(kind="other", title_en=opportunity.title_en, title_uz="B",
                                deadline=in_days(5)),
        actor=officer,
    )  # fmt: skip
    assert second.slug == "masters-scholarship-in-seoul-2"


def test_an_address_of_digits_only_is_refused(officer):
    with pytest.raises(ValidationError) as refused:
        opportunity_save(
            opportunity=Opportunity(kind="other", title_uz="A", slug="2027", deadline=in_days(1)),
            actor=officer,
        )
    assert "slug" in refused.value.message_dict


def test_publish_and_withdraw_are_named_steps_in_the_history(officer):
    opportunity = OpportunityFactory()
    opportunity = opportunity_transition(opportunity=opportunity, name="publish", actor=officer)
    assert opportunity.status == "published" and opportunity.state == "open"
    with pytest.raises(ValidationError):
        opportunity_transition(opportunity=opportunity, name="publish", actor=officer)
    opportunity = opportunity_transition(opportunity=opportunity, name="withdraw", actor=officer)
    assert opportunity.state == "draft"
    reasons = [row.history_change_reason for row in opportunity.history.order_by("history_id")]
    assert reasons[-2:] == ["website.opportunity.publish", "website.opportunity.withdraw"]


def test_publishing_needs_the_uzbek_title(officer):
    opportunity = OpportunityFactory(title_uz="")
    with pytest.raises(ValidationError, match="Uzbek"):
        opportunity_transition(opportunity=opportunity, name="publish", actor=officer)


# --- Deadlines -------------------------------------------------------------------------------


def test_a_passed_deadline_closes_the_opportunity_without_anything_running():
    opportunity = OpportunityFactory(status="published", deadline=in_days(1))
    assert opportunity.state == "open"
    assert list(opportunities_open()) == [opportunity]
    tomorrow = in_days(1.01)
    assert list(opportunities_open(now=tomorrow)) == []
    assert opportunity.days_left(tomorrow) is None
    # Still reachable by its address, to say it is closed.
    opportunity.deadline = in_days(-1)
    opportunity.save()
    assert opportunity.state == "closed"
    assert opportunity_public_get(opportunity.slug) == opportunity


def test_days_left_count_calendar_days_in_tashkent():
    # 23:30 in Tashkent on 10 March: a deadline at 00:30 on 11 March is one day away,
    # though only an hour remains; one at 23:59 the same day is the last day.
    now = datetime.datetime(2027, 3, 10, 23, 30, tzinfo=TASHKENT)
    next_day = OpportunityFactory.build(deadline=now + datetime.timedelta(hours=1))
    same_day = OpportunityFactory.build(deadline=now + datetime.timedelta(minutes=29))
    assert next_day.days_left(now) == 1
    assert same_day.days_left(now) == 0


def test_the_open_list_has_the_soonest_deadline_first_and_no_draft():
    later = OpportunityFactory(status="published", deadline=in_days(30))
    sooner = OpportunityFactory(status="published", deadline=in_days(3))
    OpportunityFactory(deadline=in_days(2))  # a draft
    OpportunityFactory(status="published", deadline=in_days(-2))  # closed
    assert list(opportunities_open()) == [sooner, later]


def test_filters_by_kind_and_by_who_may_apply():
    exchange = OpportunityFactory(status="published", kind="exchange", audience="both")
    scholarship = OpportunityFactory(status="published", kind="scholarship", audience="students")
    grant = OpportunityFactory(status="published", kind="grant", audience="staff")
    assert list(opportunities_open(kind="scholarship")) == [scholarship]
    assert set(opportunities_open(audience="students")) == {exchange, scholarship}
    assert set(opportunities_open(audience="staff")) == {exchange, grant}
    assert set(opportunities_open(kind="nonsense", audience="x")) == {exchange, scholarship, grant}


def test_the_open_calls_are_listed_with_places_conditions_and_deadline(client):
    from datetime import timedelta

    from django.utils import timezone

    from hamkor.calls.tests.factories import CallFactory, PlaceFactory

    now = timezone.now()
    call = CallFactory(
        status="open",
        title_en="Exchange to Ankara",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=9),
        min_gpa="3.5",
    )
    place = PlaceFactory(call=call, seats=3)
    CallFactory(
        status="open",
        title_en="Closed yesterday",
        opens_at=now - timedelta(days=10),
        closes_at=now - timedelta(days=1),
    )

    assert calls_open_public() == [call]
    page = client.get("/en/opportunities/").text
    assert "Exchange to Ankara" in page and "Closed yesterday" not in page
    assert f"{place.institution}" in page
    assert "Minimum GPA: 3.5" in page


# --- Languages -------------------------------------------------------------------------------


def test_an_empty_language_shows_the_uzbek_text_and_cyrillic_is_transliterated():
    opportunity = OpportunityFactory(title_uz="Yozgi maktab", title_ru="", title_en="Summer school")
    with translation.override("ru"):
        assert opportunity.title == "Yozgi maktab"
    with translation.override("uz-cyrl"):
        assert opportunity.title == "Ёзги мактаб"
    with translation.override("en"):
        assert opportunity.title == "Summer school"


# --- Public pages ----------------------------------------------------------------------------


def test_the_list_shows_open_ones_and_filters(client):
    open_one = OpportunityFactory(status="published", title_en="Semester in Brno", kind="exchange")
    OpportunityFactory(status="published", title_en="Old grant", deadline=in_days(-1))
    OpportunityFactory(title_en="Secret draft")
    text = client.get("/en/opportunities/").text
    assert open_one.title_en in text
    assert "Old grant" not in text and "Secret draft" not in text
    assert "Semester in Brno" not in client.get("/en/opportunities/?kind=scholarship").text
    assert (
        "No open opportunity matches these filters."
        in client.get("/en/opportunities/?kind=scholarship").text
    )


def test_a_closed_opportunity_says_so_and_a_draft_is_not_found(client):
    closed = OpportunityFactory(status="published", deadline=in_days(-3))
    response = client.get(f"/en/opportunities/{closed.slug}/")
    assert response.status_code == 200
    assert "Closed: the deadline has passed" in response.text
    assert client.get(f"/en/opportunities/{closed.pk}/").status_code == 200
    draft = OpportunityFactory()
    assert client.get(f"/en/opportunities/{draft.slug}/").status_code == 404
    assert client.get("/en/opportunities/99999999999/").status_code == 404


@pytest.mark.parametrize(
    ("language", "deadline", "days", "country"),
    [
        ("uz", "15 yanvar 2027, 17:00", "kun qoldi", "Chexiya"),
        ("uz-cyrl", "15 январ 2027, 17:00", "кун қолди", "Чехия"),
        ("ru", "15 января 2027, 17:00", "остал", "Чехия"),
        ("en", "15 January 2027, 17:00", "days left", "Czechia"),
    ],
)
def test_the_detail_page_in_each_language(client, language, deadline, days, country):
    opportunity = OpportunityFactory(
        status="published",
        deadline=datetime.datetime(2027, 1, 15, 17, 0, tzinfo=TASHKENT),
        partner=InstitutionFactory(name="Masarykova univerzita", country="CZ"),
        url="https://example.org/call",
    )
    text = client.get(f"/{language}/opportunities/{opportunity.slug}/").text
    assert deadline in text
    assert days in text
    assert country in text
    assert 'href="https://example.org/call"' in text


@pytest.mark.parametrize("language", ["uz", "uz-cyrl", "ru"])
def test_no_english_on_the_pages_in_other_languages(client, language):
    import re

    opportunity = OpportunityFactory(
        status="published", title_uz="Almashinuv", title_en="An English title only"
    )
    english_words = (
        "Opportunities", "Deadline", "Who may apply", "Every kind", "days left", "Tashkent time",
        "Exchange programme", "Students and staff", "An English title only", "Show",
    )  # fmt: skip
    for url in (f"/{language}/opportunities/", f"/{language}/opportunities/{opportunity.slug}/"):
        html = client.get(url).text
        html = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
        visible = re.sub(r"<[^>]+>", " ", html)
        found = [word for word in english_words if re.search(rf"\b{word}\b", visible)]
        assert not found, (url, found)
