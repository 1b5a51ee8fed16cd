"""The twelve achievements of a period, each on hand-built records, through ``Period``.

The apps' own tests (``*/tests/test_figures.py``) check their rules one by one; these check
what the achievements add: each key reads the right records for a :class:`Period` (its
first and last days, its day ``on``, its faculty), the values' types, the agreements and the
partners in force (which no app test covers), money in three currencies, and a number of
queries that does not grow with the data.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from hamkor.accounts.tests.factories import OrgUnitFactory
from hamkor.agreements.tests.factories import AgreementFactory, PartnerFactory, put_in_status
from hamkor.events.tests.factories import EventFactory, ParticipantFactory
from hamkor.grants.tests.money_factories import (
    ExchangeRateFactory,
    MoneyProjectFactory,
    ReceiptFactory,
)
from hamkor.mobility.models import Mobility
from hamkor.mobility.tests.test_services import PersonFactory, StaffFactory
from hamkor.partners.models import Institution, RankingEntry
from hamkor.reports.achievements import KEYS, Period, PeriodError, achievements

pytestmark = pytest.mark.django_db

D = datetime.date
FIRST, LAST = D(2022, 1, 1), D(2025, 12, 31)
DAY_BEFORE, DAY_AFTER = D(2021, 12, 31), D(2026, 1, 1)
ON = D(2026, 6, 1)
K = Mobility.Kind
SPRING_2024 = D(2024, 3, 4)


def period(**given) -> Period:
    return Period(**{"start": FIRST, "end": LAST, "on": ON, **given})


def ranked(country: str = "TR", **editions: str) -> Institution:
    """A university with QS World places: ``ranked(qs2025="951-1000")``."""
    institution = PartnerFactory(country=country, kind=Institution.Kind.UNIVERSITY)
    for key, rank in editions.items():
        low, _dash, high = rank.rstrip("+").partition("-")
        RankingEntry.objects.create(
            institution=institution,
            ranking=RankingEntry.Ranking.QS_WORLD,
            year=int(key.removeprefix("qs")),
            rank=rank,
            rank_low=int(low),
            rank_high=None if rank.endswith("+") else int(high or low),
        )
    return institution


def trip(home, person, host, *, kind=K.STAFF_TRAINING, start=SPRING_2024, **fields):
    """A mobility as the records hold it (completed, outgoing unless told otherwise)."""
    values = {
        "direction": Mobility.Direction.OUTGOING,
        "status": Mobility.Status.COMPLETED,
        "programme": Mobility.Programme.BILATERAL,
        **fields,
    }
    outgoing = values["direction"] == Mobility.Direction.OUTGOING
    return Mobility.objects.create(
        person=person,
        kind=kind,
        sending_institution=home if outgoing else host,
        receiving_institution=host if outgoing else home,
        planned_start=start,
        planned_end=start + datetime.timedelta(days=10),
        actual_start=start if values["status"] == Mobility.Status.COMPLETED else None,
        **values,
    )


def test_every_key_with_its_type_on_an_empty_database(home):
    figures = achievements(period())
    assert tuple(figures) == KEYS
    assert len(KEYS) == 12
    assert figures["agreement_countries"] == []
    assert figures["grant_income_usd"] == Decimal("0.00")
    numbers = {key: value for key, value in figures.items() if key != "agreement_countries"}
    assert set(numbers.values()) == {0}


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(PeriodError):
        Period(start=LAST, end=FIRST, on=ON)


def test_the_default_period_is_the_four_calendar_years_before_today():
    default = Period.default(today=D(2026, 12, 7))
    assert (default.start, default.end, default.on, default.faculty) == (
        D(2022, 1, 1),
        D(2025, 12, 31),
        D(2026, 12, 7),
        None,
    )


# --- Agreements ---------------------------------------------------------------------------


def test_agreements_signed_on_the_first_and_last_days_count_the_days_around_do_not(home):
    for day in (DAY_BEFORE, FIRST, LAST, DAY_AFTER):
        put_in_status(AgreementFactory(signed_on=day, valid_from=day), "active")
    assert achievements(period())["agreements_signed"] == 2


def test_agreements_count_once_signed_even_when_expired_or_terminated_since(home):
    for status in ("active", "expired", "terminated", "draft", "negotiation", "signature"):
        put_in_status(AgreementFactory(), status)
    assert achievements(period())["agreements_signed"] == 3


def test_the_partner_countries_sorted_without_the_home_country(home):
    uzbek = PartnerFactory(country="UZ")
    agreement = AgreementFactory(partners=[PartnerFactory(country="TR"), uzbek, home])
    put_in_status(agreement, "active")
    put_in_status(AgreementFactory(partners=[PartnerFactory(country="BE")]), "active")
    put_in_status(AgreementFactory(partners=[PartnerFactory(country="AZ")]), "draft")
    assert achievements(period())["agreement_countries"] == ["BE", "TR"]


def test_with_a_faculty_only_its_agreements_and_its_departments_count(home, faculty_a, faculty_b):
    department = OrgUnitFactory(institution=home, parent=faculty_a, kind="department")
    for units in ([faculty_a], [department], [faculty_b], []):
        put_in_status(AgreementFactory(units=units), "active")
    assert achievements(period(faculty=faculty_a))["agreements_signed"] == 2
    assert achievements(period(faculty=faculty_b))["agreements_signed"] == 1
    assert achievements(period())["agreements_signed"] == 4


# --- Partner universities in force on a day -------------------------------------------------


def test_partner_universities_in_force_on_the_day_asked(home):
    def agreement(partner, status="active", **dates):
        values = {"signed_on": D(2024, 1, 10), "valid_from": D(2024, 2, 1)}
        put_in_status(AgreementFactory(partners=[partner], **{**values, **dates}), status)

    in_force = PartnerFactory(kind=Institution.Kind.UNIVERSITY)
    agreement(in_force, valid_to=ON)  # its last day is the day asked
    agreement(PartnerFactory(kind=Institution.Kind.UNIVERSITY), valid_from=ON + D.resolution)
    agreement(PartnerFactory(kind=Institution.Kind.UNIVERSITY), valid_to=ON - D.resolution)
    agreement(
        PartnerFactory(kind=Institution.Kind.UNIVERSITY),
        status="terminated",
        terminated_on=ON - D.resolution,
    )
    agreement(PartnerFactory(kind=Institution.Kind.COMPANY))  # not a university
    agreement(PartnerFactory(kind=Institution.Kind.UNIVERSITY, country="UZ"))  # not foreign
    agreement(PartnerFactory(kind=Institution.Kind.UNIVERSITY), status="signature")
    agreement(in_force, valid_to=None)  # a second agreement: still one university
    assert achievements(period())["partner_universities_active"] == 1
    assert achievements(period(on=D(2024, 1, 31)))["partner_universities_active"] == 0


# --- Mobility -------------------------------------------------------------------------------


def test_mobilities_that_began_on_the_first_and_last_days_count_the_days_around_do_not(home):
    host = ranked(qs2023="501-510", qs2025="501-510", qs2026="501-510", qs2027="501-510")
    for day in (DAY_BEFORE, FIRST, LAST, DAY_AFTER):
        trip(home, StaffFactory(), host, start=day)
    assert achievements(period())["professors_interned_qs1000"] == 2


def test_a_professor_counts_once_across_two_trips_and_a_cancelled_trip_not_at_all(home):
    host = ranked(qs2025="701-710")
    professor = StaffFactory()
    trip(home, professor, host, start=D(2024, 3, 4))
    trip(home, professor, host, start=D(2024, 10, 7))
    trip(home, StaffFactory(), host, status=Mobility.Status.CANCELLED)
    trip(home, StaffFactory(), host, status=Mobility.Status.ACCEPTED)
    assert achievements(period())["professors_interned_qs1000"] == 1


def test_the_qs_edition_of_the_trips_year_decides_not_another_years(home):
    # Ranked 1001-1200 in the 2025 edition (read for a 2024 trip), 951-1000 in 2027's
    # (read for a 2026 trip): the 2024 trip is not at a top-1000 university.
    host = ranked(qs2025="1001-1200", qs2027="951-1000")
    trip(home, StaffFactory(), host, kind=K.STAFF_TEACHING, start=D(2024, 3, 4))
    assert achievements(period())["professors_taught_qs1000"] == 0
    trip(home, StaffFactory(), host, kind=K.STAFF_TEACHING, start=D(2026, 3, 4))
    later = period(start=D(2026, 1, 1), end=D(2026, 12, 31))
    assert achievements(later)["professors_taught_qs1000"] == 1


def test_students_count_abroad_with_their_certificate_only(home):
    host = ranked(country="KR")
    student = {"kind": K.STUDENT_STUDY}
    trip(home, PersonFactory(category="student"), host, certificate_received=True, **student)
    trip(home, PersonFactory(category="student"), host, certificate_received=False, **student)
    at_home = PartnerFactory(country="UZ")
    trip(home, PersonFactory(category="student"), at_home, certificate_received=True, **student)
    assert achievements(period())["students_abroad_certified"] == 1


def test_teachers_in_the_uk_and_europe_and_the_visiting_professors(home):
    trip(home, StaffFactory(), ranked(country="GB"), kind=K.STAFF_TEACHING)
    trip(home, StaffFactory(), ranked(country="CZ"), kind=K.RESEARCH)
    trip(home, StaffFactory(), ranked(country="TR"), kind=K.STAFF_TEACHING)
    guest = PersonFactory()
    incoming = {"kind": K.STAFF_TEACHING, "direction": Mobility.Direction.INCOMING}
    trip(home, guest, ranked(country="DE"), **incoming)
    trip(home, guest, ranked(country="DE"), start=D(2025, 2, 3), **incoming)
    trip(home, PersonFactory(), ranked(country="DE"), kind=K.RESEARCH, direction="incoming")
    figures = achievements(period())
    assert figures["teachers_uk_europe"] == 2
    assert figures["visiting_professors"] == 1


def test_with_a_faculty_only_its_peoples_mobilities_count(home, faculty_a, faculty_b):
    host = ranked(qs2025="101-110")
    trip(home, StaffFactory(org_unit=faculty_a), host)
    trip(home, StaffFactory(org_unit=faculty_b), host)
    assert achievements(period(faculty=faculty_a))["professors_interned_qs1000"] == 1
    assert achievements(period())["professors_interned_qs1000"] == 2


# --- Events ---------------------------------------------------------------------------------


def test_professors_at_conferences_abroad_with_a_certificate_each_once(home, faculty_a):
    def conference(start, country="TR"):
        kind = {"kind": "conference", "organisation": "attended"}
        return EventFactory(country=country, start=start, **kind)

    professor = StaffFactory(org_unit=faculty_a)
    for event in (conference(FIRST), conference(LAST)):
        ParticipantFactory(event=event, person=professor, certificate_reference="C-1")
    ParticipantFactory(
        event=conference(DAY_AFTER), person=StaffFactory(), certificate_reference="C-2"
    )
    ParticipantFactory(event=conference(FIRST), person=StaffFactory())  # no certificate
    ParticipantFactory(
        event=conference(FIRST, country="UZ"), person=StaffFactory(), certificate_reference="C-3"
    )
    assert achievements(period())["professors_conferences_abroad"] == 1


def test_webinars_with_partners_in_the_period(home):
    partner = PartnerFactory()
    for day in (DAY_BEFORE, FIRST, LAST, DAY_AFTER):
        EventFactory(start=day).partners.add(partner)
    EventFactory(start=FIRST)  # no partner recorded
    EventFactory(start=FIRST, organisation="attended").partners.add(partner)
    assert achievements(period())["webinars_with_partners"] == 2


# --- Grants ---------------------------------------------------------------------------------


def test_grant_income_in_three_currencies_at_each_receipts_rate(home):
    project = MoneyProjectFactory(starts_on=D(2022, 1, 1), ends_on=D(2025, 12, 31))
    day = D(2023, 4, 5)
    ExchangeRateFactory(currency="USD", date=day, rate=Decimal("11400"))
    ExchangeRateFactory(currency="EUR", date=day, rate=Decimal("12540"))
    ReceiptFactory(project=project, received_on=day, currency="USD", amount=Decimal("1000"))
    ReceiptFactory(project=project, received_on=day, currency="EUR", amount=Decimal("1000"))
    ReceiptFactory(project=project, received_on=day, currency="UZS", amount=Decimal("5700000"))
    ReceiptFactory(project=project, received_on=DAY_AFTER, amount=Decimal("999"))
    figures = achievements(period())
    # 1000 USD + 1000 EUR at 12 540 / 11 400 (1100 USD) + 5 700 000 som (500 USD).
    assert figures["grant_income_usd"] == Decimal("2600.00")
    assert figures["grant_projects"] == 1


def test_grant_projects_active_in_the_period_and_a_receipt_without_its_rate(home):
    MoneyProjectFactory(starts_on=D(2021, 1, 1), ends_on=FIRST)  # its last day is the first
    MoneyProjectFactory(starts_on=D(2019, 1, 1), ends_on=DAY_BEFORE)
    MoneyProjectFactory(starts_on=DAY_AFTER, ends_on=None)
    MoneyProjectFactory(starts_on=LAST, ends_on=None, status="rejected")
    ReceiptFactory(received_on=D(2024, 2, 1), currency="EUR", with_rate=False)
    figures = achievements(period())
    assert figures["grant_projects"] == 2
    assert figures["grant_income_usd"] == Decimal("0.00")  # the EUR rate is missing


# --- Queries --------------------------------------------------------------------------------


def _some_of_everything(home, n: int) -> None:
    partner = ranked(country="GB", qs2025="301-310")
    for _index in range(n):
        put_in_status(AgreementFactory(partners=[ranked(country="KR")]), "active")
        trip(home, StaffFactory(), partner)
        trip(home, PersonFactory(category="student"), partner, kind=K.STUDENT_STUDY)
        EventFactory(start=D(2024, 5, 6)).partners.add(partner)
        ReceiptFactory(received_on=D(2024, 5, 10))


def test_achievements_take_as_many_queries_with_little_and_with_more_data(
    home, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _some_of_everything(home, 1)
    with CaptureQueriesContext(connection) as little:
        achievements(period())
    _some_of_everything(home, 6)
    with django_assert_num_queries(len(little.captured_queries)):
        figures = achievements(period())
    assert figures["agreements_signed"] == 7
