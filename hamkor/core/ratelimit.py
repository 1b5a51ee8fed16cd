"""A fixed-window rate limit on Django's cache, shared by every app server.

The cache is local memory in the embedded mode (one process) and Redis in production, so
the count is the same whichever server answers. Limits per client address take their key
from :func:`hamkor.core.client_ip.client_network`: an IPv6 client counts as its /64.
"""

from __future__ import annotations

import hashlib
import time

from hamkor.core.faults import strict_cache


def _window(key: str, window: int) -> tuple[str, int]:
    """The cache name of ``key``'s current window, and the seconds until that window ends."""
    now = int(time.time())
    start = now - now % window
    # Keys may hold e-mail addresses: hashed, they are safe for every cache backend and
    # do not sit readable in Redis.
    name = "hamkor:rl:" + hashlib.sha256(f"{key}|{window}|{start}".encode()).hexdigest()
    return name, max(1, start + window - now)


def hit(key: str, limit: int, window: int) -> int | None:
    """Count one use of ``key``; ``None`` while within ``limit`` uses per ``window`` seconds.

    Beyond the limit the answer is the number of seconds until the window ends (at least 1).
    Windows are fixed, so a caller who keeps trying does not push that end further.
    """
    cache = strict_cache()  # Redis out: an error (503), never a limit that opens
    name, remaining = _window(key, window)
    # add() is atomic: only the first use of a window creates the counter.
    if cache.add(name, 1, timeout=window + 1):
        count = 1
    else:
        try:
            count = cache.incr(name)
        except ValueError:  # expired between add() and incr()
            cache.add(name, 1, timeout=window + 1)
            count = 1
    return None if count <= limit else remaining


def peek(key: str, limit: int, window: int) -> int | None:
    """Without counting: ``None`` while ``key`` has uses left in its window, else the
    seconds until the window ends (for limits on failures, counted only when they happen)."""
    cache = strict_cache()
    name, remaining = _window(key, window)
    return None if (cache.get(name) or 0) < limit else remaining
