"""The daily jobs (reminders, expiries) of every app, run by one command and one task.

Each app registers its own in its ``AppConfig.ready``; ``hamkor send-reminders`` and the
Celery beat task :func:`hamkor.core.tasks.daily_reminders` run them all, in the order the
apps are installed, so that core never needs to know which apps have reminders.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DailyJob:
    name: str
    run: Callable[[], dict[str, int]]  # what it did, counted
    describe: Callable[[dict[str, int]], str]  # one line for the command's output


_JOBS: dict[str, DailyJob] = {}


def daily_job_register(
    name: str,
    run: Callable[[], dict[str, int]],
    *,
    describe: Callable[[dict[str, int]], str],
) -> None:
    """Register (or, under the same name, replace) a daily job."""
    _JOBS[name] = DailyJob(name=name, run=run, describe=describe)


def daily_jobs() -> list[DailyJob]:
    return list(_JOBS.values())


def daily_jobs_run() -> dict[str, dict[str, int]]:
    """Run every registered job; what each did, by name."""
    return {job.name: job.run() for job in daily_jobs()}
