"""``record()``: one INSERT, never breaking the action it logs, yet loud about mistakes in
development and the tests; and the nightly prune."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection, transaction
from django.utils import timezone

from hamkor.security.log import record
from hamkor.security.models import SecurityEvent
from hamkor.security.services import security_events_prune
from hamkor.security.tasks import security_log_prune

pytestmark = pytest.mark.django_db

Kind = SecurityEvent.Kind


def test_record_costs_one_insert(officer, django_assert_num_queries):
    # Inside a transaction (the test's): the savepoint around the INSERT, and nothing read.
    with django_assert_num_queries(3):
        record(Kind.LOGIN, user=officer, note="first")
    assert SecurityEvent.objects.get().details == {"note": "first"}


@pytest.mark.parametrize(
    "details",
    [{"password": "x"}, {"api_token": "x"}, {"secret": "x"}, {"recovery_code": "x"}],
)
def test_record_refuses_a_secret_in_the_details(details):
    with pytest.raises(ValueError, match="no secret"):
        record(Kind.LOGIN, email="a@b.org", **details)
    assert not SecurityEvent.objects.exists()


def test_record_refuses_an_unknown_kind_loudly_in_the_tests():
    with pytest.raises(ValueError, match="unknown security event"):
        record("coffee_made")


def test_outside_strict_mode_a_mistake_is_reported_and_the_action_goes_on(settings, caplog):
    settings.HAMKOR_SECURITY_LOG_STRICT = False
    assert record(Kind.LOGIN, email="a@b.org", password="x") is None
    assert record(Kind.LOGIN, email="a@b.org", value=object()) is None
    assert "not written" in caplog.text
    assert not SecurityEvent.objects.exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's JSON refuses it")
def test_a_refused_insert_leaves_the_callers_transaction_usable(settings, officer, caplog):
    settings.HAMKOR_SECURITY_LOG_STRICT = False
    with transaction.atomic():
        # A lone surrogate: Python holds it, PostgreSQL's JSON refuses it.
        assert record(Kind.LOGIN, user=officer, note="\ud800") is None
        officer.refresh_from_db()  # the caller's transaction still answers
        assert record(Kind.LOGOUT, user=officer) is not None
    assert list(SecurityEvent.objects.values_list("kind", flat=True)) == [Kind.LOGOUT]
    assert "not written" in caplog.text


def test_an_event_of_a_rolled_back_action_goes_with_it(officer):
    with pytest.raises(RuntimeError), transaction.atomic():
        record(Kind.ROLES_CHANGED, user=officer, target=officer)
        raise RuntimeError
    assert not SecurityEvent.objects.exists()


def test_the_nightly_prune_deletes_events_past_the_retention_only(settings):
    settings.HAMKOR_SECURITY_LOG_DAYS = 30
    old = record(Kind.LOGIN, email="old@example.org")
    recent = record(Kind.LOGIN, email="recent@example.org")
    SecurityEvent.objects.filter(pk=old.pk).update(at=timezone.now() - datetime.timedelta(days=31))
    SecurityEvent.objects.filter(pk=recent.pk).update(
        at=timezone.now() - datetime.timedelta(days=29)
    )
    assert security_log_prune.delay().get() == 1
    assert list(SecurityEvent.objects.values_list("email", flat=True)) == ["recent@example.org"]
    settings.HAMKOR_SECURITY_LOG_DAYS = 0
    SecurityEvent.objects.update(at=timezone.now() - datetime.timedelta(days=5000))
    assert security_events_prune() == 0


def test_the_prune_is_scheduled_each_night(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["security-log-prune"]
    assert entry["task"] == "hamkor.security.tasks.security_log_prune"
