"""The ranking and allocation of a call, computed inside Hamkor with the same function an
auditor replays (:func:`hamkor.calls.selection.select`).

:func:`selection_of` turns the call's records into the selection's plain values: the
applications in the selection (submitted, eligible or admitted by override) with their
averaged scores and weighted totals (``committee_selectors``), their preferences, and the
places' seats. Applications are named ``A<id>`` and places ``P<id>``, so that the natural
order of the names is the order of the ids. :func:`selection_compute` stores the outcome on
the applications; :func:`selection_change` is the office's manual change, with its reason
recorded (``SelectionChange``); :func:`selection_export` writes the replay file.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from hamkor.calls import selection as rule
from hamkor.calls.committee_selectors import score_summary
from hamkor.calls.models import Application, Call, Place, SelectionChange
from hamkor.calls.selection_file import selection_write
from hamkor.core.services import object_save

TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")


def application_key(application: Application | int) -> str:
    return f"A{getattr(application, 'pk', application)}"


def place_key(place: Place | int) -> str:
    return f"P{getattr(place, 'pk', place)}"


@dataclass(frozen=True)
class CallSelection:
    """A call's selection as plain values, and the records its names stand for."""

    selection: rule.Selection
    applications: dict[str, Application]
    places: dict[str, Place]


def selection_of(call: Call) -> CallSelection:
    """The call's selection; refused while an application lacks a score on a criterion."""
    criteria, rows = score_summary(call=call)
    if not criteria:
        raise ValidationError(_("The call has no selection criteria."))
    places = {place_key(p): p for p in call.places.select_related("institution").order_by("pk")}
    candidates, applications = [], {}
    for row in rows:
        application = row.application
        missing = [c for c, cell in zip(criteria, row.cells, strict=True) if not cell.values]
        if missing:
            raise ValidationError(
                _("%(application)s has no score on “%(criterion)s” yet.")
                % {"application": application_label(application), "criterion": missing[0].name}
            )
        key = application_key(application)
        applications[key] = application
        candidates.append(
            rule.Candidate(
                id=key,
                total=row.total,
                scores={c.code: cell.average for c, cell in zip(criteria, row.cells, strict=True)},
                submitted_at=application.submitted_at.astimezone(TASHKENT),
                preferences=tuple(
                    place_key(p.place_id)
                    for p in sorted(application.preferences.all(), key=lambda p: p.rank)
                ),
            )
        )
    selection = rule.Selection(
        places=tuple(rule.Place(id=key, seats=p.seats) for key, p in places.items()),
        criteria=tuple(c.code for c in criteria),
        candidates=tuple(sorted(candidates, key=lambda c: rule.natural_key(c.id))),
    )
    return CallSelection(selection=selection, applications=applications, places=places)


def application_label(application: Application) -> str:
    """How lists, the minutes and the replay file name an application: ``A12 · Name``."""
    return f"{application_key(application)} · {application.person}"


def selection_export(*, call: Call) -> dict:
    """The replay file of ``call``'s selection (``hamkor calls replay`` reads it)."""
    return selection_write(selection_of(call).selection)


def _evaluating(call: Call) -> None:
    if call.status != Call.Status.EVALUATION:
        raise ValidationError(_("The selection is made while the call is under evaluation."))


@transaction.atomic
def selection_compute(*, call: Call, actor) -> rule.Outcome:
    """Rank the call's applications and allocate its places; store each application's
    total, rank, place or reserve position and outcome. Applications out of the selection
    (not admitted) are marked not selected. Computing again replaces the previous result,
    manual changes included (they stay in the record of changes)."""
    call = Call.objects.select_for_update().get(pk=call.pk)
    _evaluating(call)
    built = selection_of(call)
    outcome = rule.select(built.selection)
    totals = {c.id: c.total for c in built.selection.candidates}
    reserve = {key: position for position, key in enumerate(outcome.reserve, start=1)}
    for position, key in enumerate(outcome.ranking, start=1):
        application = built.applications[key]
        place_name = outcome.allocation.get(key)
        application.total = totals[key]
        application.rank = position
        application.allocated_place = built.places[place_name] if place_name else None
        application.reserve_position = reserve.get(key)
        application.outcome = (
            Application.Outcome.SELECTED if place_name else Application.Outcome.RESERVE
        )
        application.outcome_reason = ""
        object_save(instance=application, actor=actor, reason="calls.application.ranked")
    others = Application.objects.filter(call=call, status=Application.Status.SUBMITTED).exclude(
        pk__in=[a.pk for a in built.applications.values()]
    )
    for application in others:
        application.total = application.rank = application.reserve_position = None
        application.allocated_place = None
        application.outcome = Application.Outcome.NOT_SELECTED
        application.outcome_reason = _("Not eligible for this call.")
        object_save(instance=application, actor=actor, reason="calls.application.ranked")
    return outcome


def _shown(application: Application, name: str) -> str:
    value = getattr(application, name)
    if name == "outcome":
        return application.get_outcome_display() if value else ""
    return "" if value is None else str(value)


@transaction.atomic
def selection_change(
    *,
    application: Application,
    outcome: str,
    place: Place | None,
    reason: str,
    actor,
    expected_version: int | None = None,
) -> Application:
    """The office's manual change of one application's result, with a reason: select it
    for a place with a free seat, put it at the end of the reserve list, or mark it not
    selected. Each changed value is recorded with the reason; the reserve list closes up."""
    call = Call.objects.select_for_update().get(pk=application.call_id)
    _evaluating(call)
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the change.")})
    if application.rank is None and application.outcome != Application.Outcome.NOT_SELECTED:
        raise ValidationError(_("Compute the ranking first."))
    before = {name: _shown(application, name) for name in ("outcome", "allocated_place")}
    before_reserve = application.reserve_position
    if outcome == Application.Outcome.SELECTED:
        if place is None or place.call_id != call.pk:
            raise ValidationError({"place": _("Choose one of the call's places.")})
        taken = Application.objects.filter(allocated_place=place).exclude(pk=application.pk).count()
        if taken >= place.seats:
            raise ValidationError({"place": _("This place has no free seat.")})
        application.allocated_place, application.reserve_position = place, None
    elif outcome == Application.Outcome.RESERVE:
        application.allocated_place = None
        if application.outcome != Application.Outcome.RESERVE:
            last = (
                Application.objects.filter(call=call, reserve_position__isnull=False)
                .order_by("-reserve_position")
                .values_list("reserve_position", flat=True)
                .first()
            )
            application.reserve_position = (last or 0) + 1
    elif outcome == Application.Outcome.NOT_SELECTED:
        application.allocated_place = application.reserve_position = None
    else:
        raise ValidationError({"outcome": _("Choose the outcome.")})
    application.outcome = outcome
    application.outcome_reason = reason.strip() if outcome == "not_selected" else ""
    application = object_save(
        instance=application,
        actor=actor,
        reason="calls.application.selection_changed",
        expected_version=expected_version,
    )
    after = {name: _shown(application, name) for name in ("outcome", "allocated_place")}
    for name, old in before.items():
        if old != after[name]:
            SelectionChange.objects.create(
                application=application,
                field=name,
                old_value=old[:200],
                new_value=after[name][:200],
                reason=reason.strip(),
                actor=actor,
            )
    if before_reserve is not None and application.reserve_position is None:
        _reserve_close_up(call, actor)
    return application


def _reserve_close_up(call: Call, actor) -> None:
    """Number the reserve list 1, 2, 3… again, in its order, after one left it."""
    waiting = Application.objects.filter(call=call, reserve_position__isnull=False).order_by(
        "reserve_position"
    )
    for position, application in enumerate(waiting, start=1):
        if application.reserve_position != position:
            application.reserve_position = position
            object_save(instance=application, actor=actor, reason="calls.application.reserve")
