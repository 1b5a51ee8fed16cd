"""The annual report's page, its background job and the private download of its file."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from conftest import login
from hamkor.core.models import Job
from hamkor.reports.annual import SECTIONS
from hamkor.reports.tests.annual_world import YEAR

pytestmark = pytest.mark.django_db
PAGE = "/staff/reports/annual/"


def client_of(user) -> Client:
    return login(Client(), user)


def ask(user, **fields) -> tuple:
    data = {"year": YEAR, "language": "en", "export_format": "xlsx", "faculty": ""}
    response = client_of(user).post(PAGE, {**data, **fields})
    return response, Job.objects.filter(owner=user, kind=Job.Kind.ANNUAL_REPORT).first()


def test_annual_report_page_offers_the_years_with_records(annual_world, officer):
    response = client_of(officer).get(reverse("reports:annual_report"))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<option value="{YEAR}">' in html and f'<option value="{YEAR - 1}">' in html
    assert 'name="faculty"' in html


def test_annual_report_job_runs_with_progress_and_gives_its_owner_the_file(annual_world, officer):
    response, job = ask(officer)

    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    assert job.status == Job.Status.DONE, job.reason
    assert job.total == len(SECTIONS) + 1 and job.done == job.total
    assert job.result_name == f"annual-report-{YEAR}-en.xlsx"
    page = client_of(officer).get(job.get_absolute_url())
    assert reverse("core:job_download", args=[job.pk]) in page.content.decode()
    download = client_of(officer).get(reverse("core:job_download", args=[job.pk]))
    assert download.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert "Key figures" in book.sheetnames


def test_annual_report_file_is_private_to_its_owner(annual_world, leadership, coordinator, admin):
    _response, job = ask(leadership, export_format="pdf")
    url = reverse("core:job_download", args=[job.pk])

    assert job.status == Job.Status.DONE, job.reason
    mine = client_of(leadership).get(url)
    assert mine.status_code == 200 and mine["Content-Type"] == "application/pdf"
    assert b"".join(mine.streaming_content).startswith(b"%PDF")
    # Another staff member finds nothing; who sees every job (an administrator) may.
    assert client_of(coordinator).get(url).status_code == 404
    assert client_of(admin).get(url).status_code == 200
    assert Client().get(url).status_code == 302


def test_coordinator_gets_their_faculty_report_whatever_they_post(
    annual_world, coordinator, faculty_a, faculty_b
):
    _response, job = ask(coordinator, faculty=faculty_b.pk)

    assert job.data["faculty"] == faculty_a.pk
    assert job.result_name == f"annual-report-{YEAR}-en-{faculty_a.code}.xlsx"


def test_annual_report_page_refuses_a_bad_year_with_a_message(officer):
    response, job = ask(officer, year="twenty")

    assert response.status_code == 400 and job is None
    assert "Enter a whole number." in response.content.decode()


def test_annual_report_of_a_year_without_records_is_a_finished_job(officer):
    _response, job = ask(officer, year=1990)

    assert job.status == Job.Status.DONE, job.reason


def test_annual_report_of_a_faculty_gone_meanwhile_fails_with_a_reason(officer):
    from hamkor.core import jobs
    from hamkor.reports.tasks import annual_report_run

    job = jobs.job_create(
        owner=officer,
        kind=Job.Kind.ANNUAL_REPORT,
        data={"year": YEAR, "report_language": "en", "format": "pdf", "faculty": 987654},
    )
    annual_report_run(job.pk)

    job.refresh_from_db()
    assert job.status == Job.Status.FAILED and not job.result
    assert "no longer exists" in job.reason


# The reports pages write a date one way per language, the month in words.
ONE_STYLE = {
    "uz": "7 dekabr 2026, 15:42",
    "uz-cyrl": "7 декабр 2026, 15:42",
    "ru": "7 декабря 2026, 15:42",
    "en": "7 December 2026, 15:42",
}


@pytest.mark.parametrize("language", ONE_STYLE)
def test_the_report_and_its_job_give_their_time_with_the_month_in_words(
    officer, settings, language
):
    _response, job = ask(officer, year=1990)
    started = datetime.datetime(2026, 12, 7, 10, 42, tzinfo=datetime.UTC)  # 15:42 in Tashkent
    Job.objects.filter(pk=job.pk).update(created_at=started, finished_at=started)
    client = client_of(officer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    for address in (PAGE, job.get_absolute_url()):
        html = client.get(address).content.decode()
        assert ONE_STYLE[language] in html, address
        assert "07.12.2026" not in html and "7 Dec 2026" not in html, address
