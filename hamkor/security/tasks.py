from celery import shared_task

from hamkor.security.services import security_events_prune


@shared_task
def security_log_prune() -> int:
    """Each night: events older than ``HAMKOR_SECURITY_LOG_DAYS`` are deleted."""
    return security_events_prune()
