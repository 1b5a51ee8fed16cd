"""Put a PostgreSQL test database back as migrated after each transactional test, quickly.

A transactional test (a browser test's live server, a command in its own process) commits
its rows, so Django empties the database after it: ``flush`` truncates every table, then
re-runs ``post_migrate`` (content types, permissions, the roles' groups, the grants' seeds).
On PostgreSQL that costs seconds per test: ``TRUNCATE`` gives each of a hundred tables and
their indexes new files, and the permissions are written anew. It also leaves the rows the
data migrations wrote behind only when ``post_migrate`` writes them again.

Here the worker instead keeps a copy of every table that holds rows once migrated (in the
schema ``test_baseline``, outside the search path and so outside Django's sight), and after a
transactional test deletes every row of every table and copies those back, in one
transaction: each test then starts on the database exactly as migrated, as the first test
of the run did. The foreign keys Django creates are deferred, so the order of the deletes
does not matter. Tests that ask for reset sequences or serialized rollback keep Django's own
``flush``.
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


def snapshot(alias: str = "default") -> Baseline:
    """Copy the tables that hold rows into ``test_baseline``."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    tables, kept = _tables(connection), {}
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        for table in tables:
            cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {quote(table)})")
            if cursor.fetchone()[0]:
                cursor.execute(f"CREATE TABLE {SCHEMA}.{quote(table)} AS TABLE {quote(table)}")
                # Named, not ``*``: a migration test may put a column back elsewhere.
                cursor.execute(f"SELECT * FROM {quote(table)} LIMIT 0")
                columns = [quote(column.name) for column in cursor.description]
                kept[table] = ", ".join(columns)
    return Baseline(tables, kept)


def restore(baseline: Baseline, alias: str = "default") -> None:
    """Empty every table and copy the migrated rows back."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    statements = ["SET CONSTRAINTS ALL DEFERRED"]
    statements += [f"DELETE FROM {quote(table)}" for table in baseline.tables]
    for table, columns in baseline.kept.items():
        statements.append(
            f"INSERT INTO {quote(table)} ({columns}) SELECT {columns} FROM {SCHEMA}.{quote(table)}"
        )
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute(";\n".join(statements))
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
