"""What every step shares: the sizes per scale, the seeded draws, the batched writes."""

from __future__ import annotations

import datetime
import math
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice

from django.db import connection, models, transaction
from django.utils import timezone

BATCH = 2_000
# Ten years of records: from the start of the year nine years ago to the end of next year.
YEARS = 10
# The e-mail domain of every generated person and applicant: how the steps find their rows.
DOMAIN = "bench.example"

# The sizes at scale 1: one university's decade.
SIZES = {
    "partners": 500,
    "agreements": 2_000,
    "people": 10_000,
    "mobilities": 20_000,
    "events": 2_000,
    "participants": 20_000,
    "projects": 200,
    "receipts": 5_000,
    "foreign_students": 2_000,
    "calls": 50,
    "applications": 10_000,
}


def sizes_for(scale: float) -> dict[str, int]:
    """Each size times ``scale``, rounded up so that a small scale still has a row of each."""
    return {key: math.ceil(base * scale - 1e-9) if scale > 0 else 0 for key, base in SIZES.items()}


@dataclass
class Plan:
    """The run's parameters and what the steps tell each other (the partners, the people)."""

    scale: float
    seed: int
    today: datetime.date
    out: Callable[[str], None] = print
    sizes: dict[str, int] = field(init=False)
    shared: dict = field(default_factory=dict)

    def __post_init__(self):
        self.sizes = sizes_for(self.scale)

    @property
    def first_year(self) -> int:
        return self.today.year - YEARS + 1

    def rng(self, step: str, start: int) -> random.Random:
        """The draws of ``step`` from its ``start``-th row on: the same on every run with the
        same seed, whatever other steps drew before it."""
        return random.Random(f"{self.seed}:{step}:{start}")

    def day_in(self, rng: random.Random, first: datetime.date, last: datetime.date):
        """A day between ``first`` and ``last`` (both included)."""
        span = (last - first).days
        return first + datetime.timedelta(days=rng.randint(0, max(span, 0)))

    def decade_day(self, rng: random.Random) -> datetime.date:
        """A day of the ten years up to the end of this year."""
        return self.day_in(
            rng, datetime.date(self.first_year, 1, 1), datetime.date(self.today.year, 12, 31)
        )


def chunks(rows: Iterable, size: int = BATCH) -> Iterator[list]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


# Fields whose Python value PostgreSQL's COPY takes as it is (psycopg adapts it).
PLAIN = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.DateField,  # DateTimeField too
    models.DecimalField,
    models.FloatField,
    models.ForeignKey,  # OneToOneField too: the key
    models.AutoField,
    models.BigAutoField,
)


SIMPLE = {str, int, bool, float, Decimal, datetime.date, datetime.datetime}


def write(model, objects: Iterable) -> list:
    """Insert ``objects`` (model instances, keys unset) and answer them with their keys.

    On PostgreSQL the rows go through ``COPY`` with keys drawn from the table's sequence:
    ``bulk_create`` spends most of its time preparing each value of each row, which psycopg
    does faster for plain values. Elsewhere (SQLite, the tests) it is ``bulk_create``.
    """
    objects = list(objects)
    if not objects:
        return objects
    if connection.vendor != "postgresql":
        return model.objects.bulk_create(objects)
    from psycopg.types.json import Jsonb

    meta = model._meta
    fields = meta.concrete_fields
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(objects)],
        )
        for obj, (key,) in zip(objects, cursor.fetchall(), strict=True):
            obj.pk = key
        columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
        sql = f"COPY {connection.ops.quote_name(meta.db_table)} ({columns}) FROM STDIN"
        with cursor.cursor.copy(sql) as copy:
            for obj in objects:
                copy.write_row([_value(obj, field, now, Jsonb) for field in fields])
    for obj in objects:
        obj._state.adding = False
        obj._state.db = connection.alias
    return objects


def _value(obj, field, now, jsonb):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        obj.__dict__[field.attname] = now
        return now
    value = obj.__dict__.get(field.attname)
    if value is None:
        return None
    if isinstance(field, models.JSONField):
        return jsonb(value)
    if isinstance(field, PLAIN) and type(value) in SIMPLE:
        return value
    return field.get_db_prep_save(value, connection)


def insert(model, rows: Iterable, *, after: Callable[[list], None] | None = None) -> int:
    """Write ``rows`` (a generator) in batches, each batch in a transaction with what
    ``after`` writes for it (its children, which need the batch's keys). Answers the count."""
    written = 0
    for chunk in chunks(rows):
        with transaction.atomic():
            created = write(model, chunk)
            if after is not None:
                after(created)
        written += len(created)
    return written
