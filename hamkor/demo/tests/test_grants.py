"""The demo data's grants step loads the Erasmus+ rate tables, and adds nothing when rerun."""

import io

import pytest

from hamkor.core.management.commands.demo_data import STEPS
from hamkor.demo import grants
from hamkor.grants.models import ErasmusIndividualRate, ErasmusTravelBand

pytestmark = pytest.mark.django_db


def test_demo_loads_the_erasmus_rate_tables_once():
    assert "hamkor.demo.grants.load" in STEPS
    grants.load(io.StringIO())
    counts = (ErasmusTravelBand.objects.count(), ErasmusIndividualRate.history.count())
    assert counts[0] == 4 * 7  # calls 2021, 2022, 2023 and 2025
    out = io.StringIO()
    grants.load(out)
    assert "0 rows created" in out.getvalue()
    assert (ErasmusTravelBand.objects.count(), ErasmusIndividualRate.history.count()) == counts
