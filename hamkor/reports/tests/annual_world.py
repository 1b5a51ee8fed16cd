"""A small year of records for the annual report's tests: 2025 at a university with two
faculties, partners in Türkiye and Germany, and one record of 2024 that must stay out."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory
from hamkor.events.models import Event
from hamkor.events.tests.factories import EventFactory
from hamkor.grants.tests.money_factories import MoneyProjectFactory, ReceiptFactory
from hamkor.mobility.models import Mobility, Person
from hamkor.partners.tests.factories import InstitutionFactory

D = datetime.date
YEAR = 2025


@dataclass
class World:
    ankara: object
    berlin: object
    student: object
    guest: object
    project: object


def _trip(person, sender, receiver, *, direction, kind, programme, start, unit=None, **fields):
    return Mobility.objects.create(
        person=person,
        direction=direction,
        kind=kind,
        programme=programme,
        sending_institution=sender,
        receiving_institution=receiver,
        home_unit=unit,
        planned_start=start,
        planned_end=start + datetime.timedelta(days=90),
        actual_start=start,
        actual_end=start + datetime.timedelta(days=90),
        status=Mobility.Status.COMPLETED,
        **fields,
    )


@pytest.fixture
def annual_world(home, faculty_a, faculty_b) -> World:
    ankara = InstitutionFactory(
        name="Ankara Üniversitesi", name_en="Ankara University", country="TR"
    )
    berlin = InstitutionFactory(
        name="Freie Universität Berlin", name_en="Free University of Berlin", country="DE"
    )
    AgreementFactory(
        reference="MOU-2025-001",
        status=Agreement.Status.ACTIVE,
        signed_on=D(YEAR, 3, 1),
        valid_from=D(YEAR, 3, 1),
        partners=[ankara],
        units=[faculty_a],
    )
    AgreementFactory(
        reference="EXA-2025-002",
        kind=Agreement.Kind.EXCHANGE,
        status=Agreement.Status.ACTIVE,
        signed_on=D(YEAR, 6, 10),
        valid_from=D(YEAR, 6, 10),
        partners=[berlin],
    )
    # Signed the year before: in the charts' trend, not in the year's figures.
    AgreementFactory(
        reference="MOU-2024-003",
        status=Agreement.Status.ACTIVE,
        signed_on=D(YEAR - 1, 5, 5),
        partners=[berlin],
        units=[faculty_b],
    )
    student = Person.objects.create(
        category=Person.Category.STUDENT,
        last_name="Karimova",
        first_name="Dilnoza",
        citizenship="UZ",
        org_unit=faculty_a,
    )
    guest = Person.objects.create(
        category=Person.Category.FOREIGN_PROFESSOR,
        last_name="Schneider",
        first_name="Anna",
        citizenship="DE",
    )
    _trip(
        student,
        home,
        ankara,
        direction=Mobility.Direction.OUTGOING,
        kind=Mobility.Kind.STUDENT_STUDY,
        programme=Mobility.Programme.KA171,
        start=D(YEAR, 2, 1),
        certificate_received=True,
    )
    _trip(
        guest,
        berlin,
        home,
        direction=Mobility.Direction.INCOMING,
        kind=Mobility.Kind.STAFF_TEACHING,
        programme=Mobility.Programme.BILATERAL,
        start=D(YEAR, 10, 1),
        unit=faculty_b,
        teaching_hours=8,
    )
    event = EventFactory(start=D(YEAR, 4, 2), organisation=Event.Organisation.WITH_PARTNERS)
    event.partners.set([ankara])
    project = MoneyProjectFactory(
        title="Digital campus", acronym="DIGICAM", starts_on=D(YEAR - 1, 1, 1), ends_on=None
    )
    ReceiptFactory(project=project, received_on=D(YEAR, 5, 10), amount=Decimal("1500.00"))
    return World(ankara=ankara, berlin=berlin, student=student, guest=guest, project=project)
