"""Fast bulk writes for large loads: one prepared UPDATE per set of changed fields.

Django's ``bulk_update`` builds one CASE expression per field and row; on 15,000 rows that
took most of a directory load. History is still written, one record per row.
"""

from __future__ import annotations

from django.db import connections, models, router
from simple_history.utils import bulk_update_with_history


def bulk_update(
    rows: list[models.Model], fields: list[str], *, actor, now, reason: str, batch_size: int = 1000
) -> None:
    """Write ``fields`` of ``rows`` (all of one model), then a history record of each.

    Django's ``bulk_update`` builds a CASE WHEN per row and field, about 0.3 ms each in Python:
    half a minute when the whole directory changes. One UPDATE statement run by executemany
    takes well under a second. simple-history's utility then writes the history (given no
    fields, it writes history only).
    """
    if not rows:
        return
    model = type(rows[0])
    execute_update(model, fields, [(row.pk, [getattr(row, f) for f in fields]) for row in rows])
    bulk_update_with_history(
        rows, model, [], batch_size=batch_size, default_user=actor,
        default_change_reason=reason, default_date=now,
    )  # fmt: skip


def execute_update(
    model: type[models.Model], fields: list[str], rows: list[tuple[int, list[object]]]
) -> None:
    """UPDATE ``fields`` to the given values, a (pk, values) pair per row."""
    connection = connections[router.db_for_write(model)]
    meta, quote = model._meta, connection.ops.quote_name
    columns = [meta.get_field(name) for name in fields]
    assignments = ", ".join(f"{quote(column.column)} = %s" for column in columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"
    params = [
        [c.get_db_prep_save(v, connection) for c, v in zip(columns, values, strict=True)] + [pk]
        for pk, values in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
