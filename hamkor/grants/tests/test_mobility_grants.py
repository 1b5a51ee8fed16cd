"""The Erasmus+ grant on a mobility's page, a project's sum of them, and the planner.

Amounts worked by hand from the rate notes (/work/shared/erasmus/README.md, as loaded from
the project's data file): KA171 staff to a Group 2 country, 160 EUR a day for days 1-14;
travel 4000-7999 km: 820 EUR in the 2021-2023 table, 1188 EUR in the 2025 table.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest

from hamkor.grants.mobility_grant import mobility_grant, months_and_days
from hamkor.grants.tests.factories import ProjectFactory, funded, ka171
from hamkor.mobility.models import Mobility
from hamkor.mobility.tests.test_services import MobilityFactory
from hamkor.partners.tests.factories import HomeInstitutionFactory, InstitutionFactory

D = datetime.date


@pytest.fixture
def project(tables, officer):
    return funded(ProjectFactory(programme=ka171(), call_year=2023, acronym="KA171-23"))


def staff_week(project, **fields) -> Mobility:
    """7 days of teaching in Germany (Group 2), official distance 4200 km."""
    fields.setdefault("official_km", Decimal("4200"))
    if "receiving_institution" not in fields:
        fields["receiving_institution"] = InstitutionFactory(country="DE")
    return MobilityFactory(
        funding_project=project, planned_start=D(2025, 3, 3), planned_end=D(2025, 3, 9), **fields
    )


def test_the_mobility_page_shows_the_grant_at_the_project_call_year(as_user, project):
    mobility = staff_week(project)
    page = as_user("officer").get(mobility.get_absolute_url()).text
    # 820 travel (4000-7999 km, 2023 table) + 7 days x 160 = 1120: 1940 EUR.
    assert "4000-7999" in page
    assert "1,120.00 EUR" in page and "820.00 EUR" in page and "1,940.00 EUR" in page
    assert "call year 2023" in page
    assert "unverified" in page  # the staff day rates are [P]


def test_the_call_year_is_the_project_one_not_the_academic_year(project):
    project.call_year = 2025
    project.save()
    result = mobility_grant(staff_week(project)).result
    assert (result.travel, result.individual, result.total) == (
        Decimal("1188.00"),
        Decimal("1120.00"),
        Decimal("2308.00"),
    )


def test_without_official_km_the_distance_comes_from_the_coordinates(project):
    kokand = HomeInstitutionFactory()
    kokand.latitude, kokand.longitude = 40.5286, 70.9425
    kokand.save()
    berlin = InstitutionFactory(country="DE", latitude=52.52, longitude=13.405)
    mobility = staff_week(
        project, official_km=None, sending_institution=kokand, receiving_institution=berlin
    )
    grant = mobility_grant(mobility)
    assert grant.km_from_coordinates
    assert Decimal(4000) < grant.result.distance_km < Decimal(8000)
    assert grant.result.band == "4000-7999"


def test_without_coordinates_or_km_the_page_says_what_to_enter(as_user, project):
    mobility = staff_week(project, official_km=None)
    page = as_user("officer").get(mobility.get_absolute_url()).text
    assert "Enter the official calculator" in page


def test_a_project_year_without_tables_names_the_missing_rate(as_user, project):
    project.call_year = 2019
    project.save()
    page = as_user("officer").get(staff_week(project).get_absolute_url())
    assert page.status_code == 200
    assert "No Erasmus+ travel rates for call year 2019." in page.text


def test_a_long_term_student_is_paid_whole_months_plus_days(project):
    # Poland is Group 3: 800 EUR a month for KA171 students; 4 months 15 days = 3600 EUR.
    mobility = staff_week(
        project,
        kind=Mobility.Kind.STUDENT_STUDY,
        receiving_institution=InstitutionFactory(country="PL"),
    )
    mobility.planned_start, mobility.planned_end = D(2024, 9, 1), D(2025, 1, 15)
    assert months_and_days(mobility.planned_start, mobility.planned_end) == (4, 15)
    result = mobility_grant(mobility).result
    assert result.individual == Decimal("3600.00")
    assert result.travel == Decimal("820.00")


def test_a_project_without_an_erasmus_action_computes_nothing(tables):
    mobility = MobilityFactory(funding_project=funded(ProjectFactory()))
    assert mobility_grant(mobility) is None


def test_the_project_grants_page_sums_its_mobilities(as_user, project):
    staff_week(project)
    staff_week(project, official_km=Decimal("4000"))
    staff_week(project, official_km=None)  # not priced: named, left out of the sum
    page = as_user("officer").get(f"/staff/projects/{project.pk}/mobility-grants/").text
    assert "3,880.00" in page
    assert "1 mobility could not be priced" in page


def test_the_mobility_form_offers_funded_projects_and_refuses_negative_km(as_user, project):
    idea = ProjectFactory(acronym="IDEA-ONLY")
    mobility = staff_week(project)
    client = as_user("officer")
    form = client.get(f"/staff/mobilities/{mobility.pk}/edit/").text
    assert "KA171-23" in form and "IDEA-ONLY" not in form
    assert idea.pk
    from hamkor.core.testing.forms import read_form

    data = read_form(form)
    data["official_km"] = "-3"
    response = client.post(f"/staff/mobilities/{mobility.pk}/edit/", data)
    assert response.status_code == 400
    mobility.refresh_from_db()
    assert mobility.official_km == Decimal("4200")


# --- The planner -----------------------------------------------------------------------------


def plan(client, *lines, year="2023", action="KA171"):
    data = {
        "call_year": year,
        "action": action,
        "lines-TOTAL_FORMS": str(len(lines)),
        "lines-INITIAL_FORMS": "0",
    }
    for index, line in enumerate(lines):
        data.update({f"lines-{index}-{key}": value for key, value in line.items()})
    return client.post("/staff/erasmus-planner/", data)


STAFF_DE = {"participant": "staff", "count": "3", "country": "DE", "km": "4200", "days": "7"}


def test_the_planner_prices_each_line_and_the_total(as_user, tables):
    student_pl = {
        "participant": "student-long", "count": "2", "country": "PL",
        "km": "4500", "months": "5", "extra_days": "0",
    }  # fmt: skip
    response = plan(as_user("officer"), STAFF_DE, student_pl)
    assert response.status_code == 200
    text = response.text
    # 3 x 1940 = 5820; 2 x (820 travel + 5 x 800) = 9640; total 15460.
    assert "5,820.00 EUR" in text and "9,640.00 EUR" in text
    assert "15,460.00 EUR" in text
    assert "unverified" in text


def test_the_planner_names_a_missing_table_and_bad_points_without_a_500(as_user, tables):
    client = as_user("officer")
    missing = plan(client, STAFF_DE, year="2019")
    assert missing.status_code == 200
    assert "No Erasmus+ travel rates for call year 2019." in missing.text
    # Kokand to Berlin from the coordinates: 4000-7999 km, like the typed 4200 km.
    points = {**STAFF_DE, "km": "", "origin": "40.5286,70.9425", "venue": "52.52,13.405"}
    assert "5,820.00 EUR" in plan(client, points).text
    far = {**STAFF_DE, "km": "", "origin": "95,10", "venue": "40,70"}
    refused = plan(client, far)
    assert refused.status_code == 400
    assert "Latitude 95 is out of range" in refused.text
    negative = plan(client, {**STAFF_DE, "km": "-1"})
    assert negative.status_code == 400


def test_the_planner_starts_with_a_call_year_that_has_tables(as_user, tables):
    client = as_user("officer")
    page = client.get("/staff/erasmus-planner/").text
    year = re.search(r'name="call_year"[^>]*value="(\d+)"', page).group(1)

    response = plan(client, STAFF_DE, year=year)

    assert response.status_code == 200

    assert "No Erasmus+" not in response.text
    assert 'class="plan-total">0.00 EUR' not in response.text
