"""Background work of the reports app: the annual report's file (PDF or workbook)."""

from __future__ import annotations

from celery import shared_task

from hamkor.core import jobs
from hamkor.reports.annual_job import annual_report_work


@shared_task
def annual_report_run(job_id: int) -> None:
    jobs.job_run(job_id, annual_report_work)
