"""The selection committee's writes: who reviews a call, a reviewer's own scores, and a
declared conflict of interest.

Each reviewer writes only their own scores (``actor`` must be the reviewer); a reviewer who
declared a conflict with an application cannot score it, and their scores of it go. Scores
are given while the call is under evaluation, on applications admitted to the selection.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hamkor.calls.models import (
    Application,
    Call,
    ConflictOfInterest,
    Criterion,
    Reviewer,
    Score,
)
from hamkor.core.services import object_save


def in_selection(application: Application) -> bool:
    """Whether the committee scores ``application``: submitted, and eligible or admitted
    by the office's override."""
    return application.status == Application.Status.SUBMITTED and application.admitted


@transaction.atomic
def reviewer_assign(*, call: Call, user, actor) -> Reviewer:
    """Make ``user`` a member of ``call``'s committee (once)."""
    if Reviewer.objects.filter(call=call, user=user).exists():
        raise ValidationError({"user": _("%(user)s already reviews this call.") % {"user": user}})
    return object_save(
        instance=Reviewer(call=call, user=user), actor=actor, reason="calls.reviewer.assigned"
    )


@transaction.atomic
def reviewer_remove(*, reviewer: Reviewer, actor) -> None:
    """Take a reviewer off the committee; refused once they have scored (their scores count)."""
    if Score.objects.filter(application__call=reviewer.call_id, reviewer=reviewer.user).exists():
        raise ValidationError(
            _("%(user)s has scored applications of this call; their scores would be lost.")
            % {"user": reviewer.user}
        )
    reviewer._history_user = actor
    reviewer._change_reason = "calls.reviewer.removed"
    reviewer.delete()


def _check_reviewer(application: Application, reviewer_user, actor) -> None:
    # Each reviewer changes only their own scores: nobody writes them on another's behalf.
    if actor is None or actor.pk != reviewer_user.pk:
        raise PermissionDenied
    if not Reviewer.objects.filter(call=application.call_id, user=reviewer_user).exists():
        raise PermissionDenied
    if application.call.status != Call.Status.EVALUATION:
        raise ValidationError(_("Scores are given while the call is under evaluation."))
    if not in_selection(application):
        raise ValidationError(_("This application is not in the selection."))
    if application.applicant_id == reviewer_user.pk:
        # The plainest conflict of interest: nobody scores their own application.
        raise ValidationError(_("You cannot score your own application."))


@transaction.atomic
def scores_save(
    *, application: Application, reviewer, values: dict[int, Decimal | None], actor
) -> list[Score]:
    """Save ``reviewer``'s scores of ``application``: ``values`` maps a criterion's id to a
    score from 0 to 100, or to ``None`` to clear it. Answers the reviewer's scores."""
    _check_reviewer(application, reviewer, actor)
    if ConflictOfInterest.objects.filter(application=application, reviewer=reviewer).exists():
        raise ValidationError(
            _("You declared a conflict of interest with this application: you do not score it.")
        )
    criteria = {c.pk: c for c in Criterion.objects.filter(call=application.call_id)}
    stored = {
        s.criterion_id: s
        for s in Score.objects.select_for_update().filter(
            application=application, reviewer=reviewer
        )
    }
    errors = {}
    for criterion_id, value in values.items():
        if criterion_id not in criteria:
            raise ValidationError(_("This criterion is not one of the call's."))
        score = stored.get(criterion_id)
        if value is None:
            if score is not None:
                score._history_user = actor
                score._change_reason = "calls.score.cleared"
                score.delete()
                del stored[criterion_id]
            continue
        if score is None:
            score = Score(application=application, reviewer=reviewer, criterion_id=criterion_id)
        elif score.value == value:
            continue
        score.value = value
        try:
            stored[criterion_id] = object_save(
                instance=score, actor=actor, reason="calls.score.given"
            )
        except ValidationError as exc:
            errors[f"criterion_{criterion_id}"] = exc.messages
    if errors:
        raise ValidationError(errors)
    return sorted(stored.values(), key=lambda s: (criteria[s.criterion_id].order, s.pk))


@transaction.atomic
def conflict_declare(*, application: Application, reviewer, reason: str, actor):
    """Record that ``reviewer`` has a conflict of interest with ``application``: from now
    on they do not score it, and the scores they gave it are removed."""
    _check_reviewer(application, reviewer, actor)
    if not reason.strip():
        raise ValidationError({"reason": _("Say what the conflict of interest is.")})
    if ConflictOfInterest.objects.filter(application=application, reviewer=reviewer).exists():
        raise ValidationError(_("You have already declared a conflict with this application."))
    for score in Score.objects.filter(application=application, reviewer=reviewer):
        score._history_user = actor
        score._change_reason = "calls.score.conflict"
        score.delete()
    return object_save(
        instance=ConflictOfInterest(
            application=application, reviewer=reviewer, reason=reason.strip()
        ),
        actor=actor,
        reason="calls.conflictofinterest.declared",
    )
