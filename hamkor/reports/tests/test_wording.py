"""The public wording of the achievements: rounded down, honest, in the page's language."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from hamkor.reports.achievements import KEYS, Period
from hamkor.reports.wording import Rounded, public_statements, rounded, step_for

D = datetime.date
YEARS = Period(start=D(2022, 1, 1), end=D(2025, 12, 31), on=D(2026, 6, 1))


def figures(**given) -> dict:
    values = dict.fromkeys(KEYS, 0)
    values["agreement_countries"] = []
    values["grant_income_usd"] = Decimal("0.00")
    return {**values, **given}


def texts(period=YEARS, language="en", **given) -> dict[str, str]:
    return {s.key: s.text for s in public_statements(period, language, figures=figures(**given))}


@pytest.mark.parametrize(
    ("value", "step", "expected"),
    [
        (57, 10, Rounded(50, True)),
        (50, 10, Rounded(50, False)),  # never "more than 50" for exactly 50
        (51, 10, Rounded(50, True)),
        (7, 10, Rounded(7, False)),  # below the step: exact, not "more than 0"
        (114, 1, Rounded(114, False)),
        (Decimal("235989.90"), 50000, Rounded(200000, True)),
        (Decimal("200000.00"), 50000, Rounded(200000, False)),
        (Decimal("45120.50"), 50000, Rounded(45120, True)),
        (Decimal("114.00"), 1, Rounded(114, False)),
    ],
)
def test_rounded_down_and_more_than_only_below_the_figure(value, step, expected):
    assert rounded(value, step) == expected


def test_the_steps_come_from_the_setting(settings):
    settings.HAMKOR_ACHIEVEMENTS_ROUNDING = {"default": 5, "visiting_professors": 1}
    assert step_for("webinars_with_partners") == 5
    assert step_for("visiting_professors") == 1
    settings.HAMKOR_ACHIEVEMENTS_ROUNDING = {"default": 100}
    assert rounded(156, step_for("visiting_professors")) == Rounded(100, True)


def test_the_seed_pages_statements_in_english():
    said = texts(
        agreements_signed=80,
        agreement_countries=["TR", "RU", "BE"],
        professors_interned_qs1000=114,
        visiting_professors=156,
        grant_income_usd=Decimal("235989.90"),
        grant_projects=11,
        partner_universities_active=59,
    )
    assert said["agreements_signed"] == (
        "In 2022–2025, 80 cooperation agreements and memorandums were signed with "
        "universities of these countries: Belgium, Russia, and Türkiye."
    )
    assert said["professors_interned_qs1000"].startswith("In 2022–2025, 114 professors")
    assert said["visiting_professors"].startswith("In 2022–2025, 156 professors")
    assert "more than 200,000 US dollars" in said["grant_income_usd"]
    assert "more than 10 grant projects" in said["grant_projects"]
    assert "more than 50 foreign universities" in said["partner_universities_active"]
    assert said["partner_universities_active"].startswith("On 1 June 2026,")
    # Zero is not stated; the countries have no sentence of their own.
    assert "webinars_with_partners" not in said
    assert "agreement_countries" not in said


def test_exactly_fifty_is_never_more_than_fifty():
    said = texts(webinars_with_partners=50)["webinars_with_partners"]
    assert said == "In 2022–2025, 50 webinars were held with partner universities."


def test_a_period_of_one_year_or_of_days():
    one_year = Period(start=D(2024, 1, 1), end=D(2024, 12, 31), on=D(2025, 1, 1))
    assert texts(one_year, webinars_with_partners=3)["webinars_with_partners"].startswith(
        "In 2024, 3 webinars"
    )
    days = Period(start=D(2024, 3, 5), end=D(2025, 6, 10), on=D(2025, 7, 1))
    assert texts(days, webinars_with_partners=1)["webinars_with_partners"] == (
        "From 5 March 2024 to 10 June 2025, 1 webinar was held with partner universities."
    )


def test_the_countries_named_in_the_pages_language():
    said = texts(language="ru", agreements_signed=57, agreement_countries=["TR", "RU"])
    assert "Россия" in said["agreements_signed"]
    assert "Turkey" not in said["agreements_signed"]


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (21, "В 2022–2025 годах проведён 21 вебинар с университетами-партнёрами."),
        (3, "В 2022–2025 годах проведено 3 вебинара с университетами-партнёрами."),
        (57, "В 2022–2025 годах проведено более 50 вебинаров с университетами-партнёрами."),
    ],
)
def test_russian_plural_forms(count, expected, settings):
    settings.HAMKOR_ACHIEVEMENTS_ROUNDING = {"default": 10, "webinars_with_partners": 10}
    if count < 50:
        settings.HAMKOR_ACHIEVEMENTS_ROUNDING = {"default": 1}
    assert texts(language="ru", webinars_with_partners=count)["webinars_with_partners"] == expected
