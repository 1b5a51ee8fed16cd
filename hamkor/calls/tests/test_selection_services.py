"""The ranking and allocation inside Hamkor: computed from the committee's averaged scores,
stored on the applications, changed by hand only with a recorded reason, and exported as a
replay file that gives the same allocation."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hamkor.calls.models import Application, SelectionChange
from hamkor.calls.selection import select
from hamkor.calls.selection_file import selection_read
from hamkor.calls.selection_services import (
    application_key,
    place_key,
    selection_change,
    selection_compute,
    selection_export,
)
from hamkor.calls.tests.committee_world import (
    call_under_evaluation,
    places,
    reviewer,
    score,
    submitted,
)
from hamkor.core.testing.scripts import run_hamkor

pytestmark = pytest.mark.django_db

CODES = ("gpa", "language", "motivation")


@pytest.fixture
def world():
    """Two places (2 seats at P-first, 1 at P-second), two reviewers, four applicants
    competing for the second place, and one ineligible applicant."""
    call = call_under_evaluation(seats=(2, 1))
    first, second = places(call)
    one, two = reviewer(call, "one"), reviewer(call, "two")
    day = call.closes_at - datetime.timedelta(days=3)
    people = {
        # name: (preferences, scores of reviewer one, of reviewer two, submitted at)
        "Best": ((second, first), (95, 90, 90), (95, 90, 90), day),
        # Equal total with "Gpa" (82.0) but a lower GPA average: ranked after it.
        "Lang": ((second, first), (70, 90, 90), (70, 90, 90), day),
        "Gpa": ((second,), (85, 80, 80), (85, 80, 80), day),
        "Late": ((second, first), (70, 70, 70), (70, 70, 70), day + datetime.timedelta(hours=1)),
        "Early": ((first,), (70, 70, 70), (70, 70, 70), day),
    }
    applications = {}
    for name, (preferences, by_one, by_two, at) in people.items():
        application = submitted(call, *preferences, name=name, at=at)
        score(application, one, **dict(zip(CODES, by_one, strict=True)))
        score(application, two, **dict(zip(CODES, by_two, strict=True)))
        applications[name] = application
    applications["Ineligible"] = submitted(call, first, name="Ineligible", eligible=False)
    return call, first, second, applications


def stored(applications):
    result = {}
    for name, application in applications.items():
        application.refresh_from_db()
        result[name] = (
            application.rank,
            application.allocated_place_id,
            application.reserve_position,
            application.outcome,
        )
    return result


def test_the_ranking_and_the_allocation_are_stored_on_the_applications(world, officer):
    call, first, second, applications = world
    selection_compute(call=call, actor=officer)
    assert stored(applications) == {
        "Best": (1, second.pk, None, "selected"),
        "Gpa": (2, None, 1, "reserve"),  # only wanted the second place, already taken
        "Lang": (3, first.pk, None, "selected"),
        "Early": (4, first.pk, None, "selected"),  # same total as "Late", submitted earlier
        "Late": (5, None, 2, "reserve"),
        "Ineligible": (None, None, None, "not_selected"),
    }
    assert applications["Gpa"].total == Decimal("82.00")
    assert applications["Lang"].total == Decimal("82.00")
    assert applications["Ineligible"].outcome_reason


def test_the_exported_file_replays_to_the_stored_allocation(world, officer):
    call, first, second, applications = world
    outcome = selection_compute(call=call, actor=officer)
    exported = selection_export(call=call)
    assert exported["criteria"] == ["gpa", "language", "motivation"]
    assert [a["id"] for a in exported["applications"]] == sorted(
        (application_key(a) for n, a in applications.items() if n != "Ineligible"),
        key=lambda key: int(key[1:]),
    )
    replayed = select(selection_read(exported))
    assert replayed == outcome
    assert replayed.allocation == {
        application_key(applications[name]): place_key(place)
        for name, place in (("Best", second), ("Lang", first), ("Early", first))
    }


def test_the_ranking_waits_for_every_score(world, officer):
    call, first, _, _ = world
    newcomer = submitted(call, first, name="Unscored")
    with pytest.raises(ValidationError, match=f"{application_key(newcomer)} · .*Unscored"):
        selection_compute(call=call, actor=officer)
    assert not Application.objects.filter(rank__isnull=False).exists()


def test_a_manual_change_needs_a_reason_and_is_recorded(world, officer):
    call, first, _, applications = world
    selection_compute(call=call, actor=officer)
    late = Application.objects.get(pk=applications["Late"].pk)
    with pytest.raises(ValidationError) as refused:
        selection_change(application=late, outcome="selected", place=first, reason=" ",
                         actor=officer)  # fmt: skip
    assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        selection_change(application=late, outcome="selected", place=first, reason="Appeal",
                         actor=officer)  # fmt: skip
    assert refused.value.message_dict["place"] == ["This place has no free seat."]

    early = Application.objects.get(pk=applications["Early"].pk)
    selection_change(application=early, outcome="not_selected", place=None,
                     reason="Documents found forged", actor=officer)  # fmt: skip
    selection_change(application=late, outcome="selected", place=first,
                     reason="Appeal upheld", actor=officer)  # fmt: skip
    assert stored({"Early": early, "Late": late, "Gpa": applications["Gpa"]}) == {
        "Early": (4, None, None, "not_selected"),
        "Late": (5, first.pk, None, "selected"),
        "Gpa": (2, None, 1, "reserve"),
    }
    assert early.outcome_reason == "Documents found forged"
    changes = SelectionChange.objects.filter(application=late).order_by("field")
    assert [(c.field, c.old_value, c.new_value, c.reason, c.actor) for c in changes] == [
        ("allocated_place", "", str(first), "Appeal upheld", officer),
        ("outcome", "Reserve list", "Selected", "Appeal upheld", officer),
    ]


def test_the_reserve_list_closes_up_when_one_leaves_it(world, officer):
    call, _, _, applications = world
    selection_compute(call=call, actor=officer)
    gpa = Application.objects.get(pk=applications["Gpa"].pk)
    selection_change(application=gpa, outcome="not_selected", place=None, reason="Withdrew",
                     actor=officer)  # fmt: skip
    assert stored({"Late": applications["Late"]})["Late"] == (5, None, 1, "reserve")
    early = Application.objects.get(pk=applications["Early"].pk)
    selection_change(application=early, outcome="reserve", place=None, reason="Swap",
                     actor=officer)  # fmt: skip
    assert stored({"Early": early})["Early"] == (4, None, 2, "reserve")


def test_the_selection_is_made_only_under_evaluation(world, officer):
    call, *_ = world
    type(call).objects.filter(pk=call.pk).update(status="published")
    with pytest.raises(ValidationError, match="under evaluation"):
        selection_compute(call=call, actor=officer)


def test_an_auditor_replays_the_exported_selection_with_the_command(world, officer, tmp_path):
    call, *_ = world
    selection_compute(call=call, actor=officer)
    path = tmp_path / "selection.json"
    path.write_text(json.dumps(selection_export(call=call)), encoding="utf-8")
    done = run_hamkor(f"sqlite:///{tmp_path / 'none.sqlite3'}", tmp_path, "calls", "replay",
                      str(path))  # fmt: skip
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    applications = Application.objects.filter(call=call, rank__isnull=False)
    assert printed["allocation"] == {
        application_key(a): place_key(a.allocated_place_id)
        for a in applications.filter(allocated_place__isnull=False).order_by("rank")
    }
    assert printed["reserve"] == [
        application_key(a)
        for a in applications.filter(reserve_position__isnull=False).order_by("reserve_position")
    ]
