"""Writes of the workbench: remembering a user's visits to their home page."""

from __future__ import annotations

import datetime

from django.utils import timezone

from hamkor.workbench.models import FIRST_VISIT_LOOKBACK, SAME_VISIT, HomeVisit


def home_visit_record(*, user, now: datetime.datetime | None = None) -> datetime.datetime:
    """Record a visit of ``user`` to the home page; answer when the previous visit was."""
    now = now or timezone.now()
    visit = HomeVisit.objects.filter(user=user).first()
    if visit is None:
        previous = now - FIRST_VISIT_LOOKBACK
        HomeVisit.objects.create(user=user, seen_at=now, previous_at=previous)
        return previous
    if now - visit.seen_at > SAME_VISIT:
        visit.previous_at, visit.seen_at = visit.seen_at, now
        visit.save(update_fields=["previous_at", "seen_at"])
    return visit.previous_at
