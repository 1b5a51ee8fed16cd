"""Records for the dashboard's tests: a faculty's agreements, mobilities, events and grant
income in a given year, written straight to the tables (the dashboard reads records,
whoever wrote them)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory, put_in_status
from hamkor.events.models import Event
from hamkor.events.tests.factories import EventFactory
from hamkor.grants.tests.money_factories import MoneyProjectFactory, ReceiptFactory
from hamkor.mobility.models import Mobility, Person
from hamkor.partners.models import Institution
from hamkor.partners.tests.factories import HomeInstitutionFactory

D = datetime.date


def partner(country: str) -> Institution:
    return PartnerFactory(country=country, kind=Institution.Kind.UNIVERSITY)


def agreement(faculty, *, signed_on: datetime.date, country: str = "DE", kind=Agreement.Kind.MOU):
    """An agreement of ``faculty`` signed on ``signed_on`` and in force to 2099."""
    signed = AgreementFactory(
        kind=kind,
        signed_on=signed_on,
        valid_from=signed_on,
        valid_to=D(2099, 12, 31),
        partners=[partner(country)],
        units=[faculty],
    )
    put_in_status(signed, Agreement.Status.ACTIVE)
    return signed


def mobility(faculty, *, start: datetime.date, kind=Mobility.Kind.STAFF_TRAINING, **fields):
    home = HomeInstitutionFactory()
    values = {
        "direction": Mobility.Direction.OUTGOING,
        "status": Mobility.Status.COMPLETED,
        "country": "TR",
    }
    values.update(fields)
    outgoing = values["direction"] == Mobility.Direction.OUTGOING
    person = Person.objects.create(
        category=Person.Category.STAFF,
        last_name="Karimov",
        first_name="Jasur",
        citizenship="UZ",
        org_unit=faculty,
    )
    host = partner(values.pop("country"))
    end = start + datetime.timedelta(days=10)
    return Mobility.objects.create(
        person=person,
        kind=kind,
        programme=Mobility.Programme.BILATERAL,
        sending_institution=home if outgoing else host,
        receiving_institution=host if outgoing else home,
        planned_start=start,
        planned_end=end,
        actual_start=start,
        actual_end=end,
        **values,
    )


def event(faculty, *, start: datetime.date, kind=Event.Kind.CONFERENCE):
    return EventFactory(
        kind=kind, organisation=Event.Organisation.OURS, start=start, end=start, home_unit=faculty
    )


def receipt(faculty, *, received_on: datetime.date, amount: str = "1000.00"):
    """US dollars received by a project of ``faculty`` (no rate needed)."""
    project = MoneyProjectFactory(
        faculty=faculty,
        starts_on=D(received_on.year, 1, 1),
        ends_on=D(received_on.year, 12, 31),
    )
    return ReceiptFactory(
        project=project, received_on=received_on, amount=Decimal(amount), currency="USD"
    )


def year_of_work(faculty, year: int, *, times: int = 1, country: str = "DE") -> None:
    """``times`` of each: an agreement, a mobility, an event and 1,000 USD of grant income,
    in May of ``year``."""
    for n in range(times):
        day = D(year, 5, 1 + n % 28)
        agreement(faculty, signed_on=day, country=country)
        mobility(faculty, start=day)
        event(faculty, start=day)
        receipt(faculty, received_on=day)
