"""Background work of partners: the world directory loaded from the staff pages."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

from celery import shared_task
from django.conf import settings
from django.utils.translation import gettext_noop

from hamkor.core import jobs
from hamkor.core.models import Job
from hamkor.partners.directory import DirectoryFileError, directory_load, directory_match
from hamkor.partners.management.commands.load_directory import (
    pick_files,
    write_ambiguous,
    write_skipped,
)

STEPS = 3  # read and match the lists, write the institutions, write the review files


def directory_load_start(*, owner) -> Job:
    """Load the lists of ``HAMKOR_DATA_DIR`` as ``hamkor load-directory --from`` does."""
    job = jobs.job_create(
        owner=owner, kind=Job.Kind.DIRECTORY, model="partners.Institution", total=STEPS
    )
    jobs.job_send(directory_load_run, job)
    job.refresh_from_db()
    return job


@shared_task
def directory_load_run(job_id: int) -> None:
    jobs.job_run(job_id, _directory_load)


def _directory_load(job: Job, progress: jobs.Progress) -> None:
    folder = Path(settings.HAMKOR_DATA_DIR) if settings.HAMKOR_DATA_DIR else None
    try:
        if folder is None or not folder.is_dir():
            raise DirectoryFileError(f"{folder or 'HAMKOR_DATA_DIR'}: no such directory")
        files = pick_files(list(folder.iterdir()), folder=folder)
        result = directory_match(files=files)
    except DirectoryFileError as exc:
        raise jobs.JobRefused(
            gettext_noop("The directory lists cannot be read: %(reason)s"), reason=str(exc)
        ) from exc
    progress(1)
    summary = directory_load(result=result, year=files.year, actor=job.owner)
    progress(2)
    job.data.update(
        created=summary.created,
        updated=summary.updated,
        unchanged=summary.unchanged,
        ambiguous=summary.ambiguous,
        skipped=len(summary.skipped),
    )
    # What staff review afterwards, as the command writes it: ambiguities and skipped rows.
    with tempfile.TemporaryDirectory() as folder_out, tempfile.TemporaryFile() as handle:
        work = Path(folder_out)
        write_ambiguous(
            path=work / "ambiguous.csv", ambiguous=[*result.ambiguous, *summary.ambiguities]
        )
        write_skipped(path=work / "skipped.csv", skipped=summary.skipped)
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as archive:
            for name in ("ambiguous.csv", "skipped.csv"):
                archive.write(work / name, arcname=name)
        jobs.job_attach(job, handle=handle, name="directory-review.zip")
    progress(3)
