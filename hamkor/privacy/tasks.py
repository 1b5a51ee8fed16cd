"""The nightly retention task (registered in ``CELERY_BEAT_SCHEDULE``)."""

from __future__ import annotations

from celery import shared_task


@shared_task
def retention_nightly() -> dict:
    """Apply the register's retention rules; the run's counts are on the retention page."""
    from hamkor.privacy.retention import retention_apply

    return retention_apply().counts
