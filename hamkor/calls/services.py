"""The office's writes on calls: a call with its places and criteria, its named steps, and
the eligibility override of an application. The applicant's writes are in ``applying.py``,
the results' (notifications, accepting and declining a place) in ``results.py``."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hamkor.calls import rules
from hamkor.calls.models import Application, Call, Criterion, Place
from hamkor.core import transitions
from hamkor.core.services import object_delete, object_save

# A call's basis (places, criteria) changes only before the committee starts.
EDITABLE = (Call.Status.DRAFT, Call.Status.OPEN)


@transaction.atomic
def call_save(*, call: Call, actor, expected_version: int | None = None) -> Call:
    """Create or edit a call (its many-to-many fields are set by the caller afterwards)."""
    created = call.pk is None
    return object_save(
        instance=call,
        actor=actor,
        expected_version=expected_version,
        reason="calls.call.created" if created else "calls.call.edited",
    )


@transaction.atomic
def call_delete(*, call: Call, actor) -> None:
    """Delete a call entered by mistake: a draft only (an opened call has applicants)."""
    if call.status != Call.Status.DRAFT:
        raise ValidationError(_("Only a draft call can be deleted; close and archive it instead."))
    object_delete(instance=call, actor=actor, reason="calls.call.deleted")


@transaction.atomic
def call_transition(*, call: Call, name: str, actor, reason: str = "") -> Call:
    """Apply the named step, recording who, when and why. Opening needs places and weights
    adding up to 100; publishing sends each applicant their result."""
    call = Call.objects.select_for_update().get(pk=call.pk)
    if name in ("open", "reopen"):
        refusal = rules.call_open_refusal(call)
        if refusal:
            raise ValidationError(refusal)
    step = transitions.step_check(
        call, name, refused=_("A call that is “%(status)s” cannot take this step.")
    )
    if step.asks_reason and not reason.strip():
        raise ValidationError({"reason": _("Say why.")})
    getattr(call, name)()
    call.status_changed_at = timezone.now()
    call.status_reason = reason.strip()
    if name == "publish":
        call.published_at = call.status_changed_at
    call = object_save(instance=call, actor=actor, reason=f"calls.call.{name}")
    if name == "publish":
        from hamkor.calls.results import results_notify

        results_notify(call=call, actor=actor)
    return call


def _check_editable(call: Call) -> None:
    if call.status not in EDITABLE:
        raise ValidationError(
            _("The call is “%(status)s”: its places and criteria can no longer change.")
            % {"status": call.get_status_display()}
        )


@transaction.atomic
def place_save(*, place: Place, actor, expected_version: int | None = None) -> Place:
    """Add or change a place of a call still open to changes."""
    _check_editable(Call.objects.select_for_update().get(pk=place.call_id))
    created = place.pk is None
    return object_save(
        instance=place,
        actor=actor,
        expected_version=expected_version,
        reason="calls.place.added" if created else "calls.place.edited",
    )


@transaction.atomic
def place_delete(*, place: Place, actor) -> None:
    _check_editable(place.call)
    object_delete(instance=place, actor=actor, reason="calls.place.deleted")


@transaction.atomic
def criterion_save(
    *, criterion: Criterion, actor, expected_version: int | None = None
) -> Criterion:
    """Add or change a criterion; the call's weights may never pass 100 (and must reach
    exactly 100 before it opens)."""
    call = Call.objects.select_for_update().get(pk=criterion.call_id)
    _check_editable(call)
    refusal = rules.criteria_weight_refusal(call, weight=criterion.weight, exclude=criterion.pk)
    if refusal:
        raise ValidationError({"weight": refusal})
    created = criterion.pk is None
    return object_save(
        instance=criterion,
        actor=actor,
        expected_version=expected_version,
        reason="calls.criterion.added" if created else "calls.criterion.edited",
    )


@transaction.atomic
def criterion_delete(*, criterion: Criterion, actor) -> None:
    _check_editable(criterion.call)
    object_delete(instance=criterion, actor=actor, reason="calls.criterion.deleted")


@transaction.atomic
def application_override(*, application: Application, actor, reason: str) -> Application:
    """Admit a submitted application the eligibility check refused, with the office's
    recorded reason (kept with the application and in its history)."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the application is admitted.")})
    if application.status != Application.Status.SUBMITTED:
        raise ValidationError(_("Only a submitted application can be admitted."))
    if application.eligible:
        raise ValidationError(_("This application is eligible: there is nothing to override."))
    application.override_reason = reason.strip()
    application.overridden_by = actor
    application.overridden_at = timezone.now()
    return object_save(
        instance=application, actor=actor, reason="calls.application.eligibility_overridden"
    )
