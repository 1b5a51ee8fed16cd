"""``hamkor erasmus-rates load``: the project's rate file into the tables, idempotently."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from hamkor.grants.models import (
    ErasmusCountryGroup,
    ErasmusIndividualRate,
    ErasmusTopUp,
    ErasmusTravelBand,
    VerificationStatus,
)
from hamkor.grants.services import ERASMUS_RATES_FILE

pytestmark = pytest.mark.django_db

MODELS = (ErasmusTravelBand, ErasmusCountryGroup, ErasmusIndividualRate, ErasmusTopUp)


def load(*args: str) -> str:
    out = io.StringIO()
    call_command("erasmus_rates", "load", *args, stdout=out)
    return out.getvalue()


def counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in MODELS) + tuple(
        model.history.count() for model in MODELS
    )


def test_load_fills_the_tables_with_source_and_status_and_a_second_run_adds_nothing():
    load()
    assert ErasmusTravelBand.objects.filter(call_year=2025).count() == 7
    band = ErasmusTravelBand.objects.get(call_year=2022, min_km=8000)
    assert (band.label, band.standard, band.green, band.status) == ("8000+", 1500, None, "V")
    assert "uctm" in band.source
    assert ErasmusCountryGroup.objects.get(call_year=2025, scheme="students", country="UZ").group
    unverified = ErasmusIndividualRate.objects.filter(status=VerificationStatus.UNVERIFIED)
    assert unverified.filter(call_year=2025, participant="student-short").count() == 2
    before = counts()
    assert "already match the file" in load()
    assert counts() == before


def test_load_keeps_the_offices_edits_unless_asked_to_replace_them():
    load()
    rate = ErasmusIndividualRate.objects.get(
        call_year=2025, action="KA131", participant="student-long", country_group="1"
    )
    rate.amount = Decimal("650")
    rate.save()
    assert "kept as edited" in load()
    rate.refresh_from_db()
    assert rate.amount == 650
    assert "updated: 1 erasmusindividualrate" in load("--replace")
    rate.refresh_from_db()
    assert rate.amount == 600


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda data: data["top_ups"][0]["rows"][0].update(amount="lots"), "not a valid"),
        (lambda data: data["travel_bands"][0].update(status="X"), "is refused"),
        (lambda data: data["travel_bands"].append(data["travel_bands"][0]), "twice"),
        (lambda data: data["individual_rates"][3].update(direction="to-programme"), "direction"),
        (lambda data: data["top_ups"][2]["rows"][0].update(days_to=3), "The days end before"),
    ],
)
def test_a_bad_rates_file_loads_nothing(tmp_path, change, message):
    data = json.loads(ERASMUS_RATES_FILE.read_text())
    change(data)
    bad = tmp_path / "rates.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(CommandError) as caught:
        load("--file", str(bad))
    assert message in str(caught.value)
    assert counts() == (0,) * 8
