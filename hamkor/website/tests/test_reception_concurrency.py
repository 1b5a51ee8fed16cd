"""Two visitors book the last place of a slot at the same moment, each on its own database
connection: one gets it, the other is told the slot is full.

PostgreSQL only: SQLite has one writer at a time, so there is no race to test there (the
service test of a full slot covers the rule).
"""

from __future__ import annotations

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from hamkor.website.reception.models import Booking
from hamkor.website.reception.services import booking_create
from hamkor.website.tests.reception_factories import ReceptionHoursFactory, at, reception_day

pytestmark = pytest.mark.django_db(transaction=True)


def _waiting_for_a_lock() -> bool:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
        return cursor.fetchone()[0] > 0


def test_the_last_place_goes_to_one_visitor_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises every write")
    ReceptionHoursFactory(capacity=1)
    slot = at(reception_day(), 10)
    first_booked, release = threading.Event(), threading.Event()
    outcomes: dict[str, str] = {}

    def visitor(name: str, hold: bool) -> None:
        try:
            with transaction.atomic():
                booking_create(
                    starts_at=slot,
                    name=name,
                    email=f"{name}@example.org",
                    phone="+998 90 000 00 00",
                    purpose="Visit",
                    language="en",
                )
                if hold:  # the first visitor's transaction stays open, its booking unseen
                    first_booked.set()
                    release.wait(30)
            outcomes[name] = "booked"
        except ValidationError as exc:
            outcomes[name] = " ".join(exc.messages)
        finally:
            connections.close_all()

    first = threading.Thread(target=visitor, args=("first", True))
    first.start()
    assert first_booked.wait(30)
    second = threading.Thread(target=visitor, args=("second", False))
    second.start()
    # The second visitor waits for the first one's lock (not a fixed time: a condition).
    deadline = time.monotonic() + 30
    while second.is_alive() and not _waiting_for_a_lock() and time.monotonic() < deadline:
        time.sleep(0.05)
    release.set()
    first.join(30)
    second.join(30)
    assert outcomes["first"] == "booked"
    assert "fully booked" in outcomes["second"]
    assert Booking.objects.filter(starts_at=slot).count() == 1
