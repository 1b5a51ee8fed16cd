"""Background work of the mobility app (Celery; eager when no broker is configured): the
daily reminders, and invitation letters in bulk (one zip of PDFs)."""

from __future__ import annotations

import tempfile
import zipfile

from celery import shared_task
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_noop

from hamkor.core import jobs
from hamkor.core.models import Job
from hamkor.mobility.letters import invitation_pdf
from hamkor.mobility.models import Mobility
from hamkor.mobility.personal import person_redact
from hamkor.mobility.reminders import mobility_reminders_send


@shared_task
def daily_reminders() -> dict[str, int]:
    """E-mail the reminders of guests' registrations, visas and travellers' trip reports."""
    return {"reminders": mobility_reminders_send()}


def letters_start(*, owner, mobility_ids: list[int]) -> Job:
    """Every issued invitation letter among ``mobility_ids``, in one zip file."""
    job = jobs.job_create(
        owner=owner,
        kind=Job.Kind.LETTERS,
        model="mobility.Mobility",
        data={"ids": sorted(mobility_ids)},
    )
    jobs.job_send(letters_run, job)
    job.refresh_from_db()
    return job


@shared_task
def letters_run(job_id: int) -> None:
    jobs.job_run(job_id, _letters)


def letters_available(queryset):
    """The mobilities of ``queryset`` that have a letter: incoming, letter issued."""
    return queryset.filter(direction=Mobility.Direction.INCOMING).exclude(invitation_reference="")


def _letters(job: Job, progress: jobs.Progress) -> None:
    # Read again within the owner's reach: a row they may no longer see is left out. Each
    # letter is the copy the owner would download from the mobility's page.
    mobilities = letters_available(
        Mobility.objects.restrict(job.owner, "view").filter(pk__in=job.data["ids"])
    ).select_related("person", "sending_institution", "receiving_institution", "home_unit")
    mobilities = list(mobilities.order_by("invitation_reference"))
    if not mobilities:
        raise jobs.JobRefused(
            gettext_noop("None of the selected mobilities has an issued invitation letter.")
        )
    progress.total(len(mobilities))
    with tempfile.TemporaryFile() as handle:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            for done, mobility in enumerate(mobilities, start=1):
                pdf = invitation_pdf(mobility, person=person_redact(mobility.person, job.owner))
                archive.writestr(f"{slugify(mobility.invitation_reference)}.pdf", pdf)
                progress(done)
        job.data["letters"] = len(mobilities)
        jobs.job_attach(
            job, handle=handle, name=f"invitation-letters-{timezone.localdate().isoformat()}.zip"
        )
