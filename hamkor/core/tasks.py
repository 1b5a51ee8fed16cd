"""Background work shared by every app (Celery; eager when no broker is configured)."""

from celery import shared_task

from hamkor.core.reminders import daily_jobs_run


@shared_task
def daily_reminders() -> dict[str, dict[str, int]]:
    """Every app's daily job: expiries, renewal and deadline reminders."""
    return daily_jobs_run()
