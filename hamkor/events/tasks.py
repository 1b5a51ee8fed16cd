"""Background work of the events app: certificates in bulk for all participants of the
chosen events, each sent by e-mail, and all of them in one zip file for the office."""

from __future__ import annotations

import tempfile
import zipfile

from celery import shared_task
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_noop

from hamkor.core import jobs
from hamkor.core.models import Job
from hamkor.events.certificates import (
    certificate_filename,
    certificate_issue,
    certificate_pdf,
    certificate_send,
)
from hamkor.events.models import Event
from hamkor.events.selectors import certificates_pending


def certificates_start(*, owner, event_ids: list[int]) -> Job:
    """Certificates for every confirmed participant of the events ``event_ids``."""
    job = jobs.job_create(
        owner=owner,
        kind=Job.Kind.CERTIFICATES,
        model="events.Event",
        data={"ids": sorted(event_ids)},
    )
    jobs.job_send(certificates_run, job)
    job.refresh_from_db()
    return job


@shared_task
def certificates_run(job_id: int) -> None:
    jobs.job_run(job_id, _certificates)


def _certificates(job: Job, progress: jobs.Progress) -> None:
    # Read again within the owner's reach: events they may no longer change are left out.
    events = Event.objects.restrict(job.owner, "change").filter(pk__in=job.data["ids"])
    participants = certificates_pending(events.values_list("pk", flat=True))
    if not participants:
        raise jobs.JobRefused(
            gettext_noop("None of the selected events we organised has confirmed participants.")
        )
    progress.total(len(participants))
    sent = 0
    with tempfile.TemporaryFile() as handle:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            for done, participant in enumerate(participants, start=1):
                participant = certificate_issue(participant=participant, actor=job.owner)
                pdf = certificate_pdf(participant)
                sent += certificate_send(participant=participant, actor=job.owner, pdf=pdf)
                folder = slugify(str(participant.event))[:60] or str(participant.event_id)
                archive.writestr(f"{folder}/{certificate_filename(participant)}", pdf)
                progress(done)
        job.data.update(certificates=len(participants), sent=sent)
        jobs.job_attach(
            job, handle=handle, name=f"certificates-{timezone.localdate().isoformat()}.zip"
        )
