"""Two people saving one record at the same moment on the embedded SQLite database.

Both opened the record at version 1. Without ``BEGIN IMMEDIATE`` both transactions read,
then the second one's write fails with "database is locked" (a 500); with it, the second
waits for the first to commit, reads version 2 and is refused as stale (the 409 page).
"""

from __future__ import annotations

import threading

import pytest
from django.conf import settings
from django.db import OperationalError, connections, transaction

ALIAS = "sqlite_locking"


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    configured = connections.configure_settings(
        {
            "default": {"ENGINE": "django.db.backends.dummy"},
            ALIAS: {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(tmp_path / "locking.sqlite3"),
                "OPTIONS": dict(settings.SQLITE_OPTIONS),
            },
        }
    )
    connections.settings[ALIAS] = configured[ALIAS]
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE record (id INTEGER PRIMARY KEY, version INTEGER)")
            cursor.execute("INSERT INTO record VALUES (1, 1)")
        yield
        connections[ALIAS].close()
    del connections.settings[ALIAS]


def save(expected_version: int, *, has_read: threading.Event, other_read: threading.Event):
    """The shape of ``object_save``: read the stored version, compare, write."""
    try:
        with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
            cursor.execute("SELECT version FROM record WHERE id = 1")
            (version,) = cursor.fetchone()
            has_read.set()
            # Give the other save the chance to read too: it only can without the lock.
            other_read.wait(timeout=0.5)
            if version != expected_version:
                return "stale"
            cursor.execute("UPDATE record SET version = version + 1 WHERE id = 1")
        return "saved"
    except OperationalError as exc:
        return str(exc)
    finally:
        has_read.set()
        connections[ALIAS].close()


def test_two_simultaneous_saves_give_one_save_and_one_conflict(file_database):
    first_read, second_read = threading.Event(), threading.Event()
    results = {}

    def first():
        results["first"] = save(1, has_read=first_read, other_read=second_read)

    def second():
        first_read.wait(timeout=10)  # start once the first save holds its transaction
        results["second"] = save(1, has_read=second_read, other_read=threading.Event())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert results == {"first": "saved", "second": "stale"}


def test_the_embedded_database_begins_writing_transactions_at_once():
    assert settings.SQLITE_OPTIONS["transaction_mode"] == "IMMEDIATE"
    assert settings.SQLITE_OPTIONS["timeout"] >= 5
