"""Two visitors book the last place of a slot at the same moment, each on its own database
connection: one gets it, the other is told the slot is full.

PostgreSQL only: SQLite has one writer at a time, so there is no race to test there (the
service test of a full slot covers the rule).
"""

from __future__ import annotations

import pytest
from django.db import connection

from hamkor.core.testing.concurrency import race
from hamkor.website.reception.models import Booking
from hamkor.website.reception.services import booking_create
from hamkor.website.tests.reception_factories import ReceptionHoursFactory, at, reception_day

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_last_place_goes_to_one_visitor_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises every write")
    ReceptionHoursFactory(capacity=1)
    slot = at(reception_day(), 10)

    def visitor(name: str):
        return lambda: booking_create(
            starts_at=slot,
            name=name,
            email=f"{name}@example.org",
            phone="+998 90 000 00 00",
            purpose="Visit",
            language="en",
        )

    first, second = race(visitor("first"), visitor("second"))

    assert first == "done"
    assert "fully booked" in second
    assert Booking.objects.filter(starts_at=slot).count() == 1
