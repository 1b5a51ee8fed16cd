"""Trigram indexes for the search box, on PostgreSQL only.

The search (``SearchFilterSet``) looks words up with ``icontains``, which PostgreSQL runs as
``UPPER(column::text) LIKE UPPER('%word%')``: a B-tree cannot serve a pattern that starts with
``%``, a trigram GIN index on that very expression can. SQLite has no trigram operator class;
there the operation does nothing and the search scans, as before.

A ``search_text`` column (see :mod:`hamkor.core.search`) holds a normalised form already and
is compared with ``contains`` (``column::text LIKE '%word%'``): its index is built with
``upper=False`` on that expression.
"""

from __future__ import annotations

from django.db import migrations


def _index_name(table: str, column: str) -> str:
    return f"{table}_{column}_trgm"[:63]


class AddTrigramIndexes(migrations.operations.base.Operation):
    """Create (PostgreSQL: ``pg_trgm`` and one GIN index a column) or drop, in migrations."""

    reduces_to_sql = True
    reversible = True

    def __init__(self, table: str, columns: list[str], upper: bool = True):
        self.table = table
        self.columns = list(columns)
        self.upper = upper

    def state_forwards(self, app_label, state):
        pass  # the indexes are the database's business; the models do not change

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for column in self.columns:
            expression = f'UPPER("{column}"::text)' if self.upper else f'"{column}"::text'
            schema_editor.execute(
                f'CREATE INDEX IF NOT EXISTS "{_index_name(self.table, column)}" '
                f'ON "{self.table}" USING gin (({expression}) gin_trgm_ops)'
            )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        for column in self.columns:
            schema_editor.execute(f'DROP INDEX IF EXISTS "{_index_name(self.table, column)}"')

    def describe(self):
        return f"Trigram indexes on {self.table} ({', '.join(self.columns)}), PostgreSQL only"

    def deconstruct(self):
        kwargs = {"table": self.table, "columns": self.columns}
        if not self.upper:
            kwargs["upper"] = False
        return (self.__class__.__qualname__, [], kwargs)
