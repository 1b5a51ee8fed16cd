"""Background jobs run eagerly (no broker, as in ``make demo`` and here): a large export, an
import checked and applied by a job, the progress page and who may open it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from hamkor.accounts.models import OrgUnit
from hamkor.core import jobs
from hamkor.core.models import ImportJob, Job
from hamkor.core.tests.test_importing import GOOD_ROWS, xlsx
from hamkor.partners.tests.factories import InstitutionFactory

LIST = "/staff/institutions/"
IMPORT = "/staff/units/import/"


@pytest.fixture
def institutions(db):
    return [
        InstitutionFactory(name=f"University {n}", country="DE", partnership="active")
        for n in range(3)
    ]


def download(client, job: Job):
    return client.get(reverse("core:job_download", kwargs={"pk": job.pk}))


def test_an_export_larger_than_the_inline_limit_becomes_a_downloadable_job(
    as_user, settings, institutions
):
    settings.HAMKOR_EXPORT_INLINE_MAX = 2
    client = as_user("officer")

    response = client.get(LIST, {"export": "csv", "q": "University"}, follow=True)

    job = Job.objects.get()
    assert (job.kind, job.status, job.done, job.total) == ("export", "done", 3, 3)
    assert response.redirect_chain[-1][0] == job.get_absolute_url()
    assert "Download" in response.text and "100%" in response.text
    file = download(client, job)
    assert file.status_code == 200
    assert file["Cache-Control"] == "private, no-store"
    assert file["Content-Disposition"].startswith('attachment; filename="institutions-')
    lines = b"".join(file.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 4  # the header and the three institutions
    assert sorted(line.split(",")[0] for line in lines[1:]) == [
        "University 0", "University 1", "University 2",
    ]  # fmt: skip


def test_an_export_within_the_limit_stays_a_direct_download(as_user, settings, institutions):
    settings.HAMKOR_EXPORT_INLINE_MAX = 3
    response = as_user("officer").get(LIST, {"export": "csv"})
    assert response.status_code == 200 and response.streaming
    assert not Job.objects.exists()


def test_another_users_job_does_not_exist_for_them(as_user, settings, institutions, officer):
    settings.HAMKOR_EXPORT_INLINE_MAX = 2
    as_user("officer").get(LIST, {"export": "xlsx"})
    job = Job.objects.get(owner=officer)
    page = reverse("core:job_detail", kwargs={"pk": job.pk})

    # Leadership may export institutions too, but not read the officer's file.
    assert as_user("leadership").get(page).status_code == 404
    assert download(as_user("leadership"), job).status_code == 404
    assert page not in as_user("leadership").get(reverse("core:job_list")).text
    # Administrators follow every job and may fetch its file.
    assert as_user("admin").get(page).status_code == 200
    assert download(as_user("admin"), job).status_code == 200


def test_the_progress_partial_polls_while_the_job_runs_and_stops_when_done(as_user, officer):
    job = jobs.job_create(owner=officer, kind=Job.Kind.EXPORT, model="partners.Institution")
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, done=40, total=100)
    client = as_user("officer")
    url = reverse("core:job_detail", kwargs={"pk": job.pk})

    running = client.get(url, headers={"HX-Request": "true"})
    assert 'hx-trigger="every 1s"' in running.text
    assert 'aria-valuenow="40"' in running.text
    assert "<html" not in running.text  # the partial alone

    Job.objects.filter(pk=job.pk).update(status=Job.Status.DONE, done=100)
    done = client.get(url, headers={"HX-Request": "true"})
    assert "hx-trigger" not in done.text
    assert 'aria-valuenow="100"' in done.text


def test_a_job_is_run_once_whatever_the_number_of_deliveries(officer):
    job = jobs.job_create(owner=officer, kind=Job.Kind.EXPORT)
    runs = []
    jobs.job_run(job.pk, lambda job, progress: runs.append(job.pk))
    jobs.job_run(job.pk, lambda job, progress: runs.append(job.pk))
    assert runs == [job.pk]
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.finished_at is not None


def test_a_failure_keeps_its_reason_untranslated_and_shows_it(as_user, officer):
    job = jobs.job_create(owner=officer, kind=Job.Kind.EXPORT)

    def refuse(job, progress):
        raise jobs.JobRefused("The file is empty.")

    jobs.job_run(job.pk, refuse)
    job.refresh_from_db()
    assert (job.status, job.message) == ("failed", "The file is empty.")
    page = as_user("officer").get(job.get_absolute_url())
    assert "The file is empty." in page.text and "Failed" in page.text


def test_an_unexpected_error_fails_the_job_without_a_500(officer):
    job = jobs.job_create(owner=officer, kind=Job.Kind.EXPORT)

    def crash(job, progress):
        raise RuntimeError("disk on fire")

    jobs.job_run(job.pk, crash)
    job.refresh_from_db()
    assert job.status == Job.Status.FAILED
    assert "unexpected error" in job.reason and "disk on fire" not in job.reason


# --- Imports through a job (as with a real worker) -----------------------------------------


@pytest.fixture
def background(monkeypatch):
    """The import view as with Redis configured; Celery itself still runs the task here."""
    monkeypatch.setattr(jobs, "in_background", lambda: True)


def test_a_checked_import_shows_its_preview_on_the_job_page_then_applies(as_user, home, background):
    client = as_user("officer")
    response = client.post(IMPORT, {"file": xlsx(GOOD_ROWS[:1])}, follow=True)

    job = Job.objects.get()
    assert (job.kind, job.status, job.data["phase"]) == ("import", "done", "check")
    assert "1 row read" in response.text and "1 to create, 0 to update" in response.text
    assert "Faculty of History" in response.text  # the row itself, not only counts
    assert "Apply the import" in response.text
    assert not OrgUnit.objects.filter(code="hist").exists()

    applied = client.post(IMPORT, {"job": job.import_job.pk}, follow=True)
    assert "Import applied: 1 created, 0 updated." in applied.text
    assert OrgUnit.objects.filter(code="hist").exists()
    assert ImportJob.objects.get().status == ImportJob.Status.APPLIED


def test_a_failing_import_job_applies_nothing_and_shows_its_reason(as_user, home, background):
    client = as_user("officer")
    client.post(IMPORT, {"file": xlsx([GOOD_ROWS[0], GOOD_ROWS[0]])})
    checked = Job.objects.get()
    assert checked.status == "done"  # each row is valid on its own

    response = client.post(IMPORT, {"job": checked.import_job.pk}, follow=True)

    applying = Job.objects.latest("pk")
    assert applying.status == Job.Status.FAILED
    assert "Row 3" in response.text and "Nothing was applied" in response.text
    assert not OrgUnit.objects.filter(code="hist").exists()
    assert ImportJob.objects.get().status == ImportJob.Status.REJECTED


def test_an_import_that_fails_half_way_leaves_no_row_behind(as_user, home, background, monkeypatch):
    from hamkor.accounts.views import OrgUnitImportView

    def save_one_then_refuse(self, rows, actor):
        OrgUnit.objects.create(institution=home, code="half", kind="faculty", name_uz="Yarim")
        raise ValidationError("The second row is refused.")

    monkeypatch.setattr(OrgUnitImportView, "apply_rows", save_one_then_refuse)
    client = as_user("officer")
    client.post(IMPORT, {"file": xlsx(GOOD_ROWS[:1])})
    response = client.post(IMPORT, {"job": ImportJob.objects.get().pk}, follow=True)

    assert Job.objects.latest("pk").status == Job.Status.FAILED, response.text
    assert "The second row is refused." in response.text
    assert not OrgUnit.objects.filter(code__in=["half", "hist", "hist-ww"]).exists()


def test_an_unreadable_file_fails_its_check_with_the_reason(as_user, home, background):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("units.xlsx", b"PK\x03\x04 not really a zip")
    response = as_user("officer").post(IMPORT, {"file": upload}, follow=True)
    assert Job.objects.get().status == Job.Status.FAILED
    assert "The file cannot be imported" in response.text
    assert "not a readable .xlsx file" in response.text


def test_a_large_preview_keeps_fifty_rows_and_every_count(as_user, home, background):
    rows = [[f"u{n}", "faculty", f"Fakultet {n}", "", "", None, "true"] for n in range(120)]
    response = as_user("officer").post(IMPORT, {"file": xlsx(rows)}, follow=True)
    job = Job.objects.get()
    assert (job.done, job.total) == (120, 120)
    assert "120 rows read" in response.text and "The first 50 rows as read" in response.text
    assert "Fakultet 49" in response.text and "Fakultet 50" not in response.text


def test_an_upload_applied_twice_is_applied_once(as_user, home, background):
    from hamkor.core.tasks import import_run

    client = as_user("officer")
    client.post(IMPORT, {"file": xlsx(GOOD_ROWS[:1])})
    upload = ImportJob.objects.get()
    client.post(IMPORT, {"job": upload.pk})
    applied = Job.objects.latest("pk")
    # The same apply queued again (a double click, a message sent twice) finds it taken.
    again = jobs.job_create(
        owner=applied.owner, kind=Job.Kind.IMPORT, import_job=upload, data=applied.data
    )
    import_run(again.pk)

    again.refresh_from_db()
    assert (applied.status, again.status) == (Job.Status.DONE, Job.Status.FAILED)
    assert again.reason == "This import is no longer available."
    assert OrgUnit.objects.filter(code="hist").count() == 1
