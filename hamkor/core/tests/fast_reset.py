"""Put the test database back as migrated after each transactional test, quickly.

A transactional test (a browser test's live server, a command in its own process) commits
its rows, so Django empties the database after it: ``flush`` empties every table, then
re-runs ``post_migrate`` (content types, permissions, the roles' groups, the grants' seeds).
That costs seconds per test: on PostgreSQL ``TRUNCATE`` gives each of a hundred tables and
their indexes new files, and on both databases the permissions and groups are written anew.
It also leaves the rows the data migrations wrote behind only when ``post_migrate`` writes
them again.

Here the worker instead keeps a copy of every table that holds rows once migrated (in the
schema ``test_baseline`` on PostgreSQL, outside the search path; as ``test_baseline__<table>``
on SQLite; neither is a model's table, so Django never sees them), and after a transactional
test deletes every row of every table and copies those back, in one transaction: each test
then starts on the database exactly as migrated, as the first test of the run did. The
foreign keys Django creates are deferred, so the order of the deletes does not matter. Tests
that ask for reset sequences or serialized rollback keep Django's own ``flush``.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connections, transaction

SCHEMA = "test_baseline"


def _tables(connection) -> list[str]:
    """The tables ``flush`` empties: those of the installed models."""
    return sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )


@dataclass(frozen=True)
class Baseline:
    tables: list[str]  # every table of the models
    kept: dict[str, str]  # those copied, that held rows: their quoted columns


def _copy(connection, table: str) -> str:
    """Where the copy of ``table`` is kept: a schema of its own on PostgreSQL; on SQLite a
    table of the same database named with the prefix (neither is a model's table)."""
    if connection.vendor == "postgresql":
        return f"{SCHEMA}.{connection.ops.quote_name(table)}"
    return connection.ops.quote_name(f"{SCHEMA}__{table}")


def snapshot(alias: str = "default") -> Baseline:
    """Copy the tables that hold rows."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    tables, kept = _tables(connection), {}
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        for table in tables:
            cursor.execute(f"DROP TABLE IF EXISTS {_copy(connection, table)}")
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")
            if cursor.fetchone()[0]:
                cursor.execute(
                    f"CREATE TABLE {_copy(connection, table)} AS SELECT * FROM {quote(table)}"
                )
                # Named, not ``*``: a migration test may put a column back elsewhere.
                cursor.execute(f"SELECT * FROM {quote(table)} LIMIT 0")
                columns = [quote(column[0]) for column in cursor.description]
                kept[table] = ", ".join(columns)
    return Baseline(tables, kept)


def restore(baseline: Baseline, alias: str = "default") -> None:
    """Empty every table and copy the migrated rows back."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    statements = [f"DELETE FROM {quote(table)}" for table in baseline.tables]
    for table, columns in baseline.kept.items():
        copy = _copy(connection, table)
        statements.append(f"INSERT INTO {quote(table)} ({columns}) SELECT {columns} FROM {copy}")
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One round trip; the foreign keys are checked at the commit.
            cursor.execute(";\n".join(["SET CONSTRAINTS ALL DEFERRED", *statements]))
        else:
            # SQLite runs one statement a call; its foreign keys are deferred as created.
            for statement in statements:
                cursor.execute(statement)
    # The content types are back under the ids the cache holds; a test may have added one.
    ContentType.objects.clear_cache()


@contextmanager
def installed(baselines: dict[str, Baseline]):
    """While open, ``TransactionTestCase`` restores these databases instead of flushing them."""
    from django.core.management import call_command
    from django.test import TransactionTestCase

    flush = TransactionTestCase._fixture_teardown

    def _fixture_teardown(self):
        if self.reset_sequences or self.serialized_rollback or self.available_apps is not None:
            return flush(self)
        for alias in self._databases_names(include_mirrors=False):
            if alias in baselines:
                restore(baselines[alias], alias)
            else:
                call_command("flush", verbosity=0, interactive=False, database=alias)
        return None

    TransactionTestCase._fixture_teardown = _fixture_teardown
    try:
        yield
    finally:
        TransactionTestCase._fixture_teardown = flush
