"""``record()``: the one way anything writes to the security log.

Rules (docs/decisions/0017-security-log.md):

- it never breaks the action it logs: a failure to write is reported to the ``hamkor.security``
  logger and the action goes on. Inside a transaction the INSERT runs in a savepoint, so a
  failed write cannot abort the caller's transaction;
- but a mistake in the call (an unknown kind, a secret in the details, a value JSON cannot
  hold) raises where ``HAMKOR_SECURITY_LOG_STRICT`` is on (development and the tests), so a
  programming error is found, never swallowed;
- it costs one INSERT: the user, the address and the record are read from what the caller
  already holds, never queried.

An event inside a transaction that rolls back goes with it: what did not happen is not logged.
"""

from __future__ import annotations

import contextvars
import ipaddress
import logging

from django.conf import settings
from django.db import DatabaseError, connection, models, transaction

from hamkor.core.client_ip import client_ip
from hamkor.security.models import SecurityEvent

logger = logging.getLogger("hamkor.security")

Kind = SecurityEvent.Kind

# Words a detail's name may not contain: the log holds no secret.
SECRET_WORDS = ("password", "token", "secret", "key", "otp", "code")

# The address of the request being served, for events recorded by a service that is not
# given the request (a second factor's change, an API token's use); set by
# ``SecurityAddressMiddleware``. Only the address: the acting user is always an argument.
current_address: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "security_address", default=None
)


class SecurityAddressMiddleware:
    """Keeps the client's address for the security log while a request is served."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_address.set(client_ip(request) or None)
        try:
            return self.get_response(request)
        finally:
            current_address.reset(token)


def record(kind: str, *, request=None, user=None, target=None, email: str = "", **details):
    """Log one ``kind`` event; answer it, or None when it could not be written.

    ``user`` defaults to the request's logged-in user; ``email`` is the address typed when
    there is no user (a failed login). ``target`` is the record concerned; ``details`` are
    plain JSON values.
    """
    try:
        event = _event(kind, request=request, user=user, target=target, email=email, **details)
        if connection.in_atomic_block:
            with transaction.atomic():
                event.save(force_insert=True)
        else:
            event.save(force_insert=True)
        # A copy for the server's own logs (journald, syslog), which outlive the database.
        logger.info(
            "%s user=%r address=%s record=%s:%s %s",
            kind,
            event.email or "-",
            event.address or "-",
            event.object_type or "-",
            event.object_id or "-",
            event.details,
        )
        return event
    except DatabaseError:
        # The database refused or is gone: the action itself decides what happens to it.
        logger.exception("security log: %s not written", kind)
        if _strict():
            raise
        return None
    except Exception:
        logger.exception("security log: %s not written (a mistake in the call)", kind)
        if _strict():
            raise
        return None


def _strict() -> bool:
    return bool(getattr(settings, "HAMKOR_SECURITY_LOG_STRICT", settings.DEBUG))


def _event(kind, *, request, user, target, email, **details) -> SecurityEvent:
    if kind not in Kind.values:
        raise ValueError(f"unknown security event {kind!r}")
    secret = [name for name in details if any(word in name.lower() for word in SECRET_WORDS)]
    if secret:
        raise ValueError(f"security log details may hold no secret: {', '.join(secret)}")
    if user is None and request is not None:
        user = getattr(request, "user", None)
    if user is not None and not user.is_authenticated:
        user = None
    address = client_ip(request) if request is not None else current_address.get()
    event = SecurityEvent(
        kind=kind,
        user_id=user.pk if user is not None else None,
        email=_text(user.email if user is not None else email or "")[:254],
        address=_valid_address(address),
        details=_plain(details),
    )
    if isinstance(target, models.Model):
        event.object_type = target._meta.label_lower
        event.object_id = str(target.pk)
        event.object_repr = _text(str(target))[:200]
    return event


def _text(value: str) -> str:
    """Typed text as PostgreSQL stores it: a NUL character (a hostile login name) dropped."""
    return value.replace("\x00", "")


def _plain(value):
    """``value`` with every text made storable (``_text``), nested lists and dicts too."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return {_text(str(name)): _plain(item) for name, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _valid_address(text: str | None) -> str | None:
    """The address if it is one (a Unix socket's server gives none)."""
    try:
        return str(ipaddress.ip_address(text)) if text else None
    except ValueError:
        return None


def roles_of(user) -> list[str]:
    """The user's roles, sorted, as a detail of an event (``user.roles`` is cached)."""
    return sorted(user.roles) if user is not None and user.is_authenticated else []
