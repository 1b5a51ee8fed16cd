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

from hamkor.agreements.models import Agreement
from hamkor.agreements.services import reference_next
from hamkor.core.services import object_save
from hamkor.mobility.models import Mobility, Person

TRANSITIONS = ("nominate", "accept", "start_trip", "complete", "cancel")

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
    start, end = mobility.start, mobility.end
    in_force = (
        agreement.status
        in (Agreement.Status.ACTIVE, Agreement.Status.EXPIRED, Agreement.Status.TERMINATED)
        and (agreement.valid_from or agreement.signed_on or start) <= start
        and (agreement.valid_to is None or end <= agreement.valid_to)
        and (agreement.terminated_on is None or end <= agreement.terminated_on)
    )
    if not in_force:
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


@transaction.atomic
def mobility_transition(
    *, mobility: Mobility, name: str, actor, reason: str = "", on: datetime.date | None = None
) -> Mobility:
    """Apply the named transition. Starting records the arrival or departure date and
    completing the return (``on``, by default today); cancelling needs a reason."""
    if name not in TRANSITIONS:
        raise ValidationError(_("Unknown status change."))
    mobility = Mobility.objects.select_for_update().get(pk=mobility.pk)
    if name not in {t.name for t in mobility.get_available_status_transitions()}:
        raise ValidationError(
            _("A mobility that is “%(status)s” cannot take this step.")
            % {"status": mobility.get_status_display()}
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
    if name != "cancel":
        mobility_check(mobility)
    change = f"mobility.mobility.{name}"
    return object_save(instance=mobility, actor=actor, reason=change)


def invitation_reference_next(*, year: int) -> str:
    """The next invitation letter number of ``year``: ``INV-2026-004``."""
    return reference_next(prefix="INV", year=year)


@transaction.atomic
def mobility_invitation_issue(*, mobility: Mobility, actor) -> Mobility:
    """Give an incoming guest's invitation letter its number and verification token, once."""
    if mobility.is_outgoing:
        raise ValidationError(_("Invitation letters are for incoming guests."))
    if mobility.status == Mobility.Status.CANCELLED:
        raise ValidationError(_("The mobility is cancelled."))
    if not mobility.invitation_reference:
        mobility.invitation_reference = invitation_reference_next(year=timezone.localdate().year)
        mobility.invitation_token = secrets.token_urlsafe(24)
        object_save(instance=mobility, actor=actor, reason="mobility.mobility.invitation_issued")
    return mobility
