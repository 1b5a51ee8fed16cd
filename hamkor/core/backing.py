"""The settings of the services every app server shares: the database, the cache, the
sessions and the Celery broker (read by ``hamkor/settings.py``).

With several app servers nothing another server would need may stay in one process's
memory: the cache (the public pages and their generation, the rate limits' counters) and
the session cache are Redis when ``REDIS_URL`` is set; sessions are kept in PostgreSQL and
read through Redis; documents are on a shared disk or a bucket. Decision 0026 says why
each was chosen, and docs/deployment.md ("Scaling out") how to run several servers.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

SQLITE_OPTIONS = {
    # WAL lets the demo server and a management command work on the file side by side.
    "init_command": "PRAGMA journal_mode=WAL;",
    # A transaction takes the write lock when it begins (BEGIN IMMEDIATE), so two saves of one
    # record wait for each other (up to ``timeout`` seconds) instead of failing with
    # "database is locked" when a read turns into a write; the second then meets the version
    # check and gets the conflict page.
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
ENGINES = ("django.db.backends.sqlite3", "django.db.backends.postgresql")


def pool_size(value: str) -> int:
    """``HAMKOR_DB_POOL``: empty, ``off`` or ``0`` for none, else the most connections one
    process's pool opens."""
    value = value.strip().lower()
    if value in ("", "off", "0"):
        return 0
    if not value.isdigit():
        raise ImproperlyConfigured(
            "HAMKOR_DB_POOL: a number of connections per process (e.g. 8), or off"
        )
    return int(value)


def database(url_settings: dict, *, pool: int, conn_max_age: int, pgbouncer: bool) -> dict:
    """``DATABASES["default"]`` from ``DATABASE_URL``'s settings.

    PostgreSQL connections are, by ``HAMKOR_DB_POOL``: kept open between requests by each
    thread for ``HAMKOR_DB_CONN_MAX_AGE`` seconds (none: the default), or taken from a
    psycopg pool of at most ``pool`` connections per process. ``HAMKOR_DB_PGBOUNCER`` says
    the address is a pgbouncer in transaction mode (no server-side cursors then).
    """
    database = dict(url_settings)
    if database["ENGINE"] not in ENGINES:
        raise ImproperlyConfigured(
            "DATABASE_URL: use sqlite:///path or postgres://user:password@host:port/name"
        )
    if database["ENGINE"].endswith("sqlite3"):
        if pool or pgbouncer:
            raise ImproperlyConfigured("HAMKOR_DB_POOL, HAMKOR_DB_PGBOUNCER: PostgreSQL only")
        database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
        database.setdefault("CONN_MAX_AGE", 0)
        return database
    options = database.setdefault("OPTIONS", {})
    options.setdefault("connect_timeout", 5)
    if pool:
        # Django refuses persistent connections with a pool: the pool keeps them.
        database["CONN_MAX_AGE"] = 0
        # Waiting longer than this for a free connection is an outage (503), not a hang.
        options["pool"] = {"min_size": 1, "max_size": pool, "timeout": 10}
    else:
        database.setdefault("CONN_MAX_AGE", conn_max_age)
    # A connection kept between requests (or in the pool) is checked before use, so that
    # after PostgreSQL went away and came back the next request reconnects by itself
    # (docs/deployment.md, decision 0020).
    database.setdefault("CONN_HEALTH_CHECKS", True)
    if not pgbouncer:
        # The search's near misses: the word similarity a row needs (hamkor/core/search.py).
        # pgbouncer refuses this start-up parameter: behind it, set it once with ``ALTER
        # DATABASE … SET pg_trgm.word_similarity_threshold = 0.5`` (docs/search.md).
        options.setdefault("options", "-c pg_trgm.word_similarity_threshold=0.5")
    if pgbouncer:
        # A transaction-mode pooler gives each transaction any server connection: a cursor
        # kept open across transactions would be lost.
        database["DISABLE_SERVER_SIDE_CURSORS"] = True
    return database


def services(redis_url: str, broker_url: str) -> dict:
    """The cache, the sessions and Celery's broker: Redis when ``REDIS_URL`` is set (shared
    by every app server and worker), otherwise this process's memory and eager tasks (the
    embedded mode: one process)."""
    if not redis_url:
        return {
            "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
            "SESSION_ENGINE": "django.contrib.sessions.backends.db",
            "CELERY_BROKER_URL": "memory://",
            "CELERY_TASK_ALWAYS_EAGER": True,
        }
    return {
        # Redis out of reach is a cache miss (pages are computed without it); rate limits
        # stay strict (hamkor/core/faults.py). Short timeouts: an outage is noticed in seconds.
        "CACHES": {
            "default": {
                "BACKEND": "hamkor.core.faults.DegradingRedisCache",
                "LOCATION": redis_url,
                "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
            }
        },
        # Read from Redis, kept in PostgreSQL too: Redis emptied or out, sessions stay valid.
        "SESSION_ENGINE": "hamkor.accounts.session_store",
        "CELERY_BROKER_URL": broker_url or redis_url,
        "CELERY_TASK_ALWAYS_EAGER": False,
    }
