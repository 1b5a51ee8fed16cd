"""The shared services' settings (hamkor/core/backing.py) and the sessions read through
Redis (hamkor/accounts/session_store.py): what several app servers rely on (decision 0026)."""

from __future__ import annotations

import pytest
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured
from redis.exceptions import ConnectionError as RedisConnectionError

from hamkor.accounts.session_store import SessionStore
from hamkor.core import backing
from hamkor.core.testing.scripts import bench_script

POSTGRES = {"ENGINE": "django.db.backends.postgresql", "NAME": "hamkor", "HOST": "db"}
SQLITE = {"ENGINE": "django.db.backends.sqlite3", "NAME": "/tmp/x.sqlite3"}


def test_connections_are_kept_per_thread_unless_a_pool_is_asked_for():
    kept = backing.database(POSTGRES, pool=0, conn_max_age=60, pgbouncer=False)
    assert kept["CONN_MAX_AGE"] == 60 and "pool" not in kept["OPTIONS"]
    assert kept["CONN_HEALTH_CHECKS"] is True
    pooled = backing.database(POSTGRES, pool=8, conn_max_age=60, pgbouncer=False)
    assert pooled["CONN_MAX_AGE"] == 0  # Django refuses a pool with persistent connections
    assert pooled["OPTIONS"]["pool"]["max_size"] == 8
    assert pooled["CONN_HEALTH_CHECKS"] is True  # the pool checks a connection it hands out
    behind = backing.database(POSTGRES, pool=0, conn_max_age=60, pgbouncer=True)
    assert behind["DISABLE_SERVER_SIDE_CURSORS"] is True


@pytest.mark.parametrize("value", ["", "off", "0", " OFF "])
def test_no_pool_is_zero(value):
    assert backing.pool_size(value) == 0


@pytest.mark.parametrize("value", ["many", "-1", "8.5"])
def test_a_pool_size_that_is_not_a_number_names_the_setting(value):
    with pytest.raises(ImproperlyConfigured, match="HAMKOR_DB_POOL"):
        backing.pool_size(value)


def test_a_pool_on_sqlite_is_refused():
    with pytest.raises(ImproperlyConfigured, match="PostgreSQL only"):
        backing.database(SQLITE, pool=4, conn_max_age=60, pgbouncer=False)
    assert backing.database(SQLITE, pool=0, conn_max_age=60, pgbouncer=False)["CONN_MAX_AGE"] == 0


def test_redis_carries_the_cache_the_sessions_and_the_broker():
    shared = backing.services("redis://cache:6379/0", "redis://cache:6379/1")
    assert shared["CACHES"]["default"]["LOCATION"] == "redis://cache:6379/0"
    assert shared["SESSION_ENGINE"] == "hamkor.accounts.session_store"
    assert shared["CELERY_BROKER_URL"] == "redis://cache:6379/1"
    assert shared["CELERY_TASK_ALWAYS_EAGER"] is False
    assert backing.services("redis://cache:6379/0", "")["CELERY_BROKER_URL"] == (
        "redis://cache:6379/0"
    )
    alone = backing.services("", "")
    assert alone["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert alone["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"


@pytest.fixture
def redis_out_of_reach(settings):
    """The Redis cache at an address where nothing answers."""
    port = bench_script("load").free_port()
    settings.CACHES = {
        "default": {
            "BACKEND": "hamkor.core.faults.DegradingRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    settings.SESSION_ENGINE = "hamkor.accounts.session_store"


def test_with_redis_out_sessions_are_read_from_the_database_and_none_ends_silently(
    redis_out_of_reach, db
):
    session = SessionStore()
    session["who"] = "officer"
    session.save()  # kept in PostgreSQL; the copy in Redis is skipped
    assert SessionStore(session.session_key)["who"] == "officer"
    # Ending it must reach Redis, or it would live on there: refused, nothing deleted.
    with pytest.raises(RedisConnectionError):
        SessionStore(session.session_key).flush()
    assert Session.objects.filter(session_key=session.session_key).exists()
