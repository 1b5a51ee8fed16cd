"""Exchange rates through the API: written by who writes them on the pages (the office),
through the rate page's service, per unit, with history and versions."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from hamkor.grants.models import ExchangeRate
from hamkor.grants.services import exchange_rate_set

pytestmark = pytest.mark.django_db

URL = "/api/v1/exchange-rates/"


def _send(client, method, url, body):
    return getattr(client, method)(url, body, content_type="application/json")


def test_the_office_adds_and_corrects_a_rate_with_its_history(as_user, officer):
    client = as_user("officer")

    created = _send(
        client,
        "post",
        URL,
        {"currency": "krw", "date": "2025-03-03", "rate": "9.25", "nominal": 100},
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    # Per unit, read and written alike: what was sent is what is stored and answered.
    assert (body["currency"], body["rate"], body["nominal"], body["source"]) == (
        "KRW",
        "9.25000000",
        100,
        "manual",
    )
    row = ExchangeRate.objects.get(pk=body["id"])
    assert row.rate == Decimal("9.25")

    corrected = _send(client, "patch", f"{URL}{row.pk}/", {"rate": "9.31", "version": row.version})
    assert corrected.status_code == 200, corrected.json()
    row.refresh_from_db()
    assert row.rate == Decimal("9.31") and row.nominal == 100
    history = list(row.history.order_by("history_date"))
    assert [h.rate for h in history] == [Decimal("9.25"), Decimal("9.31")]
    assert {h.history_user for h in history} == {officer}


def test_a_bank_rate_corrected_by_hand_becomes_manual_and_a_stale_edit_is_refused(as_user, admin):
    row, _written = exchange_rate_set(
        actor=admin, currency="USD", date=datetime.date(2025, 1, 6), rate=Decimal("12900"),
        source=ExchangeRate.Source.CBU,
    )  # fmt: skip
    client = as_user("admin")
    url = f"{URL}{row.pk}/"

    first = _send(client, "put", url, {**_fields(row), "rate": "12950", "version": row.version})
    stale = _send(client, "put", url, {**_fields(row), "rate": "13000", "version": row.version})

    assert first.status_code == 200 and first.json()["source"] == "manual"
    assert stale.status_code == 409
    row.refresh_from_db()
    assert row.rate == Decimal("12950")


def _fields(row):
    return {"currency": row.currency, "date": row.date.isoformat(), "nominal": row.nominal}


def test_bad_rates_are_refused_by_field_with_the_pages_messages(as_user):
    client = as_user("officer")
    exchange_rate_set(
        actor=None, currency="EUR", date=datetime.date(2025, 2, 3), rate=Decimal("14000")
    )

    som = _send(client, "post", URL, {"currency": "UZS", "date": "2025-02-03", "rate": "1"})
    code = _send(client, "post", URL, {"currency": "XYZ", "date": "2025-02-03", "rate": "1"})
    nominal = _send(
        client, "post", URL, {"currency": "GBP", "date": "2025-02-03", "rate": "1", "nominal": 0}
    )
    twice = _send(client, "post", URL, {"currency": "EUR", "date": "2025-02-03", "rate": "1"})

    assert som.status_code == 400 and "base currency" in som.json()["currency"][0]
    assert code.status_code == 400 and "ISO 4217" in code.json()["currency"][0]
    assert nominal.status_code == 400 and "nominal" in nominal.json()
    assert twice.status_code == 400
    assert ExchangeRate.objects.get(currency="EUR").rate == Decimal("14000")


@pytest.mark.parametrize("persona", ["coordinator", "leadership", "reviewer", "applicant"])
def test_who_may_not_write_rates_on_the_pages_may_not_here(as_user, persona):
    answer = _send(
        as_user(persona), "post", URL, {"currency": "USD", "date": "2025-02-03", "rate": "1"}
    )

    assert answer.status_code == 403
    assert not ExchangeRate.objects.exists()


def test_the_office_deletes_a_rate(as_user):
    row, _written = exchange_rate_set(
        actor=None, currency="JPY", date=datetime.date(2025, 2, 3), rate=Decimal("85")
    )

    answer = as_user("officer").delete(f"{URL}{row.pk}/")

    assert answer.status_code == 204
    assert not ExchangeRate.objects.filter(pk=row.pk).exists()
