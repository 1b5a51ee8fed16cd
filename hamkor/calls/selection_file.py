"""The replay file: a call's selection as JSON, read and written.

The office exports it from Hamkor; ``hamkor calls replay FILE.json`` reads it and prints the
allocation, so that anyone can check published results without access to Hamkor::

    {"places": [{"id": "P1", "seats": 2}, ...],
     "criteria": ["gpa", "language", "motivation"],
     "applications": [{"id": "A1", "total": 87.5,
                       "scores": {"gpa": 90, "language": 80, "motivation": 85},
                       "submitted_at": "2026-03-01T10:00:00+05:00",
                       "preferences": ["P2", "P1"]}, ...]}

``criteria`` is heaviest first; ``scores`` has exactly one number per criterion;
``submitted_at`` is ISO 8601 with its UTC offset; ``preferences`` are place ids, first choice
first. Numbers are read exactly (87.5 is the decimal 87.5, not a binary fraction). Any other
key, a missing key or a value of the wrong kind is refused with a :class:`SelectionError`
naming it, so that a misspelt key is never silently ignored. Messages are in English, as
the command's are.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

from hamkor.calls.selection import Candidate, Place, Selection, SelectionError, quoted

TOP_KEYS = ("places", "criteria", "applications")
PLACE_KEYS = ("id", "seats")
APPLICATION_KEYS = ("id", "total", "scores", "submitted_at", "preferences")


def _object(value, where: str, keys: tuple[str, ...]) -> dict:
    if not isinstance(value, dict):
        raise SelectionError(where or "file", "must be a JSON object")
    prefix = f"{where}." if where else ""
    for key in value:
        if key not in keys:
            raise SelectionError(f"{prefix}{key}", "unknown field")
    for key in keys:
        if key not in value:
            raise SelectionError(f"{prefix}{key}", "missing")
    return value


def _list(value, where: str) -> list:
    if not isinstance(value, list):
        raise SelectionError(where, f"must be a list, not {quoted(value)}")
    return value


def _text(value, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SelectionError(where, f"must be a non-empty string, not {quoted(value)}")
    return value


def _number(value, where: str) -> Decimal:
    # bool is an int to Python, and true is no score.
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise SelectionError(where, f"must be a number, not {quoted(value)}")
    # A float (data parsed without parse_float=Decimal) as its shortest text: the number
    # that was written.
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise SelectionError(where, f"must be a number, not {quoted(value)}")
    return number


def _moment(value, where: str) -> datetime.datetime:
    if not isinstance(value, str):
        raise SelectionError(where, f"must be a date-time string, not {quoted(value)}")
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise SelectionError(
            where, f"{quoted(value)} is not an ISO 8601 date-time (2026-03-01T10:00:00+05:00)"
        ) from None
    if moment.utcoffset() is None:
        raise SelectionError(where, f"{quoted(value)} has no UTC offset (e.g. +05:00)")
    return moment


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


def selection_loads(text: str) -> Selection:
    """The selection in ``text`` (a replay file's content), checked field by field.

    Raises :class:`SelectionError` naming the first bad field; ``json.JSONDecodeError`` (a
    ``ValueError``) when the text is not JSON at all.
    """
    data = json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)
    return selection_read(data)


def selection_read(data) -> Selection:
    """The selection in parsed JSON ``data`` (see the module's format)."""
    _object(data, "", TOP_KEYS)
    places = []
    for index, item in enumerate(_list(data["places"], "places")):
        where = f"places[{index}]"
        _object(item, where, PLACE_KEYS)
        seats = item["seats"]
        if isinstance(seats, bool) or not isinstance(seats, int) or seats < 0:
            raise SelectionError(
                f"{where}.seats", f"must be a whole number 0 or more, not {quoted(seats)}"
            )
        places.append(Place(id=_text(item["id"], f"{where}.id"), seats=seats))
    criteria = tuple(
        _text(code, f"criteria[{index}]")
        for index, code in enumerate(_list(data["criteria"], "criteria"))
    )
    candidates = []
    for index, item in enumerate(_list(data["applications"], "applications")):
        where = f"applications[{index}]"
        _object(item, where, APPLICATION_KEYS)
        scores = _object(item["scores"], f"{where}.scores", criteria)
        candidates.append(
            Candidate(
                id=_text(item["id"], f"{where}.id"),
                total=_number(item["total"], f"{where}.total"),
                scores={code: _number(scores[code], f"{where}.scores.{code}") for code in criteria},
                submitted_at=_moment(item["submitted_at"], f"{where}.submitted_at"),
                preferences=tuple(
                    _text(place, f"{where}.preferences[{position}]")
                    for position, place in enumerate(
                        _list(item["preferences"], f"{where}.preferences")
                    )
                ),
            )
        )
    return Selection(places=tuple(places), criteria=criteria, candidates=tuple(candidates))


def _plain(number: Decimal) -> int | float:
    """A decimal as a JSON number: whole numbers as integers, others as the shortest float,
    which reads back as the same decimal for the two-decimal values Hamkor stores."""
    if number == number.to_integral_value():
        return int(number)
    plain = float(number)
    if Decimal(repr(plain)) != number:
        # The file would replay other numbers than the ones Hamkor ranked by.
        raise ValueError(f"{number} has more digits than a JSON number keeps")
    return plain


def selection_write(selection: Selection) -> dict:
    """The replay file's content for ``selection`` (ready for ``json.dumps``)."""
    return {
        "places": [{"id": place.id, "seats": place.seats} for place in selection.places],
        "criteria": list(selection.criteria),
        "applications": [
            {
                "id": candidate.id,
                "total": _plain(candidate.total),
                "scores": {code: _plain(candidate.scores[code]) for code in selection.criteria},
                "submitted_at": candidate.submitted_at.isoformat(),
                "preferences": list(candidate.preferences),
            }
            for candidate in selection.candidates
        ],
    }
