"""The replay file read and written: every malformed field refused by its name."""

from __future__ import annotations

import copy
import datetime
import json
from decimal import Decimal

import pytest

from hamkor.calls.selection import SelectionError, select
from hamkor.calls.selection_file import selection_loads, selection_read, selection_write

# The example, completed.
EXAMPLE = {
    "places": [{"id": "P1", "seats": 2}, {"id": "P2", "seats": 1}],
    "criteria": ["gpa", "language", "motivation"],
    "applications": [
        {
            "id": "A1",
            "total": 87.5,
            "scores": {"gpa": 90, "language": 80, "motivation": 85},
            "submitted_at": "2026-03-01T10:00:00+05:00",
            "preferences": ["P2", "P1"],
        },
        {
            "id": "A2",
            "total": 91.25,
            "scores": {"gpa": 95, "language": 90, "motivation": 85},
            "submitted_at": "2026-03-02T09:30:00+05:00",
            "preferences": ["P2"],
        },
        {
            "id": "A3",
            "total": 60,
            "scores": {"gpa": 60, "language": 60, "motivation": 60},
            "submitted_at": "2026-03-01T08:00:00Z",
            "preferences": ["P1"],
        },
    ],
}


def test_the_example_reads_exactly_and_allocates():
    selection = selection_loads(json.dumps(EXAMPLE))
    assert selection.criteria == ("gpa", "language", "motivation")
    assert selection.candidates[1].total == Decimal("91.25")
    assert selection.candidates[2].submitted_at == datetime.datetime(
        2026, 3, 1, 8, tzinfo=datetime.UTC
    )
    assert select(selection).as_dict() == {
        "allocation": {"A2": "P2", "A1": "P1", "A3": "P1"},
        "reserve": [],
    }


def test_decimals_are_read_as_written_not_as_binary_fractions():
    data = copy.deepcopy(EXAMPLE)
    # 0.1 + 0.2 is not 0.3 in binary floating point; a reader using floats would rank wrongly.
    data["applications"][0]["total"] = 0.3
    assert selection_loads(json.dumps(data)).candidates[0].total == Decimal("0.3")


def test_writing_then_reading_gives_the_same_selection():
    selection = selection_loads(json.dumps(EXAMPLE))
    assert selection_read(json.loads(json.dumps(selection_write(selection)))) == selection
    assert selection_write(selection)["applications"][0]["total"] == 87.5
    assert selection_write(selection)["applications"][2]["scores"]["gpa"] == 60


def broken(change) -> dict:
    data = copy.deepcopy(EXAMPLE)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.pop("criteria"), "criteria"),
        (lambda d: d.update(notes="x"), "notes"),
        (lambda d: d.update(places={"P1": 2}), "places"),
        (lambda d: d["places"][1].update(seats=-1), "places[1].seats"),
        (lambda d: d["places"][1].update(seats=1.5), "places[1].seats"),
        (lambda d: d["places"][1].update(seats=True), "places[1].seats"),
        (lambda d: d["places"][0].pop("id"), "places[0].id"),
        (lambda d: d["places"][0].update(id=""), "places[0].id"),
        (lambda d: d["criteria"].append(7), "criteria[3]"),
        (lambda d: d["applications"][1].update(total="91"), "applications[1].total"),
        (lambda d: d["applications"][1].update(total=None), "applications[1].total"),
        (lambda d: d["applications"][2]["scores"].pop("language"),
         "applications[2].scores.language"),
        (lambda d: d["applications"][2]["scores"].update(ethics=1),
         "applications[2].scores.ethics"),
        (lambda d: d["applications"][2]["scores"].update(gpa="high"),
         "applications[2].scores.gpa"),
        (lambda d: d["applications"][0].update(submitted_at="1 March 2026"),
         "applications[0].submitted_at"),
        (lambda d: d["applications"][0].update(submitted_at="2026-03-01T10:00:00"),
         "applications[0].submitted_at"),
        (lambda d: d["applications"][0].update(preferences="P1"),
         "applications[0].preferences"),
        (lambda d: d["applications"][0].update(prefrences=["P1"]),
         "applications[0].prefrences"),
        (lambda d: d["applications"][0]["preferences"].append(None),
         "applications[0].preferences[2]"),
        (lambda d: d["applications"][0].update(id=12), "applications[0].id"),
    ],
)  # fmt: skip
def test_a_malformed_field_is_refused_by_its_name(change, field):
    with pytest.raises(SelectionError) as refused:
        selection_read(broken(change))
    assert refused.value.field == field
    assert "\n" not in str(refused.value)


def test_an_unknown_place_is_refused_by_its_name():
    data = broken(lambda d: d["applications"][2]["preferences"].insert(0, "P9"))
    with pytest.raises(SelectionError) as refused:
        select(selection_read(data))
    assert str(refused.value) == 'applications[2].preferences[0]: unknown place "P9"'


def test_not_a_number_constants_are_refused():
    with pytest.raises(ValueError, match="NaN"):
        selection_loads(json.dumps(EXAMPLE).replace("87.5", "NaN"))


def test_a_value_too_precise_for_a_json_number_is_not_written():
    selection = selection_loads(json.dumps(EXAMPLE).replace("87.5", "87.50000000000000000001"))
    with pytest.raises(ValueError):
        selection_write(selection)
