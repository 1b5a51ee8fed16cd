"""A small world of mobilities for the page tests: three people, their exchanges, a partner,
an agreement, QS ranks; and helpers those tests share."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from hamkor.agreements.models import Agreement
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.tests.test_services import MobilityFactory, PersonFactory, StaffFactory
from hamkor.partners.models import RankingEntry

D = datetime.date
LIST = reverse("mobility:mobility_list")
ADD = reverse("mobility:mobility_add")
VISA = "AB7654321"


def short(day: datetime.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


@pytest.fixture
def world(home, faculty_a, faculty_b):
    wien = PartnerFactory(name="Universität Wien", name_en="University of Vienna", country="AT")
    RankingEntry.objects.create(
        institution=wien, ranking="qs_world", year=2025, rank="801-850", rank_low=801, rank_high=850
    )
    seoul = PartnerFactory(name="Seoul Institute", country="KR")
    kazan = PartnerFactory(name="Kazan Federal University", country="RU")
    agreement = AgreementFactory(
        partners=[wien],
        status=Agreement.Status.ACTIVE,
        valid_from=D(2024, 1, 1),
        valid_to=D(2028, 12, 31),
    )
    karimov = StaffFactory(last_name="Karimov", first_name="Dilshod", org_unit=faculty_a)
    tosheva = StaffFactory(
        last_name="Tosheva",
        first_name="Malika",
        category=Person.Category.STUDENT,
        org_unit=faculty_b,
    )
    petrov = PersonFactory(last_name="Petrov", first_name="Ivan", citizenship="RU")
    return {
        "home": home,
        "wien": wien,
        "seoul": seoul,
        "kazan": kazan,
        "agreement": agreement,
        "karimov": karimov,
        "tosheva": tosheva,
        "petrov": petrov,
        "teaching": MobilityFactory(
            person=karimov,
            receiving_institution=wien,
            agreement=agreement,
            home_unit=faculty_a,
            planned_start=D(2024, 10, 1),
            planned_end=D(2024, 10, 8),
            actual_start=D(2024, 10, 1),
            actual_end=D(2024, 10, 8),
            status=Mobility.Status.COMPLETED,
        ),
        "study": MobilityFactory(
            person=tosheva,
            kind=Mobility.Kind.STUDENT_STUDY,
            programme=Mobility.Programme.BILATERAL,
            receiving_institution=seoul,
            home_unit=faculty_b,
            planned_start=D(2025, 2, 1),
            planned_end=D(2025, 6, 30),
            status=Mobility.Status.IN_PROGRESS,
            actual_start=D(2025, 2, 1),
        ),
        "guest": MobilityFactory(
            incoming=True,
            person=petrov,
            kind=Mobility.Kind.RESEARCH,
            programme=Mobility.Programme.PARTNER,
            sending_institution=kazan,
            home_unit=faculty_a,
            planned_start=D(2025, 9, 10),
            planned_end=D(2025, 9, 20),
            visa_type=Mobility.Visa.ACADEMIC,
            visa_number=VISA,
            visa_valid_to=D(2025, 10, 1),
        ),
    }


def names(response) -> set[str]:
    return {name for name in ("Karimov", "Tosheva", "Petrov") if name in response.text}
