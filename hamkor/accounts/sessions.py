"""When a logged-in session ends by itself: after a time without requests, and in any case
some hours after the login (docs/decisions/0021-headers-sessions-passwords.md).

The session keeps two timestamps (seconds since the epoch): when it was first seen logged
in, and when it last made a request. The last is written at most once a minute, so that a
busy page does not write its session on every request.
"""

from __future__ import annotations

import time

from django.conf import settings

from hamkor.accounts.roles import Role

STARTED = "hamkor_session_started"
SEEN = "hamkor_session_seen"
# Left in the emptied session, for the login page to say why it is shown.
EXPIRED = "hamkor_session_expired"
SEEN_STEP = 60


def session_idle_seconds(user) -> int:
    """How long ``user``'s session may stay without a request. An applicant (no other role)
    writes long application texts between two requests: their own, longer limit."""
    if user.roles and set(user.roles) <= {Role.APPLICANT}:
        return settings.HAMKOR_APPLICANT_IDLE_MINUTES * 60
    return settings.HAMKOR_SESSION_IDLE_MINUTES * 60


def session_start(*, session, now: float | None = None) -> None:
    """Note a login's time in its session (at the login, so that the requests after it
    write nothing)."""
    now = time.time() if now is None else now
    session[STARTED] = now
    session[SEEN] = now


def session_expired(*, session, user, now: float | None = None) -> bool:
    """Whether ``session`` has been idle too long or has lasted too long; if not, notes this
    request as its last activity."""
    now = time.time() if now is None else now
    started = session.get(STARTED)
    seen = session.get(SEEN)
    if started is None or seen is None:  # a session from before these limits
        session_start(session=session, now=now)
        return False
    if now - seen > session_idle_seconds(user) or now - started > settings.SESSION_COOKIE_AGE:
        return True
    if now - seen >= SEEN_STEP:
        session[SEEN] = now
    return False
