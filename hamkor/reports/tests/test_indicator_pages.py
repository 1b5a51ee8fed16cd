"""The indicators page and the targets' progress page, as each role meets them."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hamkor.mobility.models import Mobility
from hamkor.reports.tests.indicator_factories import (
    TargetFactory,
    UniversityYearFactory,
    agreement,
    exchange,
    partner,
    student,
)

pytestmark = pytest.mark.django_db
THIS_YEAR = timezone.localdate().year
INDICATORS = reverse("reports:indicators")
TARGETS = reverse("reports:targets")


def queries(client, url: str, **params) -> int:
    client.get(url, params)  # warm the session and the permission caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def some_records(home, faculty, year: int) -> None:
    other = partner(qs2024="301-350")
    agreement(other, signed=datetime.date(year, 2, 1), units=[faculty])
    exchange(home, other, start=datetime.date(year, 3, 1), unit=faculty)
    exchange(home, other, start=datetime.date(year, 4, 1), direction=Mobility.Direction.OUTGOING)
    student(faculty, enrolled_on=datetime.date(year, 9, 1))


def test_the_indicators_page_shows_five_years_and_the_definitions(home, as_user):
    UniversityYearFactory(year=THIS_YEAR - 1, students_total=2000, international_students=30)
    page = as_user("leadership").get(INDICATORS)
    assert page.status_code == 200
    for year in range(THIS_YEAR - 4, THIS_YEAR + 1):
        assert f"year-{year}" in page.text
    assert f"year-{THIS_YEAR - 5}" not in page.text
    assert "1.5&nbsp;%" in page.text
    assert "QS World University Rankings methodology: International Student Ratio" in page.text
    assert f"Enter the number of students for {THIS_YEAR}." in page.text


def test_the_office_enters_a_missing_year_from_the_indicators_page(home, as_user):
    add = f"{reverse('reports:universityyear_add')}?year={THIS_YEAR}"
    assert add in as_user("officer").get(INDICATORS).text
    assert add not in as_user("coordinator").get(INDICATORS).text
    form = as_user("officer").get(add)
    assert f'value="{THIS_YEAR}"' in form.text


def test_a_coordinator_reads_and_may_not_write(home, faculty_a, as_user):
    record = UniversityYearFactory(year=THIS_YEAR - 1)
    coordinator = as_user("coordinator")
    assert coordinator.get(INDICATORS).status_code == 200
    assert coordinator.get(record.get_absolute_url()).status_code == 200
    edit = reverse("reports:universityyear_edit", kwargs={"pk": record.pk})
    assert coordinator.post(edit, {"students_total": "1", "_version": "1"}).status_code == 403
    assert coordinator.get(reverse("reports:target_add")).status_code == 403
    assert "Add a target" not in coordinator.get(TARGETS).text
    assert "Add a target" in as_user("officer").get(TARGETS).text


def test_negative_totals_are_refused_at_the_field(home, as_user):
    response = as_user("officer").post(
        reverse("reports:universityyear_add"),
        {"year": "2024", "students_total": "-5", "faculty_total": "10"},
    )
    assert response.status_code == 400
    assert "greater than or equal to 0" in response.text


def test_more_international_students_than_students_is_refused(home, as_user):
    response = as_user("officer").post(
        reverse("reports:universityyear_add"),
        {"year": "2024", "students_total": "100", "international_students": "150"},
    )
    assert response.status_code == 400
    assert "more international students (150) than students in all (100)" in response.text


def test_the_indicators_page_costs_the_same_whatever_the_data(home, faculty_a, as_user):
    client = as_user("officer")
    UniversityYearFactory(year=THIS_YEAR)
    few = queries(client, INDICATORS)
    for year in range(THIS_YEAR - 4, THIS_YEAR):
        UniversityYearFactory(year=year)
        some_records(home, faculty_a, year)
    assert queries(client, INDICATORS) <= few


def test_the_targets_page_shows_state_in_words_and_the_chart_data(home, as_user):
    TargetFactory(key="outbound_exchange", year=THIS_YEAR - 1, value=3)
    exchange(
        home,
        partner(),
        direction=Mobility.Direction.OUTGOING,
        start=datetime.date(THIS_YEAR - 1, 3, 1),
    )
    page = as_user("leadership").get(TARGETS, {"year": THIS_YEAR - 1})
    assert page.status_code == 200
    assert "state-not-reached" in page.text and "not reached</span>" in page.text
    assert "state-behind" not in page.text
    assert 'id="targets-chart-data"' in page.text and "33.3" in page.text
    assert "vendor/chartjs/chart.umd.min.js" in page.text


def test_the_targets_page_costs_the_same_whatever_the_data(home, faculty_a, as_user):
    client = as_user("officer")
    TargetFactory(key="outbound_exchange", year=THIS_YEAR - 1)
    few = queries(client, TARGETS, year=THIS_YEAR - 1)
    for key in ("inbound_exchange", "partners_qs500", "international_students_share"):
        TargetFactory(key=key, year=THIS_YEAR - 1)
    for key in ("agreements_signed", "grant_income_usd", "visiting_professors"):
        TargetFactory(key=key, year=THIS_YEAR - 1)
    some_records(home, faculty_a, THIS_YEAR - 1)
    more = queries(client, TARGETS, year=THIS_YEAR - 1)
    # The indicators and the achievements are read once each, whatever the targets.
    UniversityYearFactory(year=THIS_YEAR - 1)
    for key in ("webinars_with_partners", "partner_institutions", "agreement_countries"):
        TargetFactory(key=key, year=THIS_YEAR - 1)
    some_records(home, faculty_a, THIS_YEAR - 1)
    assert queries(client, TARGETS, year=THIS_YEAR - 1) <= more
    assert few < more


def test_a_coordinator_sees_their_faculty_targets_only(home, faculty_a, faculty_b, as_user):
    TargetFactory(key="inbound_exchange", year=THIS_YEAR, faculty=faculty_a, value=7)
    TargetFactory(key="outbound_exchange", year=THIS_YEAR, value=99)
    TargetFactory(key="agreements_signed", year=THIS_YEAR, faculty=faculty_b, value=5)
    page = as_user("coordinator").get(TARGETS, {"faculty": "faculty-b"})
    assert "target-inbound_exchange" in page.text
    assert "target-outbound_exchange" not in page.text
    assert "target-agreements_signed" not in page.text
    officer = as_user("officer")
    assert "target-agreements_signed" in officer.get(TARGETS, {"faculty": "faculty-b"}).text
    assert "target-outbound_exchange" in officer.get(TARGETS).text


def test_bad_addresses_get_a_message_not_an_error(home, as_user):
    client = as_user("officer")
    unknown = client.get(TARGETS, {"faculty": "no-such-faculty"})
    assert unknown.status_code == 200
    assert "There is no faculty with the code “no-such-faculty”" in unknown.text
    bad_year = client.get(TARGETS, {"year": "twenty"})
    assert bad_year.status_code == 200
    assert "“twenty” is not a year" in bad_year.text
    empty = client.get(TARGETS, {"year": "2031"})
    assert "No target is set for 2031." in empty.text


# A finished year's missed target, in each interface language (never "behind": it is over).
NOT_REACHED = {
    "uz": ("erishilmadi", "ortda"),
    "uz-cyrl": ("эришилмади", "ортда"),
    "ru": ("не достигнута", "отставание"),
    "en": ("not reached", "behind"),
}


@pytest.mark.parametrize("language", NOT_REACHED)
def test_a_finished_year_reads_not_reached_in_every_language(home, as_user, settings, language):
    TargetFactory(key="outbound_exchange", year=THIS_YEAR - 1, value=3)
    TargetFactory(key="outbound_exchange", year=THIS_YEAR, value=10**6)
    client = as_user("officer")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    missed, behind = NOT_REACHED[language]
    past = client.get(TARGETS, {"year": THIS_YEAR - 1}).text
    assert f"{missed}</span>" in past and f"{behind}</span>" not in past
    # The year under way keeps its "behind".
    current = client.get(TARGETS, {"year": THIS_YEAR}).text
    assert f"{behind}</span>" in current and f"{missed}</span>" not in current
