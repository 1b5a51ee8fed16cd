"""Long work in the background: start a job, run it once, report its progress.

A view creates a :class:`~hamkor.core.models.Job` with :func:`job_create` and hands its id
to a Celery task (:func:`job_send`); the task calls :func:`job_run` with the work to
do. Without a broker (``make demo``) Celery runs the task inside the request, so the user
lands on a finished job; with Redis a worker runs it and the job's page polls its progress.

The work receives the job and a :class:`Progress`; it raises :class:`JobRefused` (or a
``ValidationError``) to fail with a reason the user can act on. Whatever it wrote to the
database in its own transaction is then rolled back by the work itself: an import applies
all or nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext_noop
from kombu.exceptions import OperationalError as BrokerError

from hamkor.core.models import Job

logger = logging.getLogger(__name__)

UNEXPECTED = gettext_noop(
    "The work stopped on an unexpected error. Nothing was changed; the administrators can "
    "read the details in the server's log."
)
REFUSED = gettext_noop("%(reason)s")


class JobRefused(Exception):
    """The work cannot be done; ``message`` is a message id, translated when shown."""

    def __init__(self, message: str, **params):
        super().__init__(message)
        self.message = message
        self.params = params


def in_background() -> bool:
    """Whether tasks go to a worker (Redis configured) rather than run in the request."""
    from hamkor.celery import app

    return not app.conf.task_always_eager


def job_create(*, owner, kind: str, model: str = "", data: dict | None = None, **fields) -> Job:
    """A queued job of ``owner``'s, in the language the owner is using now."""
    return Job.objects.create(
        owner=owner,
        kind=kind,
        model=model,
        data=data or {},
        language=translation.get_language() or settings.LANGUAGE_CODE,
        **fields,
    )


def job_send(task, job: Job) -> None:
    """Queue ``task`` for ``job``. When the broker cannot be reached the job is deleted
    before the error goes on (the request answers "temporarily unavailable"): no job is
    left waiting for a message that was never sent."""
    try:
        task.delay(job.pk)
    except BrokerError:
        Job.objects.filter(pk=job.pk).delete()
        raise


class Progress:
    """Writes how far the work got, at most every ``EVERY`` items or ``SECONDS`` seconds,
    so that a long loop costs a few updates, not one per row."""

    EVERY = 100
    SECONDS = 1.0

    def __init__(self, job: Job):
        self.job = job
        self._written = 0
        self._at = time.monotonic()

    def total(self, total: int) -> None:
        self.job.total = total
        Job.objects.filter(pk=self.job.pk).update(total=total)

    def __call__(self, done: int, total: int | None = None) -> None:
        if total is not None and total != self.job.total:
            self.total(total)
        self.job.done = done
        now = time.monotonic()
        if (
            done - self._written >= self.EVERY
            or now - self._at >= self.SECONDS
            or done == self.job.total
        ):
            Job.objects.filter(pk=self.job.pk).update(done=done)
            self._written, self._at = done, now

    def counted(self, items: Iterable) -> Iterator:
        """``items`` passed through, counting each."""
        for done, item in enumerate(items, start=1):
            yield item
            self(done)


LOCK_SPACE = 0x4A4F42  # "JOB": the first key of the advisory locks of running jobs


@contextmanager
def _running(job_id: int) -> Iterator[bool]:
    """Whether this process may run job ``job_id`` now: on PostgreSQL, a session lock held
    while the work runs. The server releases it when the connection dies with its worker,
    so a job found "running" whose lock is free was abandoned mid-way, its transaction
    rolled back; a job whose lock is held is being run by a live worker."""
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_SPACE, job_id])
        ours = cursor.fetchone()[0]
    try:
        yield ours
    finally:
        if ours and connection.connection is not None and connection.is_usable():
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_SPACE, job_id])


def job_run(job_id: int, work: Callable[[Job, Progress], None]) -> Job | None:
    """Run ``work`` for the queued job ``job_id``; a job already taken is left alone.

    Claiming the job is one conditional update, so a message delivered twice (a retry, a
    worker lost and replaced) runs the work once. Messages are acknowledged when the task
    ends (``CELERY_TASK_ACKS_LATE``): a worker lost mid-task leaves its job "running" with
    nothing applied (the work writes in one transaction), and the message delivered again
    runs it anew, on PostgreSQL where the lock of :func:`_running` tells an abandoned job
    from one still being run.
    """
    with _running(job_id) as ours:
        if not ours:
            return None
        claimable = [Job.Status.QUEUED]
        if connection.vendor == "postgresql":
            claimable.append(Job.Status.RUNNING)
        claimed = Job.objects.filter(pk=job_id, status__in=claimable).update(
            status=Job.Status.RUNNING, started_at=timezone.now()
        )
        if not claimed:
            return None
        return _run(job_id, work)


def _run(job_id: int, work: Callable[[Job, Progress], None]) -> Job:
    job = Job.objects.select_related("owner", "import_job").get(pk=job_id)
    try:
        with translation.override(job.language):
            work(job, Progress(job))
    except JobRefused as exc:
        return _fail(job, exc.message, exc.params)
    except ValidationError as exc:
        return _fail(job, REFUSED, {"reason": " ".join(exc.messages)})
    except Exception:
        logger.exception("Background job %s (%s) failed", job.pk, job.kind)
        return _fail(job, UNEXPECTED, {})
    job.status = Job.Status.DONE
    job.done = max(job.done, job.total)
    job.finished_at = timezone.now()
    job.save(
        update_fields=[
            "status", "done", "total", "data", "result", "result_name", "finished_at",
        ]
    )  # fmt: skip
    return job


def _fail(job: Job, message: str, params: dict) -> Job:
    job.status = Job.Status.FAILED
    job.message, job.message_params = message, params
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "message_params", "data", "finished_at"])
    return job


def job_attach(job: Job, *, handle, name: str) -> None:
    """Keep the open file ``handle`` as the job's result, downloaded as ``name``."""
    handle.seek(0)
    job.result.save(name, File(handle), save=False)
    job.result_name = name
