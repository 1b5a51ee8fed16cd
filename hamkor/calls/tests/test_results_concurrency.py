"""Two applicants accept the last seat of a place at the same moment, each on its own
database connection: one gets it, the other is told it is taken.

PostgreSQL only: SQLite has one writer at a time, so there is no race to test there
(test_results.py covers the rule one after the other).
"""

from __future__ import annotations

import pytest
from django.db import connection

from hamkor.calls.models import Application
from hamkor.calls.results import application_accept
from hamkor.calls.tests.test_results import selection  # noqa: F401 (the fixture)
from hamkor.core.testing.concurrency import race
from hamkor.mobility.models import Mobility

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_last_seat_goes_to_one_of_two_applicants_accepting_at_once(selection):  # noqa: F811
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises every write")
    _call, first, (a, b, *_rest) = selection
    # A manual change gave the place's one seat to B as well.
    Application.objects.filter(pk=b.pk).update(
        outcome="selected", allocated_place=first, reserve_position=None
    )
    b.refresh_from_db()

    outcomes = race(
        lambda: application_accept(application=a, actor=a.applicant),
        lambda: application_accept(application=b, actor=b.applicant),
    )

    assert outcomes[0] == "done"
    assert "no seat is left" in outcomes[1]
    assert Mobility.objects.count() == 1
    assert Application.objects.filter(status=Application.Status.ACCEPTED).count() == 1
