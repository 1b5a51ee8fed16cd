"""The staff achievements page and the records behind each figure, as each role sees them."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory, put_in_status
from hamkor.grants.tests.money_factories import MoneyProjectFactory, ReceiptFactory
from hamkor.mobility.models import Mobility
from hamkor.mobility.tests.test_services import StaffFactory
from hamkor.reports.achievements import KEYS

pytestmark = pytest.mark.django_db

PAGE = reverse("reports:achievements")
YEARS = "from=2022-01-01&to=2025-12-31&on=2026-06-01"


def records_url(key: str, query: str = YEARS) -> str:
    return f"{reverse('reports:achievement_records', kwargs={'key': key})}?{query}"


@pytest.fixture
def signed(home, faculty_a, faculty_b):
    """An agreement of faculty A with Türkiye and one of faculty B with Belgium, in 2024."""
    made = {}
    for unit, country, title in ((faculty_a, "TR", "Ankara MoU"), (faculty_b, "BE", "Ghent MoU")):
        agreement = AgreementFactory(
            partners=[PartnerFactory(country=country)], units=[unit], title=title
        )
        put_in_status(agreement, "active")
        made[country] = agreement
    return made


def test_the_page_shows_the_twelve_figures_each_linked_to_its_records(as_user, signed):
    response = as_user("officer").get(f"{PAGE}?{YEARS}")
    assert response.status_code == 200
    figures = response.context["figures"]
    assert [f.key for f in figures] == list(KEYS)
    shown = {f.key: f.shown for f in figures}
    assert shown["agreements_signed"] == "2"
    assert shown["agreement_countries"] == "2"
    assert shown["grant_income_usd"] == "0.00 USD"
    html = response.content.decode()
    assert records_url("agreements_signed").replace("&", "&amp;") in html
    assert "Belgium, Türkiye" in html


def test_the_default_period_is_the_last_four_calendar_years(as_user, home):
    response = as_user("leadership").get(PAGE)
    period = response.context["period"]
    today = datetime.date.today()
    assert (period.start, period.end) == (
        datetime.date(today.year - 4, 1, 1),
        datetime.date(today.year - 1, 12, 31),
    )
    form = response.context["form"]
    assert form["start"].value() == period.start.isoformat()


def test_the_public_wording_is_previewed(as_user, signed):
    response = as_user("officer").get(f"{PAGE}?{YEARS}")
    statements = {s.key: s.text for s in response.context["statements"]}
    assert statements["agreements_signed"] == (
        "In 2022–2025, 2 cooperation agreements and memorandums were signed with universities "
        "of these countries: Belgium and Türkiye."
    )
    assert "As the public page words them" in response.content.decode()


def test_a_coordinator_sees_their_faculty_whatever_the_address_asks(as_user, signed):
    response = as_user("coordinator").get(f"{PAGE}?{YEARS}&faculty=faculty-b")
    assert response.context["period"].faculty.code == "faculty-a"
    shown = {f.key: f.shown for f in response.context["figures"]}
    assert shown["agreements_signed"] == "1"
    records = as_user("coordinator").get(records_url("agreements_signed", f"{YEARS}&faculty=x"))
    html = records.content.decode()
    assert "Ankara MoU" in html and "Ghent MoU" not in html


def test_others_may_pick_a_faculty(as_user, signed):
    response = as_user("leadership").get(f"{PAGE}?{YEARS}&faculty=faculty-b")
    assert {f.key: f.shown for f in response.context["figures"]}["agreements_signed"] == "1"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2025-01-01&to=2024-12-31", "The period ends before it starts."),
        ("from=2025-02-30", "Enter a valid date."),
        ("from=1500-01-01", "Enter a date between"),
        ("faculty=no-such-faculty", "Select a valid choice."),
    ],
)
def test_bad_input_is_a_message_not_an_error(as_user, home, query, message):
    for url in (f"{PAGE}?{query}", records_url("agreements_signed", query)):
        response = as_user("officer").get(url)
        assert response.status_code == 200
        assert message in response.content.decode()
        assert "period" not in response.context


def test_an_unknown_figure_is_not_found(as_user, home):
    assert as_user("officer").get(records_url("no_such_figure")).status_code == 404


def test_the_records_page_lists_the_records_with_the_figures_definition(as_user, signed):
    response = as_user("leadership").get(records_url("agreement_countries"))
    html = response.content.decode()
    assert "without the home university and its country" in html
    assert "Ankara MoU" in html and "Ghent MoU" in html
    assert response.context["countries"] == ["Belgium", "Türkiye"]


def test_the_records_are_exported_as_their_list_exports_them(as_user, signed):
    response = as_user("officer").get(records_url("agreements_signed") + "&export=csv")
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "Ankara MoU" in body and "Ghent MoU" in body


def test_the_records_are_paginated(as_user, home, settings):
    settings.HAMKOR_PAGE_SIZES = (2, 50)
    for _n in range(5):
        put_in_status(AgreementFactory(), "active")
    response = as_user("officer").get(records_url("agreements_signed"))
    table = response.context["table"]
    assert (table.paginator.count, len(table.page.object_list)) == (5, 2)


def test_grant_income_names_the_missing_rates(as_user, home):
    project = MoneyProjectFactory()
    ReceiptFactory(project=project, received_on=datetime.date(2023, 2, 14), amount=Decimal(100))
    ReceiptFactory(
        project=project, received_on=datetime.date(2023, 3, 1), currency="EUR", with_rate=False
    )
    page = as_user("officer").get(f"{PAGE}?{YEARS}")
    assert {f.key: f.shown for f in page.context["figures"]}["grant_income_usd"] == "100.00 USD"
    assert "The sum is short" in page.content.decode()
    records = as_user("officer").get(records_url("grant_income_usd"))
    assert [(m.currency, m.date) for m in records.context["missing_rates"]] == [
        ("EUR", datetime.date(2023, 3, 1))
    ]
    assert "1 March 2023" in records.content.decode()


def _mobilities(home, n):
    host = PartnerFactory(country="GB")
    for _index in range(n):
        Mobility.objects.create(
            person=StaffFactory(),
            direction="outgoing",
            kind="staff_teaching",
            programme="bilateral",
            sending_institution=home,
            receiving_institution=host,
            planned_start=datetime.date(2024, 3, 4),
            planned_end=datetime.date(2024, 3, 14),
            status="completed",
        )
        put_in_status(AgreementFactory(partners=[PartnerFactory()]), "active")


@pytest.mark.parametrize("persona", ["officer", "coordinator"])
def test_the_pages_take_as_many_queries_with_little_and_with_more_data(
    as_user, home, persona, django_assert_num_queries, settings
):
    from django.db import connection

    # The computation is measured, not the cache (``test_figures_cache.py``).
    settings.HAMKOR_FIGURES_CACHE = False
    from django.test.utils import CaptureQueriesContext

    client = as_user(persona)
    _mobilities(home, 1)
    urls = (f"{PAGE}?{YEARS}", records_url("teachers_uk_europe"), records_url("agreements_signed"))
    client.get(urls[0])  # the content types' cache, whatever ran before
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as little:
            client.get(url)
        counts.append(len(little.captured_queries))
    _mobilities(home, 8)
    for url, count in zip(urls, counts, strict=True):
        with django_assert_num_queries(count):
            assert client.get(url).status_code == 200
