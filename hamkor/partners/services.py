"""Writes about institutions: merging duplicates; and the similarity check before creating."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from hamkor.core.models import Document
from hamkor.core.services import object_save
from hamkor.partners.directory import normalise_name
from hamkor.partners.models import Institution, Interaction

# Fields copied from the duplicate when the institution kept has them blank.
MERGE_FILL = (
    "name_uz",
    "name_ru",
    "name_en",
    "acronym",
    "city",
    "latitude",
    "longitude",
    "website",
    "email_domains",
    "erasmus_code",
    "pic",
    "schac_code",
    "ror_id",
    "notes",
    "directory_key",
    "owner",
)


def institutions_similar(
    *, name: str, country: str = "", exclude_pk: int | None = None, limit: int = 5
) -> list[tuple[Institution, int]]:
    """Existing institutions whose name resembles ``name`` (in the same country if given),
    with a score from 0 to 100, best first. Shown before saving a new one."""
    from rapidfuzz import fuzz, process

    wanted = normalise_name(name)
    if not wanted:
        return []
    candidates = Institution.objects.all()
    if country:
        candidates = candidates.filter(country=country)
    if exclude_pk:
        candidates = candidates.exclude(pk=exclude_pk)
    names = {}
    for pk, *spellings in candidates.values_list("pk", "name", "name_en", "name_uz", "name_ru"):
        for spelling in spellings:
            if spelling:
                names[(pk, spelling)] = normalise_name(spelling)
    found = process.extract(
        wanted, names, scorer=fuzz.token_sort_ratio, score_cutoff=85, limit=limit * 4
    )
    best: dict[int, int] = {}
    for _normalised, score, (pk, _spelling) in found:
        best[pk] = max(best.get(pk, 0), round(score))
    ranked = sorted(best.items(), key=lambda item: -item[1])[:limit]
    institutions = Institution.objects.in_bulk([pk for pk, _score in ranked])
    return [(institutions[pk], score) for pk, score in ranked]


@transaction.atomic
def institution_merge(*, keep: Institution, duplicate: Institution, actor) -> Institution:
    """Move every record pointing at ``duplicate`` to ``keep``, fill ``keep``'s blanks from it,
    and delete ``duplicate``. Both histories keep the merge.

    Relations are found through the model's metadata, so records of apps added later
    (mobilities, events, grants) move too. Where ``keep`` already has the same row (the same
    ranking edition, the same agreement), the duplicate's row is dropped.
    """
    if keep.pk == duplicate.pk:
        raise ValidationError(_("Choose two different institutions."))
    if duplicate.is_home:
        raise ValidationError(_("The home university cannot be merged into another one."))
    keep = Institution.objects.select_for_update().get(pk=keep.pk)
    duplicate = Institution.objects.select_for_update().get(pk=duplicate.pk)
    for relation in duplicate._meta.related_objects:
        if relation.related_model.__module__.startswith("simple_history") or getattr(
            relation.related_model, "instance_type", None
        ):
            continue  # historical records keep pointing at what was true then
        if relation.many_to_many:
            continue  # Agreement.institutions goes through AgreementParty, moved below
        _move_related(relation, keep=keep, duplicate=duplicate, actor=actor)
    _move_documents(keep=keep, duplicate=duplicate)
    for field in MERGE_FILL:
        if getattr(keep, field) in ("", None) and getattr(duplicate, field) not in ("", None):
            setattr(keep, field, getattr(duplicate, field))
    # The directory key and identifiers are unique: free them before saving ``keep``.
    Institution.objects.filter(pk=duplicate.pk).update(directory_key="", erasmus_code="", pic="")
    if keep.partnership == Institution.Partnership.NONE:
        keep.partnership = duplicate.partnership
    object_save(
        instance=keep, actor=actor, reason=f"partners.institution.merged:{duplicate.pk}"[:100]
    )
    duplicate.refresh_from_db()
    duplicate._history_user = actor
    duplicate._change_reason = f"partners.institution.merged_into:{keep.pk}"
    duplicate.delete()
    return keep


def _move_related(relation, *, keep: Institution, duplicate: Institution, actor) -> None:
    model = relation.related_model
    field = relation.field.name
    rows = model._base_manager.filter(**{field: duplicate})
    unique_sets = [
        set(constraint.fields)
        for constraint in model._meta.constraints
        if isinstance(constraint, models.UniqueConstraint) and field in constraint.fields
    ] + [set(fields) for fields in model._meta.unique_together if field in fields]
    for row in rows:
        clash = any(
            model._base_manager.filter(
                **{field: keep}, **{name: getattr(row, name) for name in fields - {field}}
            ).exists()
            for fields in unique_sets
        )
        row._history_user = actor
        row._change_reason = "partners.institution.merged"
        if clash or (relation.one_to_one and model._base_manager.filter(**{field: keep}).exists()):
            row.delete()
        else:
            setattr(row, field, keep)
            row.save()


def _move_documents(*, keep: Institution, duplicate: Institution) -> None:
    Document.objects.filter(
        content_type=ContentType.objects.get_for_model(Institution), object_id=duplicate.pk
    ).update(object_id=keep.pk)


@transaction.atomic
def interaction_follow_up_done(*, interaction: Interaction, actor) -> Interaction:
    """Mark the follow-up of ``interaction`` done; once (a second call changes nothing)."""
    interaction = Interaction.objects.select_for_update().get(pk=interaction.pk)
    if interaction.follow_up_on is None:
        raise ValidationError(_("This contact has no follow-up to mark done."))
    if interaction.follow_up_done:
        return interaction
    interaction.follow_up_done = True
    return object_save(
        instance=interaction, actor=actor, reason="partners.interaction.follow_up_done"
    )
