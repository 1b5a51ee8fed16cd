"""What the site does when PostgreSQL or Redis is out of reach.

A request that meets such an outage gets a short "temporarily unavailable" answer (503 with
``Retry-After``): a page drawn from a plain template that needs neither the database nor
the cache, or JSON under ``/api/``. Every write runs in a transaction, so the request that
met the outage changed nothing; Django opens a new connection on the next request
(``CONN_HEALTH_CHECKS``), so the service resumes by itself when the server is back.

The cache degrades instead (:class:`DegradingRedisCache`): with Redis out, pages are computed
without it. Rate limits read it through :func:`strict_cache`, so that they refuse (503)
rather than silently let everything through. Decision 0020.
"""

from __future__ import annotations

import logging
from functools import cached_property

from django.core.cache import cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_AFTER = 30  # seconds a client is asked to wait
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError)
OUTAGES = (OperationalError, InterfaceError, BrokerError, *REDIS_DOWN)


def is_outage(exc: BaseException | None) -> bool:
    """Whether ``exc`` (or what caused it) says a server we need is out of reach."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, OUTAGES):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def unavailable_message() -> str:
    return _(
        "The service is temporarily unavailable. Nothing was changed by this request; "
        "please try again in a minute."
    )


def unavailable_response(request) -> HttpResponse:
    """The 503 answer: JSON for the API, else the plain page, in the request's language."""
    message = unavailable_message()
    if request.path_info.startswith("/api/") or "json" in request.headers.get("Accept", ""):
        response = JsonResponse({"detail": message}, status=503)
    else:
        response = HttpResponse(
            loader.get_template("503.html").render({"message": message}), status=503
        )
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response


class DegradingRedisCache(RedisCache):
    """Django's Redis cache, for which Redis being out of reach is a miss: a read answers
    the default, a write is skipped, and the page is computed as without a cache.

    ``incr`` stays strict (a counter that cannot count must not say "zero"); so does
    everything read through :attr:`strict`.
    """

    def _degrade(self, method: str, default, *args, **kwargs):
        try:
            return getattr(super(), method)(*args, **kwargs)
        except REDIS_DOWN as exc:
            logger.warning("Cache unavailable (%s): %s skipped", exc.__class__.__name__, method)
            return default

    def get(self, key, default=None, version=None):
        return self._degrade("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._degrade("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._degrade("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._degrade("set", None, key, value, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._degrade("add", False, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._degrade("set_many", list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._degrade("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._degrade("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._degrade("delete_many", None, keys, version)

    @cached_property
    def strict(self) -> RedisCache:
        """The same cache without the degrading: Redis being out raises."""
        return RedisCache(self._servers, {"OPTIONS": self._options, "KEY_PREFIX": self.key_prefix})


def strict_cache():
    """The cache for what must not open when Redis is out (rate limits): it raises."""
    return getattr(cache, "strict", cache)
