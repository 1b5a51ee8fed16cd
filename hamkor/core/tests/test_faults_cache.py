"""Redis out of reach: the cache answers misses (pages computed without it), a rate limit
refuses (an error, never a limit that opens), and the error page says "temporarily
unavailable" (503) with ``Retry-After``, as HTML and as JSON for the API.

A Redis address nobody listens on stands for the outage (a real refused connection); the
outage of a running server is ``tests/test_faults.py``."""

from __future__ import annotations

import json
import socket

import pytest
from django.db import OperationalError
from django.test import RequestFactory, override_settings
from django.utils import translation
from redis.exceptions import ConnectionError as RedisConnectionError

from hamkor.core import ratelimit
from hamkor.core.faults import is_outage
from hamkor.core.views.errors import server_error


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def unreachable_cache():
    location = f"redis://127.0.0.1:{closed_port()}/0"
    caches = {
        "default": {
            "BACKEND": "hamkor.core.faults.DegradingRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }
    with override_settings(CACHES=caches):
        from django.core.cache import cache

        yield cache


def test_with_redis_out_the_cache_is_a_miss_and_rate_limits_refuse(unreachable_cache):
    assert unreachable_cache.get("anything", "default") == "default"
    unreachable_cache.set("anything", 1)  # skipped, no error
    assert unreachable_cache.get_or_set("computed", lambda: 42) == 42
    with pytest.raises(RedisConnectionError):
        ratelimit.hit("login:someone", limit=5, window=60)
    with pytest.raises(RedisConnectionError):
        ratelimit.peek("login:someone", limit=5, window=60)


def raised(exc: Exception):
    try:
        raise exc
    except Exception:
        return server_error(RequestFactory().get("/staff/units/"))


@pytest.mark.parametrize(
    "exc",
    [OperationalError("connection refused"), RedisConnectionError("connection refused")],
)
def test_an_outage_is_a_translated_503_page_with_retry_after(exc):
    with translation.override("ru"):
        response = raised(exc)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert 'lang="ru"' in response.content.decode()


def test_the_api_gets_the_outage_as_json():
    try:
        raise OperationalError("server closed the connection")
    except OperationalError:
        response = server_error(RequestFactory().get("/api/v1/org-units/"))
    assert response.status_code == 503
    assert "temporarily unavailable" in json.loads(response.content)["detail"]


def test_another_error_stays_a_500():
    assert not is_outage(ValueError("a bug"))
    assert raised(ValueError("a bug")).status_code == 500


@pytest.mark.django_db
def test_a_job_whose_message_cannot_be_sent_is_not_left_queued(officer):
    """The broker out of reach (an address nobody listens on): the request's error is the
    broker's (a 503 page), and no job stays queued for a message never sent."""
    from kombu.exceptions import OperationalError as BrokerError

    from hamkor.celery import app
    from hamkor.core import jobs
    from hamkor.core.models import Job
    from hamkor.core.tasks import export_run

    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=f"redis://127.0.0.1:{closed_port()}/0", task_always_eager=False)
    app._pool = app.amqp._producer_pool = None
    try:
        job = jobs.job_create(owner=officer, kind=Job.Kind.EXPORT)
        with pytest.raises(BrokerError) as raised:
            jobs.job_send(export_run, job)
    finally:
        app.conf.update(saved)
        app._pool = app.amqp._producer_pool = None
    assert is_outage(raised.value)
    assert not Job.objects.filter(pk=job.pk).exists()
