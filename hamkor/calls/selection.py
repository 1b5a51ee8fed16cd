"""A call's selection: the ranking of its applications and the allocation of its places.

This module is the one place the rule lives. The service that selects inside Hamkor and
``hamkor calls replay`` (an auditor's check of published results from an exported file) both
call :func:`select`, so that the two cannot disagree. It is plain Python on plain values,
with no database: whatever reaches it has been read and checked already
(:mod:`hamkor.calls.selection_file` reads the replay file).

Ranking, first difference wins:

1. the higher total;
2. the higher score on the heaviest criterion, then on the next heaviest, and so on
   (``criteria`` is given heaviest first; the caller decides how equal weights are ordered);
3. the earlier submission;
4. the smaller application id, in natural order: runs of digits compare as numbers, so that
   "A7" comes before "A12", as a person reading the list expects; ids equal in natural order
   ("A7" and "A07") fall back to plain character order.

Allocation: in ranking order, each application gets its highest-ranked preference that still
has a free seat; an application none of whose preferences has a seat left goes on the
reserve list, which keeps the ranking order. A place with no seats takes nobody.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

_DIGITS = re.compile(r"(\d+)")


class SelectionError(ValueError):
    """The selection's data contradict themselves (e.g. a preference for an unknown place).

    ``field`` names the offending value the way the replay file spells it
    (``applications[2].preferences[0]``), so that the message points at it.
    """

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def quoted(value) -> str:
    """A value as a one-line message shows it: JSON's quoting (a newline in an id stays on
    the line), cut short."""
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


@dataclass(frozen=True)
class Place:
    """A place of the call: its id and how many applicants it takes (0 or more)."""

    id: str
    seats: int


@dataclass(frozen=True)
class Candidate:
    """An application as the selection sees it.

    ``scores`` holds a score for each criterion (the averaged committee score inside Hamkor);
    ``preferences`` lists place ids, first choice first.
    """

    id: str
    total: Decimal
    scores: Mapping[str, Decimal]
    submitted_at: datetime.datetime
    preferences: tuple[str, ...] = ()


@dataclass(frozen=True)
class Selection:
    """Everything the selection depends on, and nothing else: what a replay file holds."""

    places: tuple[Place, ...]
    criteria: tuple[str, ...]
    candidates: tuple[Candidate, ...]


@dataclass(frozen=True)
class Outcome:
    """The result: the ranking (ids, best first), the place given to each selected
    application (in ranking order) and the reserve list (in ranking order)."""

    ranking: tuple[str, ...]
    allocation: dict[str, str] = field(default_factory=dict)
    reserve: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        """The replay command's output: ``{"allocation": {...}, "reserve": [...]}``."""
        return {"allocation": dict(self.allocation), "reserve": list(self.reserve)}


def natural_key(text: str) -> tuple:
    """The key that orders ids naturally: "A7" < "A12" < "B1"; equal keys by characters."""
    parts = _DIGITS.split(text)
    # split() alternates text and digits, starting with text (maybe empty), so that the
    # parts at the same position are always of the same kind and compare.
    key = tuple(int(part) if index % 2 else part for index, part in enumerate(parts))
    return (key, text)


def ranking_key(candidate: Candidate, criteria: Sequence[str]) -> tuple:
    """The sort key of :func:`rank` (ascending sort puts the best first)."""
    return (
        -candidate.total,
        tuple(-candidate.scores[code] for code in criteria),
        candidate.submitted_at,
        natural_key(candidate.id),
    )


def rank(candidates: Sequence[Candidate], criteria: Sequence[str]) -> list[Candidate]:
    """The candidates, best first (see the module's rules)."""
    for index, candidate in enumerate(candidates):
        for code in criteria:
            if code not in candidate.scores:
                raise SelectionError(
                    f"applications[{index}].scores", f"no score for criterion {quoted(code)}"
                )
    return sorted(candidates, key=lambda candidate: ranking_key(candidate, criteria))


def check(selection: Selection) -> None:
    """Refuse data that contradict themselves: a duplicate id, negative seats, a preference
    for an unknown place or the same place twice."""
    seen_places: set[str] = set()
    for index, place in enumerate(selection.places):
        if place.id in seen_places:
            raise SelectionError(f"places[{index}].id", f"place {quoted(place.id)} appears twice")
        if place.seats < 0:
            raise SelectionError(f"places[{index}].seats", "must be 0 or more")
        seen_places.add(place.id)
    if len(set(selection.criteria)) != len(selection.criteria):
        raise SelectionError("criteria", "a criterion appears twice")
    seen_candidates: set[str] = set()
    for index, candidate in enumerate(selection.candidates):
        if candidate.id in seen_candidates:
            raise SelectionError(
                f"applications[{index}].id", f"application {quoted(candidate.id)} appears twice"
            )
        seen_candidates.add(candidate.id)
        listed: set[str] = set()
        for position, place_id in enumerate(candidate.preferences):
            where = f"applications[{index}].preferences[{position}]"
            if place_id not in seen_places:
                raise SelectionError(where, f"unknown place {quoted(place_id)}")
            if place_id in listed:
                raise SelectionError(where, f"place {quoted(place_id)} is listed twice")
            listed.add(place_id)


def select(selection: Selection) -> Outcome:
    """Rank the candidates and allocate the places (see the module's rules)."""
    check(selection)
    ranked = rank(selection.candidates, selection.criteria)
    free = {place.id: place.seats for place in selection.places}
    allocation: dict[str, str] = {}
    reserve: list[str] = []
    for candidate in ranked:
        chosen = next((place for place in candidate.preferences if free[place] > 0), None)
        if chosen is None:
            reserve.append(candidate.id)
        else:
            free[chosen] -= 1
            allocation[candidate.id] = chosen
    return Outcome(
        ranking=tuple(candidate.id for candidate in ranked),
        allocation=allocation,
        reserve=tuple(reserve),
    )
