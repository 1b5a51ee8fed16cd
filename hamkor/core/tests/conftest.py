"""A migrated SQLite database file for the tests that hand a database to processes of their
own (a real Celery worker, ``hamkor restore`` on the other engine), made once per worker and
copied by each test, instead of a ``hamkor migrate`` per test (decision 0016)."""

from __future__ import annotations

import sqlite3

import pytest


@pytest.fixture(scope="session")
def migrated_sqlite(django_db_setup, django_db_blocker, tmp_path_factory):
    """On SQLite, a copy of the worker's own test database as migrated (taken between tests,
    when it holds what the migrations wrote and nothing else); on PostgreSQL, ``hamkor
    migrate`` into a new file, in a process of its own, once."""
    from django.db import connection

    from hamkor.core.testing.scripts import run_hamkor

    folder = tmp_path_factory.mktemp("migrated-sqlite")
    path = folder / "hamkor.sqlite3"
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        with django_db_blocker.unblock():
            connection.ensure_connection()
            assert not connection.in_atomic_block, "taken while a test's transaction is open"
            copy = sqlite3.connect(path)
            connection.connection.backup(copy)
            copy.close()
    else:
        # Every migration: minutes on a loaded machine (over 300 s at a load average of 10).
        result = run_hamkor(f"sqlite:///{path}", folder, "migrate", "--noinput", timeout=1200)
        assert result.returncode == 0, result.stderr
    return path
