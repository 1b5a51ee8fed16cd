"""The public partners page (/<lang>/partners/) and its widget (/<lang>/embed/partners/):
only the partners of public agreements in force, by country, in the page's language."""

from __future__ import annotations

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory
from hamkor.website import cache

ACTIVE = Agreement.Status.ACTIVE
TODAY = datetime.date.today()


def public_agreement(partner, **kwargs):
    return AgreementFactory(status=ACTIVE, public=True, partners=[partner], **kwargs)


def listed_names(html: str) -> list[str]:
    return re.findall(r'class="fw-semibold text-break"[^>]*>([^<]+)<', html)


def country_headings(html: str) -> list[str]:
    return re.findall(r'<h3 class="h5 mb-2" id="country-\w\w">([^<]+?) <span', html)


def map_data(html: str) -> dict:
    found = re.search(r'<script id="partner-map-data" type="application/json">(.*?)</script>', html)
    return json.loads(found.group(1))


@pytest.fixture
def partners(db):
    """A public partner in Turkey, one in Japan with a confidential agreement besides its
    public one, and partners the page must not name."""
    ankara = PartnerFactory(
        name="Ankara Üniversitesi",
        name_uz="Anqara universiteti",
        name_ru="Анкарский университет",
        name_en="Ankara University",
        country="TR",
        website="https://www.ankara.edu.tr",
    )
    public_agreement(ankara)
    tokyo = PartnerFactory(name="東京大学", name_en="University of Tokyo", country="JP")
    public_agreement(tokyo, kind=Agreement.Kind.MOU)
    AgreementFactory(status=ACTIVE, kind=Agreement.Kind.RESEARCH, partners=[tokyo])
    hidden = {
        "confidential": AgreementFactory(status=ACTIVE, partners=[PartnerFactory(name="Secret U")]),
        "draft": AgreementFactory(public=True, partners=[PartnerFactory(name="Draft U")]),
        "expired": public_agreement(
            PartnerFactory(name="Expired U"),
            valid_from=datetime.date(2019, 1, 1),
            valid_to=TODAY - datetime.timedelta(days=1),
        ),
    }
    return {"ankara": ankara, "tokyo": tokyo, "hidden": hidden}


def test_partners_page_names_only_partners_of_public_agreements_in_force(client, partners):
    page = client.get("/en/partners/")

    assert page.status_code == 200
    assert sorted(listed_names(page.text)) == ["Ankara University", "University of Tokyo"]
    for name in ("Secret U", "Draft U", "Expired U"):
        assert name not in page.text
    # A confidential agreement's kind is not told beside the partner's public one.
    tokyo = page.text[page.text.index("University of Tokyo") :]
    assert "Memorandum of understanding" in tokyo
    assert "Research agreement" not in page.text
    assert '<a class="fw-semibold text-break" href="https://www.ankara.edu.tr"' in page.text


def test_partners_page_speaks_the_page_language_and_sorts_by_its_alphabet(client, db):
    for code in ("DE", "JP", "KR", "TR"):
        public_agreement(PartnerFactory(country=code), kind=Agreement.Kind.EXCHANGE)

    uz = client.get("/uz/partners/").text
    ru = client.get("/ru/partners/").text
    en = client.get("/en/partners/").text

    assert country_headings(uz) == ["Germaniya", "Janubiy Koreya", "Turkiya", "Yaponiya"]
    assert country_headings(ru) == ["Германия", "Республика Корея", "Турция", "Япония"]
    assert country_headings(en) == ["Germany", "Japan", "South Korea", "Türkiye"]
    assert country_headings(client.get("/uz-cyrl/partners/").text)[0] == "Германия"
    assert "Germany" not in uz and "Exchange agreement" not in uz
    assert "Almashinuv shartnomasi" in uz
    assert "Соглашение об обмене" in ru


def test_partners_institution_names_follow_the_page_language(client, partners):
    assert "Anqara universiteti" in listed_names(client.get("/uz/partners/").text)
    assert "Анкарский университет" in listed_names(client.get("/ru/partners/").text)
    # Without a Russian name the English one stands in, never an empty line.
    assert "University of Tokyo" in listed_names(client.get("/ru/partners/").text)


def test_partners_map_carries_each_country_count_and_name(client, partners):
    public_agreement(PartnerFactory(country="TR"))

    data = map_data(client.get("/ru/partners/").text)

    assert data["values"] == {"TR": 2, "JP": 1}
    assert data["names"] == {"TR": "Турция", "JP": "Япония"}
    assert data["label"] == "Учреждения-партнёры"


def test_partners_page_query_count_does_not_grow_with_the_partners(client, db):
    def queries() -> int:
        cache.bump()  # the page itself, not its cached copy
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/uz/partners/").status_code == 200
        return len(captured)

    public_agreement(PartnerFactory(country="TR"))
    few = queries()
    for n, code in enumerate(("DE", "FR", "JP", "KR", "RU", "KZ", "CN", "IT") * 3):
        partner = PartnerFactory(country=code, website=f"https://u{n}.example.org")
        public_agreement(partner)
        AgreementFactory(status=ACTIVE, public=True, kind="exchange", partners=[partner])

    assert queries() == few


def test_partners_page_without_public_partners_says_so(client, db):
    AgreementFactory(status=ACTIVE, partners=[PartnerFactory()])

    page = client.get("/uz/partners/")

    assert page.status_code == 200
    assert "partners-empty" in page.text
    assert "partner-map-data" not in page.text


def test_partners_page_is_in_the_site_menu(client, db):
    assert 'href="/ru/partners/"' in client.get("/ru/").text


# --- The widget ------------------------------------------------------------------------------


def test_embed_is_the_map_and_count_without_the_site_header(client, partners):
    page = client.get("/ru/embed/partners/")

    assert page.status_code == 200
    assert "site-menu" not in page.text and "navbar" not in page.text
    assert 'id="partner-map"' in page.text
    assert map_data(page.text)["values"] == {"TR": 1, "JP": 1}
    assert re.search(r'href="/ru/partners/" target="_top">\s*2 ', page.text)


def test_embed_refuses_framing_until_origins_are_configured(client, partners, settings):
    settings.HAMKOR_EMBED_ANCESTORS = []

    page = client.get("/en/embed/partners/")

    assert page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]


def test_embed_may_be_framed_by_the_configured_origins_only(client, partners, settings):
    settings.HAMKOR_EMBED_ANCESTORS = ["https://www.ksu.uz", "https://ksu.uz"]

    widget = client.get("/uz/embed/partners/")
    full_page = client.get("/uz/partners/")

    assert "X-Frame-Options" not in widget
    assert "frame-ancestors https://www.ksu.uz https://ksu.uz" in widget["Content-Security-Policy"]
    # The rest of the site keeps refusing every frame.
    assert full_page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in full_page["Content-Security-Policy"]
    assert "script-src 'self'" in widget["Content-Security-Policy"]


# --- Staff mark agreements public ---------------------------------------------------------------


def test_agreement_edit_form_offers_the_website_flag(as_user, partners):
    agreement = partners["hidden"]["confidential"]

    page = as_user("officer").get(f"/staff/agreements/{agreement.pk}/edit/")

    assert 'name="public"' in page.text
    assert "Shown on the public website" in page.text


def test_bulk_action_shows_agreements_on_the_website_within_the_users_reach(
    as_user, faculty_a, faculty_b, client
):
    ours = AgreementFactory(status=ACTIVE, units=[faculty_a], partners=[PartnerFactory(name="A")])
    theirs = AgreementFactory(status=ACTIVE, units=[faculty_b], partners=[PartnerFactory(name="B")])
    coordinator = as_user("coordinator")

    response = coordinator.post(
        "/staff/agreements/",
        {"action": "set:public", "pk": [ours.pk, theirs.pk]},
        follow=True,
    )

    assert response.status_code == 200
    ours.refresh_from_db()
    theirs.refresh_from_db()
    assert ours.public and not theirs.public
    assert ours.history.first().history_change_reason == "agreements.agreement.shown"

    as_user("officer").post(
        "/staff/agreements/", {"action": "set:not_public", "pk": [ours.pk]}, follow=True
    )
    ours.refresh_from_db()
    assert not ours.public


def test_bulk_website_actions_are_offered_to_who_may_change_agreements(as_user, partners):
    assert 'value="set:public"' in as_user("officer").get("/staff/agreements/").text
    assert "set:public" not in as_user("leadership").get("/staff/agreements/").text
