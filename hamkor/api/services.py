"""Writes about API tokens: issuing, revoking, and noting when one was used."""

from __future__ import annotations

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from hamkor.api.models import ApiToken, key_digest, new_key
from hamkor.security.log import Kind, record

# ``last_used_at`` is written at most this often, not on every request.
LAST_USED_STEP = timedelta(minutes=1)
# A user's active tokens: enough for every tool they run, few enough to review.
MAX_TOKENS = 20


def api_token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token of ``user`` named ``name``, and its plain key (to be shown once)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name.")})
    if ApiToken.objects.filter(user=user, revoked_at=None).count() >= MAX_TOKENS:
        raise ValidationError(
            {"name": _("You have %(count)s tokens: revoke one first.") % {"count": MAX_TOKENS}}
        )
    key = new_key()
    token = ApiToken(user=user, name=name, hint=key[:8], digest=key_digest(key))
    token.full_clean()
    token.save()
    record(Kind.API_TOKEN_CREATED, user=user, target=token)
    return token, key


def api_token_revoke(*, token: ApiToken) -> ApiToken:
    """Revoke ``token``: it no longer authenticates; its row stays, for the record."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(Kind.API_TOKEN_REVOKED, user=token.user, target=token)
    return token


def api_tokens_revoke_all(*, user) -> int:
    """Revoke every active token of ``user`` (their password changed); how many."""
    return ApiToken.objects.filter(user=user, revoked_at=None).update(revoked_at=timezone.now())


def api_token_user(key: str):
    """The active user of the unrevoked token ``key``, or None. Notes the use, at most once
    a minute per token (a request is not worth a write), and in the security log the first
    use in each clock hour (read from the time of the last use: no query of its own)."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=key_digest(key), revoked_at=None)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    last = token.last_used_at
    new_hour = last is None or _hour(last) != _hour(now)
    if new_hour or now - last >= LAST_USED_STEP:
        # Written at the first use of an hour too, so that the next request finds it.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    if new_hour:
        record(Kind.API_TOKEN_USED, user=token.user, target=token)
    return token.user


def _hour(moment):
    return moment.replace(minute=0, second=0, microsecond=0)
