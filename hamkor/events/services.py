"""Writes about events, their participants and publications; imports of both lists.

Every rule of a participant lives here: a person (or an e-mail) is at an event once, a
registration respects the capacity and the waiting list, a cancellation promotes the first
one waiting. Public registration is in :mod:`hamkor.events.registration`, certificates in
:mod:`hamkor.events.certificates`; both end here.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hamkor.core import importing
from hamkor.core.services import object_save
from hamkor.events.doi import doi_normalise
from hamkor.events.models import Event, Participant, Publication
from hamkor.events.selectors import places_taken


@transaction.atomic
def event_save(
    *, event: Event, actor, expected_version: int | None = None, reason: str = ""
) -> Event:
    created = event.pk is None
    return object_save(
        instance=event,
        actor=actor,
        expected_version=expected_version,
        reason=reason or ("events.event.created" if created else "events.event.edited"),
    )


def participant_duplicate(participant: Participant) -> Participant | None:
    """Another participant of the same event who is the same person: the same registry
    person, or the same e-mail, or (typed in without either) the same name. Cancelled
    registrations do not count."""
    if not participant.event_id:
        return None
    others = (
        Participant.objects.filter(event_id=participant.event_id)
        .exclude(registration=Participant.Registration.CANCELLED)
        .exclude(pk=participant.pk)
    )
    same = Q(pk__in=[])
    if participant.person_id:
        same |= Q(person_id=participant.person_id)
    email = participant.contact_email.strip()
    if email:
        same |= Q(email__iexact=email) | Q(person__email__iexact=email)
    if not participant.person_id and not email and participant.name.strip():
        same |= Q(name__iexact=participant.name.strip(), person__isnull=True)
    return others.filter(same).first()


def participant_check(participant: Participant) -> None:
    """Refuses a participant who is already at the event, or who is nobody."""
    if not participant.person_id and not participant.name.strip():
        raise ValidationError(
            {"person": _("Choose a person from the registry or type the participant's name.")}
        )
    twin = participant_duplicate(participant)
    if twin is not None:
        raise ValidationError(
            {
                "person" if participant.person_id else "name": _(
                    "%(name)s is already a participant of this event."
                )
                % {"name": twin.display_name}
            }
        )
    if participant.hours is not None and participant.hours < 0:
        raise ValidationError({"hours": _("Hours cannot be negative.")})


@transaction.atomic
def participant_save(
    *, participant: Participant, actor, expected_version: int | None = None, reason: str = ""
) -> Participant:
    # The event's row is locked, so two saves of the same person at once cannot both pass.
    Event.objects.select_for_update().filter(pk=participant.event_id).first()
    participant.name = participant.name.strip()
    participant.email = participant.email.strip()
    participant_check(participant)
    created = participant.pk is None
    if created and participant.registered_at is None:
        participant.registered_at = timezone.now()
    return object_save(
        instance=participant,
        actor=actor,
        expected_version=expected_version,
        reason=reason or ("events.participant.created" if created else "events.participant.edited"),
    )


@transaction.atomic
def participant_cancel(*, participant: Participant, actor) -> Participant | None:
    """Cancel a registration; when it held a place, the first one waiting takes it.

    Answers the participant promoted from the waiting list, if any (told by e-mail).
    """
    Event.objects.select_for_update().filter(pk=participant.event_id).first()
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    if participant.registration == Participant.Registration.CANCELLED:
        return None
    held_place = participant.registration == Participant.Registration.CONFIRMED
    participant.registration = Participant.Registration.CANCELLED
    object_save(instance=participant, actor=actor, reason="events.participant.cancelled")
    event = participant.event
    # After the event, a freed place is no place: nobody waiting is told it is theirs.
    if not held_place or event.end < timezone.localdate():
        return None
    if event.capacity is not None and places_taken(event) >= event.capacity:
        return None
    waiting = (
        event.participants.filter(registration=Participant.Registration.WAITING)
        .order_by("registered_at", "id")
        .first()
    )
    if waiting is None:
        return None
    waiting.registration = Participant.Registration.CONFIRMED
    object_save(instance=waiting, actor=actor, reason="events.participant.promoted")
    from hamkor.events.registration import promotion_send

    promotion_send(waiting)
    return waiting


@transaction.atomic
def publication_save(
    *, publication: Publication, actor, expected_version: int | None = None
) -> Publication:
    publication.doi = doi_normalise(publication.doi)
    created = publication.pk is None
    return object_save(
        instance=publication,
        actor=actor,
        expected_version=expected_version,
        reason="events.publication.created" if created else "events.publication.edited",
    )


def rows_save(rows, *, actor, save) -> tuple[int, int]:
    """An import's rows, each form's instance saved by ``save(instance, actor)`` (the same
    service as a single edit), then its many-to-many fields; all or nothing (the caller's
    transaction). Answers (created, updated)."""
    for row in rows:
        with importing.row_context(row):
            save(row.form.save(commit=False), actor)
            row.form.save_m2m()
    return (
        sum(1 for row in rows if row.action == "create"),
        sum(1 for row in rows if row.action == "update"),
    )
