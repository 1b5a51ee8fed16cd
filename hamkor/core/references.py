"""Reference numbers of records: ``<prefix>-<year>-<NNN>``, one counter per prefix and year."""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from hamkor.core.models import ReferenceCounter


def reference_next(
    *, prefix: str, year: int, taken: Callable[[str], bool] = lambda reference: False
) -> str:
    """The next free number ``<prefix>-<year>-<NNN>`` (agreements, invitation letters).

    The counter row is locked, so two records saved at once never share a number; numbers
    ``taken`` already (typed in by an import) are skipped.
    """
    with transaction.atomic():
        ReferenceCounter.objects.get_or_create(prefix=prefix, year=year)
        counter = ReferenceCounter.objects.select_for_update().get(prefix=prefix, year=year)
        while True:
            counter.last += 1
            reference = f"{prefix}-{year}-{counter.last:03d}"
            if not taken(reference):
                break
        counter.save(update_fields=["last"])
    return reference
