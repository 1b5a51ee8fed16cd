"""Sessions kept in PostgreSQL and read through Redis (``SESSION_ENGINE`` when ``REDIS_URL``
is set; decision 0026).

Django's cached-database sessions: a request reads its session from Redis, shared by every
app server, and falls back to the database on a miss (Redis emptied, restarted, or out of
reach: the cache degrades, ``hamkor.core.faults``), so sessions outlive Redis. Writes go to
the database, then to Redis.

One change: ending a session (a logout, an expired session, the key changed at a login)
removes it from Redis *strictly*, before the database. With Redis out of reach the request
fails as any that needs an unavailable service (503, nothing changed) instead of leaving the
session readable in Redis, where it would live on when Redis comes back.
"""

from __future__ import annotations

from django.contrib.sessions.backends.cached_db import SessionStore as CachedDbStore
from django.contrib.sessions.backends.db import SessionStore as DbStore

from hamkor.core.faults import strict_cache


class SessionStore(CachedDbStore):
    def delete(self, session_key=None):
        key = session_key if session_key is not None else self.session_key
        if key is not None:
            strict_cache().delete(self.cache_key_prefix + key)
        DbStore.delete(self, session_key)

    async def adelete(self, session_key=None):
        key = session_key if session_key is not None else self.session_key
        if key is not None:
            await strict_cache().adelete(self.cache_key_prefix + key)
        await DbStore.adelete(self, session_key)
