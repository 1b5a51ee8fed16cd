"""Background work of the mobility app (Celery; eager when no broker is configured)."""

from celery import shared_task

from hamkor.mobility.reminders import mobility_reminders_send


@shared_task
def daily_reminders() -> dict[str, int]:
    """E-mail the reminders of guests' registrations, visas and travellers' trip reports."""
    return {"reminders": mobility_reminders_send()}
