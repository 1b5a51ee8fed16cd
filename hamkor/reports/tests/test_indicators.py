"""The ranking indicators, rule by rule, on small hand-made data."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hamkor.mobility.models import Mobility
from hamkor.reports.indicators import census_day, indicator_years
from hamkor.reports.tests.indicator_factories import (
    UniversityYearFactory,
    agreement,
    exchange,
    partner,
    student,
)
from hamkor.students.models import ForeignStudent

D = datetime.date
TODAY = D(2026, 6, 15)
pytestmark = pytest.mark.django_db


def values(year: int, **kwargs) -> dict:
    [computed] = indicator_years([year], today=TODAY, **kwargs)
    return computed.values


def test_shares_are_the_part_over_the_whole_in_percent(home):
    UniversityYearFactory(
        year=2025,
        students_total=8000,
        international_students=100,
        faculty_total=400,
        international_faculty=18,
    )
    found = values(2025)
    assert str(found["international_students_share"].value) == "1.3"
    assert str(found["international_faculty_share"].value) == "4.5"


def test_a_missing_total_gives_the_reason_not_an_error(home):
    found = values(2025)
    share = found["international_students_share"]
    assert share.value is None
    assert share.reason == "Enter the number of students for 2025."
    assert found["international_faculty_share"].reason == (
        "Enter the number of academic staff for 2025."
    )


def test_a_zero_total_gives_the_reason_not_a_division_error(home):
    UniversityYearFactory(year=2025, students_total=0, faculty_total=0, international_faculty=0)
    found = values(2025)
    assert found["international_students_share"].value is None
    assert "number of students for 2025 is zero" in found["international_students_share"].reason
    assert "academic staff for 2025 is zero" in found["international_faculty_share"].reason


def test_missing_international_staff_is_asked_for(home):
    UniversityYearFactory(year=2025, international_faculty=None)
    share = values(2025)["international_faculty_share"]
    assert share.value is None
    assert share.reason == "Enter the number of international academic staff for 2025."


def test_international_students_are_counted_on_1_october_when_not_entered(faculty_a):
    UniversityYearFactory(year=2025, students_total=1000, international_students=None)
    student(faculty_a, enrolled_on=D(2024, 9, 1))  # studying
    student(faculty_a, enrolled_on=D(2025, 9, 30), status=ForeignStudent.Status.ON_LEAVE)
    student(faculty_a, enrolled_on=D(2025, 10, 2))  # after the census day
    student(faculty_a, status=ForeignStudent.Status.ADMITTED)  # not enrolled
    left = ForeignStudent.Status.GRADUATED
    student(faculty_a, enrolled_on=D(2021, 9, 1), status=left, left_on=D(2025, 6, 30))  # gone
    student(faculty_a, enrolled_on=D(2022, 9, 1), status=left, left_on=D(2025, 11, 1))  # still
    [computed] = indicator_years([2025], today=TODAY)
    assert computed.inputs.international_students == 3
    assert computed.inputs.international_students_counted
    assert computed.inputs.census == D(2025, 10, 1)
    assert str(computed.values["international_students_share"].value) == "0.3"


def test_an_entered_number_of_international_students_wins(faculty_a):
    UniversityYearFactory(year=2025, students_total=1000, international_students=40)
    student(faculty_a, enrolled_on=D(2024, 9, 1))
    [computed] = indicator_years([2025], today=TODAY)
    assert computed.inputs.international_students == 40
    assert not computed.inputs.international_students_counted


def test_the_census_day_of_the_current_year_is_today_until_october():
    assert census_day(2026, D(2026, 6, 15)) == D(2026, 6, 15)
    assert census_day(2026, D(2026, 11, 2)) == D(2026, 10, 1)
    assert census_day(2025, D(2026, 6, 15)) == D(2025, 10, 1)


def test_exchange_students_are_distinct_people_on_student_mobilities_carried_out(home):
    other = partner()
    first = exchange(home, other, start=D(2025, 2, 1))
    exchange(home, other, start=D(2025, 9, 1), person=first.person)  # the same student again
    exchange(home, other, status=Mobility.Status.IN_PROGRESS)
    exchange(home, other, kind=Mobility.Kind.STUDENT_TRAINEESHIP)
    exchange(home, other, status=Mobility.Status.CANCELLED)
    exchange(home, other, status=Mobility.Status.ACCEPTED)
    exchange(home, other, kind=Mobility.Kind.STAFF_TEACHING)
    exchange(home, other, start=D(2024, 12, 31))
    exchange(home, other, direction=Mobility.Direction.OUTGOING)
    found = values(2025)
    assert found["inbound_exchange"].value == 3
    assert found["outbound_exchange"].value == 1
    assert values(2024)["inbound_exchange"].value == 1


def test_a_partner_whose_agreement_expired_mid_year_counts_for_that_year_only(home):
    gone = partner("DE")
    agreement(gone, signed=D(2022, 5, 1), valid_to=D(2025, 6, 30), status="expired")
    ended = partner("FR")
    agreement(ended, signed=D(2023, 1, 10), status="terminated", terminated_on=D(2024, 3, 1))
    draft = partner("IT")
    agreement(draft, signed=D(2024, 1, 1), status="draft")
    later = partner("ES")
    agreement(later, signed=D(2025, 11, 20))
    agreement(partner("UZ"), signed=D(2024, 1, 1))  # in the home country
    assert values(2024)["partner_institutions"].value == 2
    assert values(2025)["partner_institutions"].value == 2
    assert values(2026)["partner_institutions"].value == 1


def test_qs_partners_follow_the_edition_of_the_year(home):
    """The edition used for year Y is the newest named at most Y + 1: QS 2026, published in
    June 2025, is the 2025 edition."""
    rising = partner(qs2025="451-500", qs2026="651-700")
    agreement(rising, signed=D(2020, 1, 1))
    agreement(partner(qs2025="1001-1200", qs2026="951-1000"), signed=D(2020, 1, 1))
    agreement(partner(), signed=D(2020, 1, 1))  # not ranked
    in_2024, in_2025 = values(2024), values(2025)
    assert (in_2024["partners_qs500"].value, in_2024["partners_qs1000"].value) == (1, 1)
    assert (in_2025["partners_qs500"].value, in_2025["partners_qs1000"].value) == (0, 2)
    assert in_2025["partner_institutions"].value == 3


def test_a_faculty_has_its_counts_and_no_shares(home, faculty_a, faculty_b):
    other = partner()
    exchange(home, other, unit=faculty_a)
    exchange(home, other, unit=faculty_b)
    agreement(partner(), signed=D(2024, 1, 1), units=[faculty_a])
    agreement(partner(), signed=D(2024, 1, 1), units=[faculty_b])
    found = values(2025, faculty=faculty_a)
    assert found["inbound_exchange"].value == 1
    assert found["partner_institutions"].value == 1
    assert found["international_students_share"].reason == (
        "A share is computed for the whole university only."
    )


def test_five_years_cost_a_fixed_number_of_queries(home, faculty_a):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            indicator_years(range(2022, 2027), today=TODAY)
        return len(queries)

    UniversityYearFactory(year=2025)
    before = count()
    for year in range(2022, 2025):
        UniversityYearFactory(year=year)
        other = partner(qs2024="101-150")
        agreement(other, signed=D(year, 3, 1))
        exchange(home, other, start=D(year, 3, 1))
        student(faculty_a, enrolled_on=D(year, 9, 1))
    assert count() == before <= 7
