"""Writes shared by every model: saving with optimistic concurrency, deleting with care."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from hamkor.core.dates import format_datetime


class StaleObjectError(ValidationError):
    """The record changed after the user opened it; ``current`` is the record as stored."""

    def __init__(self, message: str, *, current: models.Model):
        super().__init__(message, code="stale")
        self.current = current


def last_change(instance: models.Model) -> tuple[str, str]:
    """Who changed ``instance`` last and when, as text for a message."""
    record = instance.history.select_related("history_user").first()
    if record is None:
        return "", ""
    who = str(record.history_user) if record.history_user else _("somebody")
    return who, format_datetime(record.history_date)


@transaction.atomic
def object_save(
    *,
    instance: models.Model,
    actor,
    reason: str,
    expected_version: int | None = None,
) -> models.Model:
    """Validate and save ``instance``, recording ``actor`` and ``reason`` in its history.

    With ``expected_version`` (the version an edit form was opened at) the save is refused
    with :class:`StaleObjectError` when somebody else has saved the record since.
    """
    model = type(instance)
    if instance.pk is not None and model._base_manager.filter(pk=instance.pk).exists():
        current = model._base_manager.select_for_update().get(pk=instance.pk)
        if expected_version is not None and current.version != expected_version:
            who, when = last_change(current)
            raise StaleObjectError(
                _(
                    "%(who)s changed this record at %(when)s, after you opened it. "
                    "Your changes are kept below and were not saved: compare them with the "
                    "stored values and save again to replace them."
                )
                % {"who": who, "when": when},
                current=current,
            )
        instance.version = current.version + 1
    instance.full_clean()
    instance._history_user = actor
    instance._change_reason = reason
    instance.save()
    return instance


def dependents(instance: models.Model) -> list[tuple[str, int]]:
    """The kinds and numbers of records that point at ``instance`` and forbid deleting it."""
    found = []
    for relation in instance._meta.related_objects:
        if relation.on_delete not in (models.PROTECT, models.RESTRICT):
            continue
        accessor = relation.get_accessor_name()
        if relation.one_to_one:
            count = int(
                relation.related_model._default_manager.filter(
                    **{relation.field.name: instance}
                ).exists()
            )
        else:
            count = getattr(instance, accessor).count()
        if count:
            found.append((str(capfirst(relation.related_model._meta.verbose_name_plural)), count))
    return found


@transaction.atomic
def object_delete(*, instance: models.Model, actor, reason: str) -> None:
    """Delete ``instance``; refuse with a readable list when other records depend on it."""
    blocking = dependents(instance)
    if blocking:
        raise ValidationError(
            _("It cannot be deleted while other records depend on it: %(list)s.")
            % {"list": ", ".join(f"{name} ({count})" for name, count in blocking)},
            code="protected",
        )
    instance._history_user = actor
    instance._change_reason = reason
    try:
        instance.delete()
    except (ProtectedError, RestrictedError) as exc:
        raise ValidationError(
            _("It cannot be deleted while other records depend on it: %(list)s.")
            % {"list": ", ".join(sorted({str(o._meta.verbose_name) for o in exc.args[1]}))},
            code="protected",
        ) from exc
