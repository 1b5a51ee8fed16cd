"""Background work of the grants app (Celery; eager when no broker is configured)."""

from celery import shared_task

from hamkor.grants.reminders import project_reminders_send
from hamkor.grants.services import exchange_rates_fetch


@shared_task
def rates_fetch() -> dict[str, object]:
    """Store today's Central Bank rates (the beat schedule runs it every morning)."""
    result = exchange_rates_fetch(actor=None)
    return {"date": result.date.isoformat(), "written": result.written}


@shared_task
def daily_reminders() -> dict[str, int]:
    """Remind responsible officers of the reports their projects owe soon."""
    return {"reminders": project_reminders_send()}
