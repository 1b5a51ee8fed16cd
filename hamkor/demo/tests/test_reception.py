"""The demo's reception step: hours every working day, the moving holidays, inquiries at
each stage and bookings, through the services; a second run adds nothing."""

from __future__ import annotations

import io

import pytest

from hamkor.core.management.commands.demo_data import STEPS
from hamkor.demo import reception as demo_reception
from hamkor.website.inquiries.models import Inquiry
from hamkor.website.reception.models import Booking, Holiday, ReceptionHours

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (ReceptionHours, Holiday, Inquiry, Booking))


def test_the_reception_demo_runs_once(home):
    from hamkor.accounts.tests.factories import UserFactory

    UserFactory(email="officer@hamkor.demo", roles=["officer"])
    demo_reception.load(io.StringIO())
    assert ReceptionHours.objects.count() == 10
    assert Holiday.objects.filter(name_en="Eid al-Fitr").count() == 2
    assert set(Inquiry.objects.values_list("status", flat=True)) == {"new", "assigned", "answered"}
    assert Booking.objects.count() == 3
    answered = Inquiry.objects.get(status="answered")
    assert answered.history.filter(history_change_reason="website.inquiry.reply").exists()
    before = counts()
    demo_reception.load(io.StringIO())
    assert counts() == before
    assert "hamkor.demo.reception.load" in STEPS
