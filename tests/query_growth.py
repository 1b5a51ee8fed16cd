"""More rows like the ones a page shows, for ``tests/test_query_counts.py``.

A page whose query count grows with its rows (an N+1) shows it only when there are rows
whose relations it reads. Rather than a factory per model, the rows are *copies* of the
world's (``tests/authorization_world.py``): a copy keeps every foreign key and many-to-many
of its original and gets copies of the original's own child rows (quotas, participants,
documents...), so every column the page draws from a relation has something to read, for
each of its rows. Values that must be unique get a suffix (texts), a shift (numbers, days) or,
for a key made only of foreign keys, a copy of the row it points to.

Rows are written with ``bulk_create``: no ``save()`` hook, signal or history record, which
the pages measured do not need, and which would make the copies slower to make.
"""

from __future__ import annotations

import datetime
import itertools
import uuid

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models


def _constraint_fields(model) -> list[tuple[str, ...]]:
    """The sets of fields that must be unique together (a single unique field is one)."""
    groups = [(f.name,) for f in model._meta.concrete_fields if f.unique and not f.primary_key]
    groups += [tuple(group) for group in model._meta.unique_together]
    groups += [
        tuple(c.fields)
        for c in model._meta.constraints
        if isinstance(c, models.UniqueConstraint) and c.fields
    ]
    return groups


def _only_when_filled(model, group: tuple[str, ...]) -> bool:
    """Whether ``group`` is unique only under a condition (``ewp_ounit_id`` when not blank)."""
    return any(
        isinstance(c, models.UniqueConstraint)
        and c.condition is not None
        and tuple(c.fields) == group
        for c in model._meta.constraints
    )


_numbers = itertools.count(1)


def _shifted(field, value):
    """``value`` made different from every other copy's; None when it cannot be."""
    n = next(_numbers)
    if value is None or value == "":
        return None
    if isinstance(field, models.UUIDField):
        return uuid.uuid4()
    if isinstance(field, models.EmailField):
        return f"q{n}-{value}"[: field.max_length]
    if isinstance(field, models.CharField | models.TextField):
        suffix = f"-q{n}"
        keep = (field.max_length or 10_000) - len(suffix)
        if keep < 1:
            return None
        return f"{str(value)[:keep]}{suffix}"
    if isinstance(field, models.DateTimeField):
        return value + datetime.timedelta(seconds=n)
    if isinstance(field, models.DateField):
        return value + datetime.timedelta(days=n)
    if isinstance(field, models.IntegerField | models.DecimalField | models.FloatField):
        return value + 1000 + n
    return None


def copy_row(original, *, keep: str | None = None, **values):
    """An unsaved copy of ``original``, with ``values`` set and its unique
    values made different; ``keep`` names the foreign key to the parent, left as it is."""
    model = type(original)
    row = model(
        **{
            f.attname: getattr(original, f.attname)
            for f in model._meta.concrete_fields
            if not f.primary_key
        }
    )
    for name, value in values.items():
        setattr(row, name, value)
    for group in _constraint_fields(model):
        if any(name in values and name != keep for name in group):
            continue
        fields = [model._meta.get_field(name) for name in group]
        blank = all(getattr(row, f.attname) in ("", None) for f in fields if not f.is_relation)
        if blank and _only_when_filled(model, group):
            continue  # a blank value is outside the constraint: copies may share it
        changed = False
        for field in fields:
            if field.is_relation:
                continue
            shifted = _shifted(field, getattr(row, field.attname))
            if shifted is not None:
                setattr(row, field.attname, shifted)
                changed = True
                break
        if changed:
            continue
        for field in fields:
            target = getattr(original, field.name, None) if field.is_relation else None
            if target is not None and field.name != keep:
                setattr(row, field.name, copies(target, 1, deep=False)[0])
                break
    return row


def _children(obj):
    """``(foreign key name, rows)`` of each kind of row that points at ``obj``."""
    model = type(obj)
    for relation in model._meta.related_objects:
        related = relation.related_model
        if not relation.one_to_many or related.__name__.startswith("Historical"):
            continue
        if not related._meta.managed or related._meta.auto_created:
            continue
        rows = list(related._base_manager.filter(**{relation.field.name: obj})[:3])
        if rows:
            yield relation.field.name, rows
    for field in model._meta.private_fields:
        if isinstance(field, GenericRelation):
            rows = list(getattr(obj, field.name).all()[:3])
            if rows:
                yield None, rows


def _auto_many_to_many(obj):
    for field in type(obj)._meta.many_to_many:
        if field.remote_field.through._meta.auto_created:
            yield field.name, list(getattr(obj, field.name).all())


def copies(original, count: int, *, deep: bool = True) -> list:
    """``count`` saved copies of ``original``; with ``deep``, each with copies of the
    original's child rows and its many-to-many links."""
    model = type(original)
    made = model._base_manager.bulk_create([copy_row(original) for _n in range(count)])
    if not deep:
        return made
    links = list(_auto_many_to_many(original))
    children = list(_children(original))
    for name, targets in links:
        if targets:
            through = model._meta.get_field(name).remote_field.through
            source = f"{model._meta.model_name}_id"
            target_field = next(
                f for f in through._meta.concrete_fields if f.is_relation and f.attname != source
            )
            through._base_manager.bulk_create(
                [
                    through(**{source: row.pk, target_field.attname: target.pk})
                    for row in made
                    for target in targets
                ]
            )
    for fk_name, rows in children:
        new = []
        for row in made:
            for child in rows:
                if fk_name is None:  # a generic relation: the object's id is the key
                    new.append(copy_row(child, object_id=row.pk))
                else:
                    new.append(copy_row(child, keep=fk_name, **{fk_name: row}))
        type(rows[0])._base_manager.bulk_create(new)
    return made


def more_children(obj, count: int) -> int:
    """``count`` more copies of each kind of child row of ``obj`` (and of the rows its
    many-to-many fields link), all pointing at ``obj``; the number of rows made."""
    made = 0
    for fk_name, rows in _children(obj):
        new = []
        for n in range(1, count + 1):
            child = rows[n % len(rows)]
            if fk_name is None:
                new.append(copy_row(child, object_id=obj.pk))
            else:
                new.append(copy_row(child, keep=fk_name, **{fk_name: obj}))
        type(rows[0])._base_manager.bulk_create(new)
        made += len(new)
    for name, targets in _auto_many_to_many(obj):
        if targets:
            added = copies(targets[0], count, deep=False)
            getattr(obj, name).add(*added)
            made += len(added)
    return made
