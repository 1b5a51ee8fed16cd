"""The office's rules on calls: opening needs places and weights adding up to 100; the
basis cannot move once the committee works; the steps are named."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from hamkor.calls.models import Call, Criterion
from hamkor.calls.services import call_transition, criterion_save, place_save
from hamkor.calls.tests.factories import CallFactory, CriterionFactory, PlaceFactory, set_status

pytestmark = pytest.mark.django_db


def test_a_call_opens_only_when_its_weights_add_up_to_100(officer):
    call = CallFactory()
    PlaceFactory(call=call)
    CriterionFactory(call=call, weight=60)

    with pytest.raises(ValidationError, match="add up to 60, not 100"):
        call_transition(call=call, name="open", actor=officer)

    CriterionFactory(call=call, weight=40)
    call = call_transition(call=call, name="open", actor=officer)
    assert call.status == Call.Status.OPEN
    assert call.history.first().history_change_reason == "calls.call.open"


def test_a_call_without_places_does_not_open(officer):
    call = CallFactory()
    CriterionFactory(call=call, weight=100)

    with pytest.raises(ValidationError, match="at least one place"):
        call_transition(call=call, name="open", actor=officer)


def test_weights_passing_100_are_refused_at_the_field(officer):
    call = CallFactory()
    CriterionFactory(call=call, weight=70)

    with pytest.raises(ValidationError) as refused:
        criterion_save(
            criterion=Criterion(call=call, code="language", name_uz="Til", weight=40),
            actor=officer,
        )

    assert "110" in refused.value.message_dict["weight"][0]


def test_places_are_frozen_once_the_evaluation_starts(officer):
    place = PlaceFactory()
    set_status(place.call, Call.Status.EVALUATION)
    place.refresh_from_db()
    place.seats = 3

    with pytest.raises(ValidationError, match="can no longer change"):
        place_save(place=place, actor=officer)


def test_reopening_asks_why(officer):
    call = CallFactory()
    PlaceFactory(call=call)
    CriterionFactory(call=call, weight=100)
    set_status(call, Call.Status.CLOSED)

    with pytest.raises(ValidationError):
        call_transition(call=call, name="reopen", actor=officer)
    call = call_transition(call=call, name="reopen", actor=officer, reason="Deadline extended")
    assert call.status_reason == "Deadline extended"
