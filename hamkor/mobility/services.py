"""Writes about people and mobilities: the rules a mobility must keep, its transitions,
merging duplicate people, and invitation letters."""

from __future__ import annotations

import datetime
import secrets

import pycountry
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hamkor.core import transitions
from hamkor.core.references import reference_next
from hamkor.core.services import object_save
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.rules import letter_refusal
from hamkor.webhooks.events import event_emit

# Person fields copied from a merged duplicate when the person kept has them blank.
PERSON_FILL = (
    "middle_name",
    "name_original",
    "org_unit",
    "institution",
    "position",
    "academic_title",
    "study_level",
    "email",
    "phone",
    "user",
    "date_of_birth",
    "passport_number",
    "passport_valid_to",
)


@transaction.atomic
def person_save(*, person: Person, actor, expected_version: int | None = None) -> Person:
    created = person.pk is None
    return object_save(
        instance=person,
        actor=actor,
        expected_version=expected_version,
        reason="mobility.person.created" if created else "mobility.person.edited",
    )


@transaction.atomic
def person_merge(*, keep: Person, duplicate: Person, actor) -> Person:
    """Move the duplicate's mobilities to ``keep``, fill ``keep``'s blanks, delete it."""
    if keep.pk == duplicate.pk:
        raise ValidationError(_("Choose two different people."))
    keep = Person.objects.select_for_update().get(pk=keep.pk)
    duplicate = Person.objects.select_for_update().get(pk=duplicate.pk)
    for mobility in duplicate.mobilities.all():
        mobility.person = keep
        object_save(instance=mobility, actor=actor, reason="mobility.mobility.person_merged")
    user = duplicate.user
    for field in PERSON_FILL:
        if getattr(keep, field) in ("", None) and getattr(duplicate, field) not in ("", None):
            setattr(keep, field, getattr(duplicate, field))
    if user is not None and keep.user_id == user.pk:
        Person.objects.filter(pk=duplicate.pk).update(user=None)
    object_save(instance=keep, actor=actor, reason=f"mobility.person.merged:{duplicate.pk}")
    duplicate.refresh_from_db()
    duplicate._history_user = actor
    duplicate._change_reason = f"mobility.person.merged_into:{keep.pk}"
    duplicate.delete()
    return keep


def _check_dates(mobility: Mobility) -> dict[str, str]:
    errors = {}
    if (
        mobility.planned_start
        and mobility.planned_end
        and mobility.planned_end < mobility.planned_start
    ):
        errors["planned_end"] = _("The return cannot be before the departure.")
    if (
        mobility.actual_start
        and mobility.actual_end
        and mobility.actual_end < mobility.actual_start
    ):
        errors["actual_end"] = _("The return cannot be before the departure.")
    return errors


def _check_sides(mobility: Mobility) -> dict[str, str]:
    home_side = (
        mobility.sending_institution if mobility.is_outgoing else mobility.receiving_institution
    )
    other_side = (
        mobility.receiving_institution if mobility.is_outgoing else mobility.sending_institution
    )
    errors = {}
    if home_side is not None and not home_side.is_home:
        field = "sending_institution" if mobility.is_outgoing else "receiving_institution"
        errors[field] = _(
            "One side of a mobility is our university: the sending one for an "
            "outgoing mobility, the receiving one for an incoming one."
        )
    if other_side is not None and other_side.is_home:
        field = "receiving_institution" if mobility.is_outgoing else "sending_institution"
        errors[field] = _("The partner side cannot be our own university.")
    return errors


def _check_money(mobility: Mobility) -> dict[str, str]:
    code = (mobility.funding_currency or "").strip().upper()
    mobility.funding_currency = code
    if code and pycountry.currencies.get(alpha_3=code) is None:
        return {
            "funding_currency": _(
                "“%(code)s” is not a currency code (ISO 4217), such as USD, EUR or UZS."
            )
            % {"code": code}
        }
    if mobility.funding_amount is not None and not code:
        return {"funding_currency": _("Give the currency of the amount.")}
    return {}


def _check_overlap(mobility: Mobility) -> dict[str, str]:
    others = Mobility.objects.filter(person=mobility.person_id).exclude(
        status=Mobility.Status.CANCELLED
    )
    if mobility.pk:
        others = others.exclude(pk=mobility.pk)
    start, end = mobility.start, mobility.end
    for other in others:
        if other.start <= end and start <= other.end:
            return {
                "planned_start": _(
                    "%(person)s is away on another mobility at that time (%(start)s – %(end)s, "
                    "%(host)s)."
                )
                % {
                    "person": mobility.person,
                    "start": other.start.strftime("%d.%m.%Y"),
                    "end": other.end.strftime("%d.%m.%Y"),
                    "host": other.receiving_institution,
                }
            }
    return {}


def _check_agreement(mobility: Mobility) -> dict[str, str]:
    agreement = mobility.agreement
    if agreement is None:
        return {}
    if not agreement.in_force(mobility.start, mobility.end):
        return {
            "agreement": _("Agreement %(reference)s is not in force on the dates of this mobility.")
            % {"reference": agreement.reference}
        }
    partner = (
        mobility.receiving_institution_id
        if mobility.is_outgoing
        else mobility.sending_institution_id
    )
    if not agreement.parties.filter(institution=partner).exists():
        return {
            "agreement": _(
                "The partner of this mobility is not a party to agreement %(reference)s."
            )
            % {"reference": agreement.reference}
        }
    return {}


def mobility_check(mobility: Mobility) -> None:
    """Every rule a mobility keeps; raises one ValidationError naming each field at fault."""
    errors = {**_check_dates(mobility), **_check_money(mobility)}
    if mobility.sending_institution_id and mobility.receiving_institution_id:
        errors.update(_check_sides(mobility))
    if not errors and mobility.person_id:
        errors.update(_check_overlap(mobility))
    if not errors:
        errors.update(_check_agreement(mobility))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def mobility_save(
    *, mobility: Mobility, actor, expected_version: int | None = None, reason: str | None = None
) -> Mobility:
    """Create or edit a mobility after checking its rules; nothing is saved when one fails."""
    if mobility.person_id:
        Person.objects.select_for_update().filter(pk=mobility.person_id).first()
    mobility_check(mobility)
    created = mobility.pk is None
    return object_save(
        instance=mobility,
        actor=actor,
        expected_version=expected_version,
        reason=reason or ("mobility.mobility.created" if created else "mobility.mobility.edited"),
    )


def mobility_overlaps_within(mobilities: list[tuple[int, Mobility]]) -> dict[int, str]:
    """Rows of one file that send the same person away at the same time, by row number.

    ``mobilities`` are (row number, unsaved mobility); the later of two overlapping rows is
    refused, as it would be once the first were saved.
    """
    refused: dict[int, str] = {}
    seen: dict[int, list[tuple[int, Mobility]]] = {}
    for number, mobility in mobilities:
        for other_number, other in seen.get(mobility.person_id, []):
            if other.start <= mobility.end and mobility.start <= other.end:
                refused[number] = _(
                    "%(person)s is away on the mobility of row %(row)d at that time."
                ) % {"person": mobility.person, "row": other_number}
                break
        seen.setdefault(mobility.person_id, []).append((number, mobility))
    return refused


@transaction.atomic
def mobilities_import(
    *, rows: list[dict], actor, numbers: list[int] | None = None
) -> list[Mobility]:
    """Record every row of an import, or none.

    Each row holds a mobility's field values (related records as instances); ``numbers``
    are the rows' numbers in the file (by default 1, 2, …), used in the messages. Each row
    is checked as a single edit is (``mobility_save``), and against the file's other rows
    (two rows overlapping for one person). When any row fails, nothing is recorded and one
    ValidationError lists every failed row: "Row 3: …".
    """
    numbers = list(numbers) if numbers is not None else list(range(1, len(rows) + 1))
    if len(numbers) != len(rows):
        raise ValueError("One number per row.")
    mobilities = [(number, Mobility(**row)) for number, row in zip(numbers, rows, strict=True)]
    refused = mobility_overlaps_within(mobilities)
    saved: list[Mobility] = []
    for number, mobility in mobilities:
        if number in refused:
            continue
        try:
            saved.append(
                mobility_save(mobility=mobility, actor=actor, reason="mobility.mobility.imported")
            )
        except ValidationError as exc:
            refused[number] = "; ".join(exc.messages)
    if refused:
        # Raised inside the transaction: the rows saved before are rolled back with it.
        raise ValidationError(
            [
                _("Row %(row)d: %(error)s") % {"row": number, "error": refused[number]}
                for number in sorted(refused)
            ]
        )
    return saved


# The steps another system may be told of (webhooks), by step name.
MOBILITY_EVENTS = {
    "start_trip": "mobility.started",
    "complete": "mobility.completed",
    "cancel": "mobility.cancelled",
}


@transaction.atomic
def mobility_transition(
    *, mobility: Mobility, name: str, actor, reason: str = "", on: datetime.date | None = None
) -> Mobility:
    """Apply the named transition. Starting records the arrival or departure date and
    completing the return (``on``, by default today); cancelling needs a reason."""
    mobility = Mobility.objects.select_for_update().get(pk=mobility.pk)
    transitions.step_check(
        mobility, name, refused=_("A mobility that is “%(status)s” cannot take this step.")
    )
    # A date given with the step wins; else the one typed before; else today.
    if name == "start_trip":
        mobility.actual_start = on or mobility.actual_start or timezone.localdate()
    if name == "complete":
        mobility.actual_end = on or mobility.actual_end or timezone.localdate()
        if mobility.actual_start and mobility.actual_end < mobility.actual_start:
            raise ValidationError(_("The return cannot be before the departure."))
    if name == "cancel":
        if not reason.strip():
            raise ValidationError(_("Say why the mobility is cancelled."))
        mobility.cancel_reason = reason.strip()
    getattr(mobility, name)()
    mobility.status_changed_at = timezone.now()
    # Kept whole with the record (and so in its history): the change reason is a code.
    mobility.status_reason = reason.strip()
    if name != "cancel":
        mobility_check(mobility)
    change = f"mobility.mobility.{name}"
    mobility = object_save(instance=mobility, actor=actor, reason=change)
    if name in MOBILITY_EVENTS:
        event_emit(event=MOBILITY_EVENTS[name], record=mobility)
    return mobility


def invitation_reference_next(*, year: int) -> str:
    """The next invitation letter number of ``year``: ``INV-2026-004``."""
    return reference_next(prefix="INV", year=year)


@transaction.atomic
def mobility_invitation_issue(*, mobility: Mobility, actor) -> Mobility:
    """Give an incoming guest's invitation letter its number and verification token, once."""
    refusal = letter_refusal(mobility)
    if refusal:
        raise ValidationError(refusal)
    if not mobility.invitation_reference:
        mobility.invitation_reference = invitation_reference_next(year=timezone.localdate().year)
        mobility.invitation_token = secrets.token_urlsafe(24)
        object_save(instance=mobility, actor=actor, reason="mobility.mobility.invitation_issued")
    return mobility
