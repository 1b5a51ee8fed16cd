"""The Erasmus+ grant calculator on cases worked by hand from the research notes' tables.

Amounts (EUR) of the project's data file: travel 2021-2023 23/180/275/360/530/820/1500
(green 210/320/410/610 for 100-3999 km), 2025 28/211/309/395/580/1188/1735 (green
56/285/417/535/785/1188/1735); long-term = months x monthly + days x monthly / 30; daily
tiers 1-14 and 15-30 (students) or 15-60 (staff, 70 %).
"""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from hamkor.grants.erasmus import distance_km

pytestmark = pytest.mark.usefixtures("tables")

KEYS = ["distance_km", "band", "travel", "individual", "top_ups", "total", "unverified"]


def grant(*args: str) -> dict:
    out = io.StringIO()
    call_command("erasmus_grant", *args, "--json", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def travel_only(year: int, km: int, *extra: str) -> dict:
    return grant(
        "--call-year", str(year), "--action", "KA131", "--participant", "staff",
        "--km", str(km), "--travel-only", *extra,
    )  # fmt: skip


def refused(*args: str) -> str:
    with pytest.raises(CommandError) as caught:
        grant(*args)
    assert caught.value.returncode == 2
    message = str(caught.value)
    assert "\n" not in message
    return message


EDGES_2021_2023 = [
    (9, None, 0, None),
    (10, "10-99", 23, None),
    (99, "10-99", 23, None),
    (100, "100-499", 180, 210),
    (499, "100-499", 180, 210),
    (500, "500-1999", 275, 320),
    (1999, "500-1999", 275, 320),
    (2000, "2000-2999", 360, 410),
    (2999, "2000-2999", 360, 410),
    (3000, "3000-3999", 530, 610),
    (3999, "3000-3999", 530, 610),
    (4000, "4000-7999", 820, None),
    (7999, "4000-7999", 820, None),
    (8000, "8000+", 1500, None),
]
EDGES_2025 = [
    (9, None, 0, 0),
    (10, "10-99", 28, 56),
    (99, "10-99", 28, 56),
    (100, "100-499", 211, 285),
    (499, "100-499", 211, 285),
    (500, "500-1999", 309, 417),
    (1999, "500-1999", 309, 417),
    (2000, "2000-2999", 395, 535),
    (2999, "2000-2999", 395, 535),
    (3000, "3000-3999", 580, 785),
    (3999, "3000-3999", 580, 785),
    (4000, "4000-7999", 1188, 1188),
    (7999, "4000-7999", 1188, 1188),
    (8000, "8000+", 1735, 1735),
]


@pytest.mark.parametrize("year", [2021, 2023])
@pytest.mark.parametrize(("km", "band", "standard", "green"), EDGES_2021_2023)
def test_band_edges_of_the_2021_2023_table(year, km, band, standard, green):
    result = travel_only(year, km)
    assert (result["band"], result["travel"], result["total"]) == (band, standard, standard)
    if green is not None:
        assert travel_only(year, km, "--green")["travel"] == green


@pytest.mark.parametrize(("km", "band", "standard", "green"), EDGES_2025)
def test_band_edges_of_the_2025_table(km, band, standard, green):
    result = travel_only(2025, km)
    assert (result["band"], result["travel"]) == (band, standard)
    assert travel_only(2025, km, "--green")["travel"] == green


@pytest.mark.parametrize("km", [10, 4000, 8000])
def test_green_travel_where_the_2021_2023_table_has_none_names_the_missing_rate(km):
    message = refused(
        "--call-year", "2022", "--action", "KA131", "--participant", "staff",
        "--km", str(km), "--green", "--travel-only",
    )  # fmt: skip
    assert "No green travel rate for" in message
    assert "call year 2022" in message


def test_travel_only_prints_exactly_the_keys_with_no_individual_support():
    result = travel_only(2025, 4321)
    assert list(result) == KEYS
    assert result == {
        "distance_km": 4321.0,
        "band": "4000-7999",
        "travel": 1188.0,
        "individual": 0.0,
        "top_ups": 0.0,
        "total": 1188.0,
        "unverified": False,
    }


def test_distance_is_the_great_circle_between_the_coordinates():
    # One degree of the equator: 2 x pi x 6371.0088 / 360 = 111.19508 km.
    assert distance_km((0.0, 0.0), (0.0, 1.0)) == Decimal("111.20")
    # Half the equator: pi x 6371.0088 = 20015.11 km.
    assert distance_km((0.0, 0.0), (0.0, 180.0)) == Decimal("20015.11")
    result = grant(
        "--call-year", "2025", "--action", "KA131", "--participant", "staff",
        "--origin", "0,0", "--venue", "0,1", "--travel-only",
    )  # fmt: skip
    assert (result["distance_km"], result["band"], result["travel"]) == (111.2, "100-499", 211)


def test_staff_beyond_14_days_are_paid_at_70_percent():
    # KA171 staff to Uzbekistan, call 2025: 14 x 180 + 6 x 126 = 3276; travel 1188.
    result = grant(
        "--call-year", "2025", "--action", "KA171", "--participant", "staff",
        "--km", "4500", "--days", "20", "--country", "UZ",
    )  # fmt: skip
    assert result == {
        "distance_km": 4500.0,
        "band": "4000-7999",
        "travel": 1188.0,
        "individual": 3276.0,
        "top_ups": 0.0,
        "total": 4464.0,
        "unverified": True,
    }


def test_staff_of_call_2023_to_a_group_3_country():
    # KA131 staff to Poland (group 3 in calls 2021-2023): 14 x 140 + 6 x 98 = 2548; 820.
    result = grant(
        "--call-year", "2023", "--action", "KA131", "--participant", "staff",
        "--km", "4100", "--days", "20", "--country", "pl",
    )  # fmt: skip
    assert (result["travel"], result["individual"], result["total"]) == (820, 2548, 3368)


def test_staff_past_60_days_has_no_rate():
    message = refused(
        "--call-year", "2025", "--action", "KA171", "--participant", "staff",
        "--km", "4500", "--days", "61", "--country", "UZ",
    )  # fmt: skip
    assert message == "No daily rate for day 61."


def test_long_term_is_whole_months_plus_remaining_days_at_a_thirtieth():
    # KA171 student to Italy (group 2), call 2025: 5 x 850 + 10 x 850 / 30 = 4533.33.
    result = grant(
        "--call-year", "2025", "--action", "KA171", "--participant", "student-long",
        "--km", "4900", "--months", "5", "--extra-days", "10", "--country", "IT",
    )  # fmt: skip
    assert (result["travel"], result["individual"], result["total"]) == (1188, 4533.33, 5721.33)


def test_long_term_ka131_to_a_third_country_gets_travel_support():
    # Call 2023, Uzbekistan (Regions 1-12): 3 x 700 + 15 x 700 / 30 = 2450; travel 360.
    result = grant(
        "--call-year", "2023", "--action", "KA131", "--participant", "student-long",
        "--km", "2500", "--months", "3", "--extra-days", "15", "--country", "UZ",
    )  # fmt: skip
    assert (result["travel"], result["individual"], result["total"]) == (360, 2450, 2810)


def long_term_2025_germany(*extra: str) -> dict:
    # KA131 student to Germany (group 2, 540 a month): no travel support inside the EU.
    return grant(
        "--call-year", "2025", "--action", "KA131", "--participant", "student-long",
        "--km", "4676", "--months", "5", "--extra-days", "10", "--country", "DE", *extra,
    )  # fmt: skip


def test_long_term_ka131_inside_the_eu_gets_no_travel_support():
    result = long_term_2025_germany()
    assert (result["band"], result["travel"], result["individual"]) == ("4000-7999", 0, 2880)


def test_top_up_fewer_opportunities_long_term_is_monthly():
    # 5 x 250 + 10 x 250 / 30 = 1333.33.
    result = long_term_2025_germany("--fewer-opportunities")
    assert (result["top_ups"], result["total"]) == (1333.33, 4213.33)


def test_top_up_traineeship_is_monthly_and_adds_to_fewer_opportunities():
    assert long_term_2025_germany("--traineeship")["top_ups"] == 800  # 5 x 150 + 50
    both = long_term_2025_germany("--traineeship", "--fewer-opportunities")
    assert both["top_ups"] == 2133.33  # 1333.333 + 800


def test_top_up_green_travel_for_a_student_without_travel_support():
    # 50 once + 4 extra days at 540 / 30 = 50 + 72.
    result = long_term_2025_germany("--green")
    assert (result["travel"], result["top_ups"]) == (0, 122)
    assert result["unverified"] is True  # the 2025 green top-up is [U]


def short_term_2023(days: int, *extra: str) -> dict:
    return grant(
        "--call-year", "2023", "--action", "KA131", "--participant", "student-short",
        "--km", "600", "--days", str(days), "--country", "DE", *extra,
    )  # fmt: skip


def test_short_term_students_are_paid_by_the_day_in_two_tiers():
    assert short_term_2023(14)["individual"] == 980  # 14 x 70
    assert short_term_2023(20)["individual"] == 1280  # 14 x 70 + 6 x 50
    assert short_term_2023(20)["travel"] == 0


@pytest.mark.parametrize(("days", "top_up"), [(5, 100), (14, 100), (15, 150), (30, 150)])
def test_top_up_fewer_opportunities_short_term_is_once_by_duration(days, top_up):
    result = short_term_2023(days, "--fewer-opportunities")
    # With fewer opportunities a short-term student also gets travel support (275).
    assert (result["travel"], result["top_ups"]) == (275, top_up)


def test_top_up_fewer_opportunities_short_term_below_5_days_is_missing():
    with pytest.raises(CommandError) as caught:
        short_term_2023(4, "--fewer-opportunities")
    assert str(caught.value) == "No fewer opportunities top-up for 4 days in call year 2023."


def test_top_up_green_travel_days_of_a_short_term_student_continue_the_tiers():
    # 10 days x 70 = 700; green: 50 + days 11-14 at 70 = 330.
    result = short_term_2023(10, "--green")
    assert (result["travel"], result["individual"], result["top_ups"]) == (0, 700, 330)


def test_green_student_with_travel_support_gets_the_green_band_instead():
    result = short_term_2023(10, "--green", "--fewer-opportunities")
    assert (result["travel"], result["top_ups"]) == (320, 100)


def test_top_up_green_travel_days_of_staff():
    # KA171 staff, 20 days: days 21-24 at 126 = 504 besides the green band (1188).
    result = grant(
        "--call-year", "2025", "--action", "KA171", "--participant", "staff",
        "--km", "4500", "--days", "20", "--country", "UZ", "--green",
    )  # fmt: skip
    assert (result["travel"], result["individual"], result["top_ups"]) == (1188, 3276, 504)
    assert result["total"] == 4968


def test_a_call_year_without_tables_names_the_missing_rates():
    message = refused(
        "--call-year", "2024", "--action", "KA171", "--participant", "staff",
        "--km", "4500", "--days", "20", "--country", "UZ",
    )  # fmt: skip
    assert message == "No Erasmus+ travel rates for call year 2024."


def test_a_destination_without_a_rate_names_it():
    message = refused(
        "--call-year", "2023", "--action", "KA131", "--participant", "student-long",
        "--km", "2500", "--months", "3", "--country", "DE",
    )  # fmt: skip
    assert message == "No KA131 student-long rate for Group 2 in call year 2023."
    message = refused(
        "--call-year", "2025", "--action", "KA131", "--participant", "staff",
        "--km", "500", "--days", "5", "--country", "NL",
    )  # fmt: skip
    assert message == "No Erasmus+ country group for NL (Staff) in call year 2025."


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--origin", "91,0", "--venue", "0,0"], "Latitude 91 is out of range (−90 to 90)."),
        (["--origin", "0,0", "--venue", "0,-181"], "Longitude -181 is out of range (−180 to 180)."),
        (["--origin", "0;0", "--venue", "0,1"], "0;0 is not a point: write LAT,LON"),
        (["--origin", "0,0"], "Give --km, or both --origin and --venue."),
        (["--km", "10", "--origin", "0,0", "--venue", "0,1"], "Give either --km or"),
        (["--km", "ten"], "--km ten is not a number."),
        (["--km", "-5"], "The distance cannot be negative."),
        (["--km", "500"], "Short-term and staff mobility need --days."),
        (["--km", "500", "--days", "5", "--months", "2"], "are counted in --days."),
        (["--km", "500", "--days", "10"], "Give the host country (--country)"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args, message):
    assert message in refused(
        "--call-year", "2025", "--action", "KA131", "--participant", "staff", *args
    )


def test_long_term_needs_months():
    message = refused(
        "--call-year", "2025", "--action", "KA171", "--participant", "student-long",
        "--km", "4900", "--days", "40", "--country", "IT",
    )  # fmt: skip
    assert message == "Long-term mobility needs --months (and --extra-days)."
    message = refused(
        "--call-year", "2025", "--action", "KA171", "--participant", "student-long",
        "--km", "4900", "--months", "2", "--extra-days", "30", "--country", "IT",
    )  # fmt: skip
    assert message == "Give whole months and 0 to 29 extra days."


def test_an_edited_rate_is_used_and_its_status_shows():
    from hamkor.grants.models import ErasmusTravelBand, VerificationStatus

    band = ErasmusTravelBand.objects.get(call_year=2025, min_km=100)
    band.standard = 200
    band.status = VerificationStatus.UNVERIFIED
    band.save()
    result = travel_only(2025, 150)
    assert (result["travel"], result["unverified"]) == (200, True)
