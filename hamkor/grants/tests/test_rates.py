"""Exchange rates: entered by hand or fetched from the Central Bank, converted by the day."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from hamkor.grants.models import ExchangeRate
from hamkor.grants.selectors import ExchangeRateMissing, convert
from hamkor.grants.services import exchange_rate_set

pytestmark = pytest.mark.django_db

MAY_10 = datetime.date(2024, 5, 10)


def fetch(*args: str) -> str:
    out = io.StringIO()
    call_command("rates", "fetch", *args, stdout=out)
    return out.getvalue()


def test_exchange_rate_set_stores_the_rate_per_unit_whatever_the_nominal(officer):
    row, written = exchange_rate_set(
        actor=officer, currency="krw", date=MAY_10, rate=Decimal("92.50"), nominal=10
    )
    assert written
    assert (row.currency, row.rate, row.nominal) == ("KRW", Decimal("9.25"), 10)
    assert row.history.get().history_user == officer


def test_exchange_rate_set_corrects_a_day_and_keeps_the_old_value_in_history(officer):
    exchange_rate_set(actor=officer, currency="USD", date=MAY_10, rate=Decimal("12650"))
    exchange_rate_set(actor=officer, currency="USD", date=MAY_10, rate=Decimal("12651"))
    _row, written = exchange_rate_set(
        actor=officer, currency="USD", date=MAY_10, rate=Decimal("12651")
    )
    assert not written
    assert ExchangeRate.objects.get().rate == Decimal("12651")
    assert [h.rate for h in ExchangeRate.history.order_by("history_date")] == [
        Decimal("12650"),
        Decimal("12651"),
    ]


@pytest.mark.parametrize("currency", ["XYZ", "UZS"])
def test_exchange_rate_set_refuses_what_is_not_a_foreign_currency(officer, currency):
    with pytest.raises(ValidationError) as caught:
        exchange_rate_set(actor=officer, currency=currency, date=MAY_10, rate=Decimal(1))
    assert "currency" in caught.value.message_dict
    assert not ExchangeRate.objects.exists()


def test_convert_goes_through_the_som_at_the_rates_of_that_day(officer):
    exchange_rate_set(actor=officer, currency="USD", date=MAY_10, rate=Decimal("12650"))
    exchange_rate_set(actor=officer, currency="EUR", date=MAY_10, rate=Decimal("13662"))
    # 1000 EUR = 13 662 000 UZS = 1080.00 USD (13 662 000 / 12 650 = 1080.0000).
    assert convert(Decimal(1000), "EUR", "USD", MAY_10) == Decimal("1080.00")
    assert convert(Decimal(1000), "USD", "UZS", MAY_10) == Decimal("12650000.00")
    assert convert(Decimal("1265000"), "UZS", "USD", MAY_10) == Decimal("100.00")
    assert convert(Decimal("5.555"), "EUR", "EUR", MAY_10) == Decimal("5.56")


def test_convert_never_falls_back_to_another_days_rate(officer):
    exchange_rate_set(actor=officer, currency="EUR", date=MAY_10, rate=Decimal("13662"))
    with pytest.raises(ExchangeRateMissing) as caught:
        convert(Decimal(100), "EUR", "UZS", datetime.date(2024, 5, 13))
    assert str(caught.value) == "No EUR rate for 2024-05-13"


def test_rates_fetch_stores_the_days_rates_once(cbu_server):
    assert "4 stored, 0 unchanged" in fetch("--date", "2024-05-10")
    rates = dict(ExchangeRate.objects.filter(date=MAY_10).values_list("currency", "rate"))
    assert rates == {
        "USD": Decimal("12650"),
        "EUR": Decimal("13662"),
        "RUB": Decimal("137.5"),
        "KRW": Decimal("9.25"),
    }
    assert set(ExchangeRate.objects.values_list("source", flat=True)) == {"cbu"}
    assert "0 stored, 4 unchanged" in fetch("--date", "2024-05-10")
    assert ExchangeRate.history.count() == 4


def test_rates_fetch_without_a_date_stores_todays_answer_under_its_date(cbu_server):
    fetch()
    assert set(ExchangeRate.objects.values_list("date", flat=True)) == {datetime.date(2024, 5, 13)}


def test_rates_fetch_on_a_weekend_stores_the_rate_in_force_under_that_date(cbu_server):
    assert "in force since 2024-05-10" in fetch("--date", "2024-05-11")
    saturday = datetime.date(2024, 5, 11)
    assert convert(Decimal(1), "USD", "UZS", saturday) == Decimal("12650.00")


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("2024-05-14", "Entry 2 of the Central Bank answer is malformed"),
        ("2024-05-15", "The Central Bank published no rates for 2024-05-15."),
        ("2024-05-16", "The Central Bank answer is not valid JSON."),
        ("2024-05-17", "2024-05-17/: HTTP 404 Not Found"),
        ("2024-05-20", "The Central Bank rate of ZZZ was refused"),
    ],
)
def test_rates_fetch_of_a_bad_answer_says_why_and_stores_nothing(cbu_server, day, message):
    with pytest.raises(CommandError) as caught:
        fetch("--date", day)
    assert message in str(caught.value)
    assert caught.value.returncode != 0
    # The first entry (USD) of the malformed answers was valid: it was not stored either.
    assert not ExchangeRate.objects.exists()


def test_rates_fetch_is_in_the_daily_beat_schedule_at_a_fixed_tashkent_hour():
    from celery.schedules import crontab

    from hamkor.celery import app
    from hamkor.grants.tasks import rates_fetch

    entry = settings.CELERY_BEAT_SCHEDULE["cbu-rates"]
    assert entry["task"] == rates_fetch.name
    assert entry["task"] in app.tasks
    assert isinstance(entry["schedule"], crontab)
    assert settings.CELERY_TIMEZONE == "Asia/Tashkent"


def test_rates_fetch_task_stores_todays_rates(cbu_server):
    from hamkor.grants.tasks import rates_fetch

    assert rates_fetch.delay().get() == {"date": "2024-05-13", "written": 2}
