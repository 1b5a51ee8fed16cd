"""Indexes for what the staff lists filter and sort by (decision 0025).

Each column a list filters or sorts by gets a B-tree index, so that the first page of a
sorted list is read from the index instead of sorting the whole table, and a filter reads
the rows it keeps (``tests/test_list_indexes.py`` checks that every list's filters and
sortable columns have one). A B-tree serves a sort both ways: ``-date`` and ``date``.
"""

from __future__ import annotations

from django.db import models

MAX_NAME = 30  # Django's limit for an index name


def column_indexes(prefix: str, *columns: str | tuple[str, ...]) -> list[models.Index]:
    """One index a column (or a tuple of columns, for a sort with its tie-breaker), named
    ``<prefix>_<columns>`` cut to Django's 30 characters; Django refuses a duplicate name."""
    indexes = []
    for column in columns:
        fields = [column] if isinstance(column, str) else list(column)
        name = "_".join([prefix, *(field.lstrip("-") for field in fields)])[:MAX_NAME]
        indexes.append(models.Index(fields=fields, name=name.rstrip("_")))
    return indexes
