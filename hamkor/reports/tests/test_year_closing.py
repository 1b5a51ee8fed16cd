"""Closing a year keeps what was reported; reopening is the administrator's, with a reason."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hamkor.reports.indicator_services import (
    university_year_close,
    university_year_delete,
    university_year_reopen,
    university_year_save,
)
from hamkor.reports.indicators import indicator_years, reported_values
from hamkor.reports.models import UniversityYear
from hamkor.reports.tests.indicator_factories import UniversityYearFactory, agreement, partner

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def closed_2024(home, officer):
    agreement(partner(), signed=D(2023, 5, 1))
    record = UniversityYearFactory(year=2024, students_total=5000, international_students=50)
    return university_year_close(record=record, actor=officer, today=D(2025, 2, 1))


def test_closing_keeps_every_indicator_and_its_inputs(closed_2024, officer):
    record = closed_2024
    assert record.closed_by == officer and record.closed_at is not None
    assert record.snapshot["values"]["partner_institutions"] == {"value": "1", "missing": ""}
    assert record.snapshot["values"]["international_students_share"]["value"] == "1.0"
    assert record.snapshot["inputs"]["students_total"] == 5000
    assert record.history.first().history_change_reason == "reports.universityyear.closed"


def test_corrections_after_closing_do_not_rewrite_the_closed_year(closed_2024, officer, as_user):
    agreement(partner(), signed=D(2024, 2, 1))  # an agreement of 2024 entered late
    record = closed_2024
    record.students_total = 10000
    university_year_save(record=record, actor=officer)

    [computed] = indicator_years([2024])
    assert computed.values["partner_institutions"].value == 2
    assert reported_values(computed)["partner_institutions"].value == 1
    assert str(reported_values(computed)["international_students_share"].value) == "1.0"

    page = as_user("leadership").get(reverse("reports:indicators"))
    row = page.text.split('class="indicator-partner_institutions"')[1].split("</tr>")[0]
    assert "now: 2" in " ".join(row.split())
    assert "closed on" in page.text


def test_only_an_ended_year_may_be_closed_and_only_once(home, officer, closed_2024):
    current = UniversityYearFactory(year=2025)
    with pytest.raises(ValidationError, match="once it has ended"):
        university_year_close(record=current, actor=officer, today=D(2025, 12, 31))
    with pytest.raises(ValidationError, match="closed already"):
        university_year_close(record=closed_2024, actor=officer, today=D(2025, 2, 1))


def test_reopening_needs_a_reason_and_drops_the_snapshot(closed_2024, admin):
    with pytest.raises(ValidationError):
        university_year_reopen(record=closed_2024, actor=admin, reason="  ")
    record = university_year_reopen(
        record=closed_2024, actor=admin, reason="The ministry corrected the totals"
    )
    assert not record.is_closed and record.snapshot == {} and record.closed_by is None
    assert record.reopen_reason == "The ministry corrected the totals"
    assert record.history.first().history_change_reason == "reports.universityyear.reopened"
    # The snapshot stays readable in the history.
    assert record.history.all()[1].snapshot["values"]


def test_a_closed_year_is_not_deleted(closed_2024, officer):
    with pytest.raises(ValidationError, match="reopen it"):
        university_year_delete(record=closed_2024, actor=officer)
    assert UniversityYear.objects.filter(pk=closed_2024.pk).exists()


def test_the_officer_closes_from_the_page(home, as_user):
    record = UniversityYearFactory(year=2024)
    url = reverse("reports:universityyear_close", kwargs={"pk": record.pk})
    officer = as_user("officer")
    assert "Close the year" in officer.get(record.get_absolute_url()).text
    assert officer.get(url).status_code == 200
    response = officer.post(url)
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.is_closed
    assert "Closed on" in officer.get(record.get_absolute_url()).text


def test_closing_is_refused_to_readers(home, as_user):
    record = UniversityYearFactory(year=2024)
    url = reverse("reports:universityyear_close", kwargs={"pk": record.pk})
    for persona in ("coordinator", "leadership"):
        assert as_user(persona).post(url).status_code == 403
        assert "Close the year" not in as_user(persona).get(record.get_absolute_url()).text
    record.refresh_from_db()
    assert not record.is_closed


def test_only_an_administrator_reopens(closed_2024, as_user):
    url = reverse("reports:universityyear_reopen", kwargs={"pk": closed_2024.pk})
    assert as_user("officer").post(url, {"reason": "Typo"}).status_code == 403
    admin = as_user("admin")
    refused = admin.post(url, {"reason": ""})
    assert refused.status_code == 400 and "This field is required" in refused.text
    assert admin.post(url, {"reason": "Typo in the totals"}).status_code == 302
    closed_2024.refresh_from_db()
    assert not closed_2024.is_closed
