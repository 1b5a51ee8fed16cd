"""The annual report as a background job: asked for on its page, made by a task, downloaded
from the job's page.

The job's ``data`` holds the year, the language, the format and the faculty (an OrgUnit's
id, or none for the whole university). A coordinator's report is their faculty's whatever the
request said: the faculty is forced when the job is created and again when it runs, in case
their faculty changed in between. The job's file is private, served by the jobs' download
view to its owner and to who may see every job.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext_noop

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty
from hamkor.accounts.models import OrgUnit
from hamkor.core import jobs
from hamkor.core.models import Job
from hamkor.reports.annual import annual_report
from hamkor.reports.annual_files import filename, report_pdf, report_xlsx

FORMATS = ("pdf", "xlsx")


class FacultyRefused(Exception):
    """A coordinator without a faculty asks for a report: there is nothing they may read."""


def faculty_for(user, faculty: OrgUnit | None) -> OrgUnit | None:
    """The faculty a report asked for by ``user`` is limited to: a coordinator's own,
    whatever they chose; anyone else's choice (``None``: the whole university)."""
    own = coordinator_faculty(user)
    if own is UNLIMITED:
        return faculty
    if own is None:
        raise FacultyRefused
    return OrgUnit.objects.get(pk=own)


def annual_report_start(
    *, owner, year: int, language: str, export_format: str, faculty: OrgUnit | None
) -> Job:
    """Queue the report of ``year`` for ``owner`` and start its task."""
    from hamkor.reports.tasks import annual_report_run

    faculty = faculty_for(owner, faculty)
    job = jobs.job_create(
        owner=owner,
        kind=Job.Kind.ANNUAL_REPORT,
        data={
            "year": year,
            "report_language": language,
            "format": export_format,
            "faculty": faculty.pk if faculty else None,
        },
    )
    jobs.job_send(annual_report_run, job)
    job.refresh_from_db()
    return job


def annual_report_work(job: Job, progress: jobs.Progress) -> None:
    data = job.data
    faculty = None
    if data.get("faculty"):
        faculty = OrgUnit.objects.filter(pk=data["faculty"]).first()
        if faculty is None:
            # Never the whole university's figures in place of a faculty's.
            raise jobs.JobRefused(gettext_noop("The faculty of this report no longer exists."))
    try:
        faculty = faculty_for(job.owner, faculty)
    except FacultyRefused:
        raise jobs.JobRefused(
            gettext_noop("Your account is not linked to a faculty: ask an administrator.")
        ) from None
    # The sections, then the file: one step more than the sections.
    report = annual_report(
        year=data["year"],
        language=data["report_language"],
        faculty=faculty,
        progress=lambda done, total: progress(done, total + 1),
    )
    export_format = data["format"]
    name = filename(report, export_format)
    handle = io.BytesIO(report_pdf(report)) if export_format == "pdf" else report_xlsx(report)
    with handle:
        jobs.job_attach(job, handle=handle, name=name)
    data["filename"] = name
    progress(progress.job.total)
