"""Writes about the security log itself: only the nightly prune of old events."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone

from hamkor.security.models import SecurityEvent


def security_events_prune(*, days: int | None = None) -> int:
    """Delete the events older than ``days`` (``HAMKOR_SECURITY_LOG_DAYS``); answer how many.

    The one deletion of events there is: by age, for all alike, never one by one.
    """
    days = settings.HAMKOR_SECURITY_LOG_DAYS if days is None else days
    if days <= 0:
        return 0  # 0 keeps every event
    cutoff = timezone.now() - datetime.timedelta(days=days)
    deleted, _ = SecurityEvent.objects.filter(at__lt=cutoff).delete()
    return deleted
