"""The nightly HEMIS sync (Celery beat; see ``CELERY_BEAT_SCHEDULE``)."""

from celery import shared_task
from django.conf import settings

from hamkor.hemis.services import hemis_sync


@shared_task
def hemis_sync_nightly() -> dict[str, int]:
    """Sync when HEMIS is configured; an installation without it does nothing."""
    if not (settings.HEMIS_BASE_URL and settings.HEMIS_TOKEN):
        return {}
    report = hemis_sync(actor=None)
    return {f"{kind}_{outcome}": number for (kind, outcome), number in report.counts.items()}
