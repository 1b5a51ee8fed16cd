"""The selection rule on its own: ranking and allocation on plain values (no database)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from hamkor.calls.selection import (
    Candidate,
    Place,
    Selection,
    SelectionError,
    natural_key,
    rank,
    select,
)

CRITERIA = ("gpa", "language", "motivation")
TASHKENT = datetime.timezone(datetime.timedelta(hours=5))


def at(day: int, hour: int = 10, minute: int = 0, second: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 3, day, hour, minute, second, tzinfo=TASHKENT)


def candidate(
    id: str,
    total,
    preferences=("P1",),
    *,
    gpa=50,
    language=50,
    motivation=50,
    submitted_at=None,
) -> Candidate:
    return Candidate(
        id=id,
        total=Decimal(str(total)),
        scores={
            "gpa": Decimal(str(gpa)),
            "language": Decimal(str(language)),
            "motivation": Decimal(str(motivation)),
        },
        submitted_at=submitted_at or at(1),
        preferences=tuple(preferences),
    )


def selection(places: dict[str, int], *candidates: Candidate) -> Selection:
    return Selection(
        places=tuple(Place(id=key, seats=seats) for key, seats in places.items()),
        criteria=CRITERIA,
        candidates=candidates,
    )


def ranked_ids(*candidates: Candidate) -> list[str]:
    return [each.id for each in rank(candidates, CRITERIA)]


def test_ranking_puts_the_higher_total_first():
    assert ranked_ids(candidate("A1", 70), candidate("A2", 90.5), candidate("A3", 90.25)) == [
        "A2",
        "A3",
        "A1",
    ]


def test_ranking_breaks_equal_totals_by_the_heaviest_criterion_then_the_next():
    heavier_gpa = candidate("A1", 80, gpa=90, language=70, motivation=80)
    lower_gpa = candidate("A2", 80, gpa=85, language=95, motivation=60)
    same_gpa_better_language = candidate("A3", 80, gpa=90, language=75, motivation=75)
    same_two_better_motivation = candidate("A4", 80, gpa=90, language=75, motivation=76)
    assert ranked_ids(heavier_gpa, lower_gpa, same_gpa_better_language,
                      same_two_better_motivation) == ["A4", "A3", "A1", "A2"]  # fmt: skip


def test_ranking_follows_the_criteria_order_it_is_given():
    gpa_first = candidate("A1", 80, gpa=90, language=70)
    language_first = candidate("A2", 80, gpa=70, language=90)
    pair = (gpa_first, language_first)
    assert [each.id for each in rank(pair, CRITERIA)] == ["A1", "A2"]
    assert [each.id for each in rank(pair, ("language", "gpa", "motivation"))] == ["A2", "A1"]


def test_ranking_breaks_equal_scores_by_the_earlier_submission_across_offsets():
    later = candidate("A1", 80, submitted_at=at(1, 10, 0, 1))
    earlier = candidate("A2", 80, submitted_at=at(1, 10, 0, 0))
    # 05:00 UTC is 10:00 in Tashkent: one second before "later", written in another offset.
    earlier_utc = candidate(
        "A3", 80, submitted_at=datetime.datetime(2026, 3, 1, 4, 59, 59, tzinfo=datetime.UTC)
    )
    assert ranked_ids(later, earlier, earlier_utc) == ["A3", "A2", "A1"]


def test_ranking_breaks_a_complete_tie_by_the_smaller_id_in_natural_order():
    tied = [candidate(key, 80) for key in ("A12", "A7", "B1", "A07", "A100")]
    assert ranked_ids(*tied) == ["A07", "A7", "A12", "A100", "B1"]


def test_natural_key_compares_numbers_as_numbers():
    assert sorted(["10", "9", "x2", "x10", "x1y"], key=natural_key) == [
        "9",
        "10",
        "x1y",
        "x2",
        "x10",
    ]


def test_allocation_gives_each_in_turn_their_highest_free_preference():
    outcome = select(
        selection(
            {"P1": 1, "P2": 1, "P3": 2},
            candidate("A1", 90, ["P1", "P2"]),
            candidate("A2", 80, ["P1", "P2"]),  # P1 taken by A1: second choice
            candidate("A3", 70, ["P1", "P2", "P3"]),  # both taken: third choice
            candidate("A4", 60, ["P2", "P1"]),  # neither free: reserve
        )
    )
    assert outcome.allocation == {"A1": "P1", "A2": "P2", "A3": "P3"}
    assert outcome.reserve == ("A4",)
    assert outcome.ranking == ("A1", "A2", "A3", "A4")


def test_allocation_follows_the_ranking_not_the_order_given():
    outcome = select(
        selection(
            {"P1": 1, "P2": 1},
            candidate("A1", 60, ["P1", "P2"]),
            candidate("A2", 95, ["P1"]),
        )
    )
    assert outcome.allocation == {"A2": "P1", "A1": "P2"}
    assert list(outcome.allocation) == ["A2", "A1"]


def test_more_applicants_than_places_leaves_a_reserve_in_ranking_order():
    candidates = [candidate(f"A{n}", 50 + n, ["P1"]) for n in range(1, 7)]
    outcome = select(selection({"P1": 2}, *candidates))
    assert outcome.allocation == {"A6": "P1", "A5": "P1"}
    assert outcome.reserve == ("A4", "A3", "A2", "A1")


def test_a_place_with_zero_seats_takes_nobody():
    outcome = select(
        selection(
            {"P0": 0, "P1": 1},
            candidate("A1", 90, ["P0", "P1"]),
            candidate("A2", 80, ["P0"]),
        )
    )
    assert outcome.allocation == {"A1": "P1"}
    assert outcome.reserve == ("A2",)


def test_ties_in_total_decide_who_gets_the_last_seat():
    first_by_gpa = candidate("A2", 80, ["P1"], gpa=91, language=60)
    second_by_gpa = candidate("A1", 80, ["P1"], gpa=90, language=99)
    outcome = select(selection({"P1": 1}, second_by_gpa, first_by_gpa))
    assert outcome.as_dict() == {"allocation": {"A2": "P1"}, "reserve": ["A1"]}


def test_an_application_without_preferences_waits_on_the_reserve():
    outcome = select(selection({"P1": 1}, candidate("A1", 90, []), candidate("A2", 10)))
    assert outcome.as_dict() == {"allocation": {"A2": "P1"}, "reserve": ["A1"]}


def test_a_preference_for_an_unknown_place_is_refused_by_name():
    with pytest.raises(SelectionError) as refused:
        select(selection({"P1": 1}, candidate("A1", 90), candidate("A2", 80, ["P1", "P9"])))
    assert refused.value.field == "applications[1].preferences[1]"
    assert str(refused.value) == 'applications[1].preferences[1]: unknown place "P9"'


@pytest.mark.parametrize(
    ("places", "candidates", "field"),
    [
        ({"P1": -1}, [candidate("A1", 1)], "places[0].seats"),
        ({"P1": 1}, [candidate("A1", 1), candidate("A1", 2)], "applications[1].id"),
        ({"P1": 1}, [candidate("A1", 1, ["P1", "P1"])], "applications[0].preferences[1]"),
    ],
)
def test_contradictions_are_refused_by_name(places, candidates, field):
    with pytest.raises(SelectionError) as refused:
        select(selection(places, *candidates))
    assert refused.value.field == field


def test_a_duplicate_place_is_refused():
    duplicate = Selection(places=(Place("P1", 1), Place("P1", 2)), criteria=CRITERIA, candidates=())
    with pytest.raises(SelectionError) as refused:
        select(duplicate)
    assert refused.value.field == "places[1].id"


def test_a_missing_score_is_refused():
    incomplete = Candidate(
        id="A1", total=Decimal(1), scores={"gpa": Decimal(1)}, submitted_at=at(1)
    )
    with pytest.raises(SelectionError) as refused:
        select(Selection(places=(), criteria=CRITERIA, candidates=(incomplete,)))
    assert "language" in str(refused.value)
