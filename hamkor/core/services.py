"""Writes shared by every model: saving with optimistic concurrency, deleting with care."""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Dependents:
    """What points at a record: ``blocking`` forbids deleting it, ``going`` is deleted with it
    (its own parts and attached documents, files included). Each is a list of (label, count),
    the label naming the relation when a kind of record points at it in more than one way."""

    blocking: list[tuple[str, int]]
    going: list[tuple[str, int]]


def _relation_label(relation) -> str:
    model = relation.related_model
    plural = capfirst(model._meta.verbose_name_plural)
    ways = [
        field
        for field in model._meta.get_fields()
        if field.is_relation
        and field.concrete
        and field.related_model is relation.model
        and not field.many_to_many
    ]
    if len(ways) > 1:
        return _("%(records)s as %(relation)s") % {
            "records": plural,
            "relation": relation.field.verbose_name,
        }
    return str(plural)


def dependents(instance: models.Model) -> Dependents:
    """The records that point at ``instance``, sorted into those that forbid deleting it and
    those deleted with it.

    Through ``PROTECT`` or ``RESTRICT``, a record forbids the delete. Through ``CASCADE``, a
    business record (one with a version and history) forbids it too, unless the model names
    the relation in ``owned_relations`` (an agreement's parties are part of it; an
    institution's interactions are records of their own and are never deleted silently).
    """
    from hamkor.core.models import BaseModel

    owned = set(getattr(instance, "owned_relations", ()))
    blocking, going = [], []
    for relation in instance._meta.related_objects:
        if relation.many_to_many:
            continue  # only links go: the records on the other side stay
        on_delete = relation.on_delete
        if on_delete not in (models.PROTECT, models.RESTRICT, models.CASCADE):
            continue
        count = relation.related_model._base_manager.filter(
            **{relation.field.name: instance}
        ).count()
        if not count:
            continue
        label = _relation_label(relation)
        if on_delete is models.CASCADE and (
            relation.get_accessor_name() in owned
            or not issubclass(relation.related_model, BaseModel)
        ):
            if issubclass(relation.related_model, BaseModel):
                going.append((label, count))
            continue
        blocking.append((label, count))
    documents = attached_documents(instance).count()
    if documents:
        going.append((_("Documents, with their files"), documents))
    return Dependents(blocking=blocking, going=going)


def attached_documents(instance: models.Model) -> models.QuerySet:
    from django.contrib.contenttypes.models import ContentType

    from hamkor.core.models import Document

    if isinstance(instance, Document):
        return Document.objects.none()
    return Document.objects.filter(
        content_type=ContentType.objects.get_for_model(type(instance)), object_id=instance.pk
    )


def _refusal(blocking) -> ValidationError:
    return ValidationError(
        _("It cannot be deleted while other records depend on it: %(list)s.")
        % {"list": ", ".join(f"{name}: {count}" for name, count in blocking)},
        code="protected",
    )


@transaction.atomic
def object_delete(*, instance: models.Model, actor, reason: str) -> None:
    """Delete ``instance``; refuse with a readable list when other records depend on it.

    Its attached documents go with it, and their files leave the storage once the deletion
    is committed (never before: a rolled-back delete keeps them).
    """
    blocking = dependents(instance).blocking
    if blocking:
        raise _refusal(blocking)
    for document in attached_documents(instance).prefetch_related("versions"):
        for version in document.versions.all():
            storage, name = version.file.storage, version.file.name
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
        document._history_user = actor
        document._change_reason = reason
        document.delete()
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
