"""Making, revoking and reading users' calendar addresses."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from hamkor.feeds.models import CalendarToken

# A calendar application asks every few minutes: the last use is written at most this often.
LAST_USED_STEP = datetime.timedelta(hours=1)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def calendar_token_create(*, user) -> str:
    """A new secret for ``user``'s feed (the previous address stops working); returned once."""
    token = secrets.token_urlsafe(32)
    CalendarToken.objects.filter(user=user).delete()
    CalendarToken.objects.create(user=user, token_hash=token_hash(token))
    return token


def calendar_token_revoke(*, user) -> bool:
    """Delete ``user``'s address; whether there was one."""
    deleted, _counts = CalendarToken.objects.filter(user=user).delete()
    return bool(deleted)


def calendar_token_user(token: str):
    """The active user whose address carries ``token``, or None."""
    found = (
        CalendarToken.objects.select_related("user")
        .filter(token_hash=token_hash(token), user__is_active=True)
        .first()
    )
    if found is None:
        return None
    now = timezone.now()
    if found.last_used_at is None or now - found.last_used_at > LAST_USED_STEP:
        CalendarToken.objects.filter(pk=found.pk).update(last_used_at=now)
    return found.user
