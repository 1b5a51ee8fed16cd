"""Background work shared by every app (Celery; eager when no broker is configured).

The tasks take a job's id and run it through :func:`hamkor.core.jobs.job_run`, which runs
a job once whatever the number of deliveries.
"""

from __future__ import annotations

import pickle

from celery import shared_task
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.module_loading import import_string
from django.utils.translation import gettext_noop

from hamkor.core import exporting, importing, jobs
from hamkor.core.models import ImportJob, Job
from hamkor.core.reminders import daily_jobs_run


@shared_task
def nightly_backup() -> str:
    """Tonight's archive of every record and file (``hamkor backup``), older ones rotated."""
    from django.conf import settings

    from hamkor.core.backup import nightly_backup as write

    return str(write(settings.BACKUP_DIR, settings.BACKUP_KEEP))


@shared_task
def daily_reminders() -> dict[str, dict[str, int]]:
    """Every app's daily job: expiries, renewal and deadline reminders."""
    return daily_jobs_run()


# --- Exports -------------------------------------------------------------------------------


def export_start(*, owner, export_class: type, queryset, export_format: str) -> Job:
    """Export ``queryset`` (already restricted and ordered for ``owner``) in the background.

    The query is kept pickled, as Django documents for re-running a queryset elsewhere: the
    task reads exactly the rows, filters and order the list had.
    """
    job = jobs.job_create(
        owner=owner,
        kind=Job.Kind.EXPORT,
        model=queryset.model._meta.label,
        data={
            "format": export_format,
            "export": f"{export_class.__module__}.{export_class.__qualname__}",
        },
        payload=pickle.dumps(queryset.query),
    )
    jobs.job_send(export_run, job)
    job.refresh_from_db()
    return job


@shared_task
def export_run(job_id: int) -> None:
    jobs.job_run(job_id, _export)


def _export(job: Job, progress: jobs.Progress) -> None:
    model = apps.get_model(job.model)
    queryset = model._base_manager.all()
    queryset.query = pickle.loads(bytes(job.payload))  # written by export_start only
    export = import_string(job.data["export"])(job.owner)
    progress.total(queryset.count())
    export_format = job.data["format"]
    handle = exporting.export_file(
        export=export,
        rows=progress.counted(export.rows(queryset)),
        model=model,
        export_format=export_format,
    )
    with handle:
        jobs.job_attach(job, handle=handle, name=exporting.filename(model, export_format))


# --- Imports -------------------------------------------------------------------------------


def import_start(*, view, import_job: ImportJob, phase: str) -> Job:
    """Check (``phase="check"``) or apply (``"apply"``) an upload in the background.

    ``view`` is the model's ``BulkImportView``: the task builds one of its class to validate
    the rows with the same form and apply them with the same ``apply_rows`` hook.
    """
    view_class = type(view)
    job = jobs.job_create(
        owner=view.request.user,
        kind=Job.Kind.IMPORT,
        model=view.model._meta.label,
        import_job=import_job,
        data={
            "phase": phase,
            "view": f"{view_class.__module__}.{view_class.__qualname__}",
            "url": view.request.path,
            "filename": import_job.filename,
        },
    )
    jobs.job_send(import_run, job)
    job.refresh_from_db()
    return job


NO_LONGER_AVAILABLE = gettext_noop("This import is no longer available.")


def _previewed(import_job: ImportJob):
    return ImportJob.objects.filter(pk=import_job.pk, status=ImportJob.Status.PREVIEWED)


@shared_task
def import_run(job_id: int) -> None:
    jobs.job_run(job_id, _import)


def _import(job: Job, progress: jobs.Progress) -> None:
    """Validate the upload, keep its preview; on ``apply``, save every row or none."""
    import_job = job.import_job
    if job.data["phase"] == "apply" and not _previewed(import_job).exists():
        raise jobs.JobRefused(NO_LONGER_AVAILABLE)
    request = HttpRequest()
    request.user = job.owner
    view = import_string(job.data["view"])()
    view.request, view.progress = request, progress
    try:
        result = view.validate(bytes(import_job.content), keep_rows=job.data["phase"] == "apply")
    except importing.ImportFileError as exc:
        import_job.status = ImportJob.Status.REJECTED
        import_job.save(update_fields=["status"])
        raise jobs.JobRefused(
            gettext_noop("The file cannot be imported: %(reason)s"), reason=exc.message
        ) from exc
    job.data["preview"] = importing.preview_data(result)
    import_job.rows_total = result.total
    import_job.rows_rejected = result.rejected_count
    if job.data["phase"] == "check":
        import_job.status = ImportJob.Status.PREVIEWED
        import_job.save(update_fields=["status", "rows_total", "rows_rejected"])
        return
    try:
        # The upload is taken by one apply job, in the rows' transaction: a second click
        # waits and finds it applied; a worker lost mid-way leaves it previewed, untouched.
        with transaction.atomic():
            if not _previewed(import_job).update(status=ImportJob.Status.APPLIED):
                raise jobs.JobRefused(NO_LONGER_AVAILABLE)
            created, updated = importing.apply(
                result=result, actor=job.owner, apply_rows=view.apply_rows
            )
            import_job.status = ImportJob.Status.APPLIED
            import_job.rows_created, import_job.rows_updated = created, updated
            import_job.save(
                update_fields=[
                    "status", "rows_total", "rows_rejected", "rows_created", "rows_updated",
                ]
            )  # fmt: skip
    except ValidationError as exc:
        import_job.status = ImportJob.Status.REJECTED
        import_job.save(update_fields=["status", "rows_total", "rows_rejected"])
        raise jobs.JobRefused(
            gettext_noop("Nothing was applied: %(reason)s"), reason=" ".join(exc.messages)
        ) from exc
    job.data.update(created=created, updated=updated)
