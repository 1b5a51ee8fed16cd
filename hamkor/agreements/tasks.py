"""Background work of the agreements app (Celery; eager when no broker is configured)."""

from celery import shared_task

from hamkor.agreements.services import agreement_reminders_send, agreements_expire_due


@shared_task
def daily_reminders() -> dict[str, int]:
    """Expire or auto-renew agreements past their end, then send renewal reminders."""
    result = agreements_expire_due()
    result["reminders"] = agreement_reminders_send()
    return result
