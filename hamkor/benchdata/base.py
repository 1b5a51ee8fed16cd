"""What every step shares: the sizes per scale, the seeded draws, the batched writes."""

from __future__ import annotations

import datetime
import math
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.db import transaction

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


def insert(model, rows: Iterable, *, after: Callable[[list], None] | None = None) -> int:
    """Write ``rows`` (a generator) in batches, each batch in a transaction with what
    ``after`` writes for it (its children, which need the batch's keys). Answers the count."""
    written = 0
    for chunk in chunks(rows):
        with transaction.atomic():
            created = model.objects.bulk_create(chunk)
            if after is not None:
                after(created)
        written += len(created)
    return written
