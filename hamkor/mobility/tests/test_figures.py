"""The seed page's mobility figures, rule by rule, on small hand-made data."""

from __future__ import annotations

import datetime

import pytest

from hamkor.mobility.figures import EUROPE, mobility_figures
from hamkor.mobility.models import Mobility, Person
from hamkor.partners.models import RankingEntry
from hamkor.partners.tests.factories import InstitutionFactory

D = datetime.date
K = Mobility.Kind
S = Mobility.Status
PERIOD = {"start": D(2022, 1, 1), "end": D(2025, 12, 31)}
SPRING_2024 = D(2024, 3, 4)


def host(country: str = "TR", **ranks: str) -> object:
    """A partner with QS World entries: ``host(qs2027="951-1000", qs2023="1401+")``."""
    institution = InstitutionFactory(country=country)
    for key, rank in ranks.items():
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


@pytest.fixture
def person(faculty_a):
    def make(category=Person.Category.STAFF, **fields):
        values = {"last_name": "Karimov", "first_name": "Jasur", "citizenship": "UZ"}
        values["org_unit"] = faculty_a
        return Person.objects.create(category=category, **{**values, **fields})

    return make


@pytest.fixture
def trip(home):
    """A mobility written straight to the table: the figures read records, whoever wrote them."""

    def make(
        person,
        partner,
        kind=K.STAFF_TRAINING,
        start=SPRING_2024,
        days=10,
        status=S.COMPLETED,
        direction=Mobility.Direction.OUTGOING,
        **fields,
    ):
        outgoing = direction == Mobility.Direction.OUTGOING
        end = start + datetime.timedelta(days=days)
        done = status in (S.IN_PROGRESS, S.COMPLETED)
        return Mobility.objects.create(
            person=person,
            direction=direction,
            kind=kind,
            programme=Mobility.Programme.BILATERAL,
            sending_institution=home if outgoing else partner,
            receiving_institution=partner if outgoing else home,
            planned_start=start,
            planned_end=end,
            actual_start=start if done else None,
            actual_end=end if status == S.COMPLETED else None,
            status=status,
            **fields,
        )

    return make


def figure(name: str, **period) -> int:
    return mobility_figures(**(period or PERIOD))[name]


def test_a_professor_with_two_top_1000_internships_counts_once(person, trip):
    top = host(qs2027="305")
    professor, other = person(), person(first_name="Aziz")
    trip(professor, top, start=D(2023, 3, 6))
    trip(professor, host(qs2027="951-1000"), start=D(2024, 10, 7))
    trip(other, top, start=D(2025, 5, 5))
    assert figure("professors_interned_at_qs_top1000") == 2


def test_a_host_ranked_after_1000_or_not_ranked_does_not_count(person, trip):
    trip(person(), host(qs2027="1001-1200"))
    trip(person(), host(qs2027="1401+"))
    trip(person(), host())
    trip(person(), host(qs2027="1001-1200"), kind=K.STAFF_TEACHING)
    assert figure("professors_interned_at_qs_top1000") == 0
    assert figure("professors_taught_at_qs_top1000") == 0
    trip(person(), host(qs2027="951-1000"), kind=K.STAFF_TEACHING)
    assert figure("professors_taught_at_qs_top1000") == 1


@pytest.mark.parametrize("status", [S.PLANNED, S.NOMINATED, S.ACCEPTED, S.IN_PROGRESS])
def test_only_completed_mobilities_count(person, trip, status):
    top_europe = host("CZ", qs2027="273")
    for kind in (K.STAFF_TEACHING, K.STAFF_TRAINING):
        trip(person(), top_europe, kind=kind, status=status)
    trip(person(Person.Category.STUDENT), top_europe, K.STUDENT_STUDY, status=status)
    guest = person(Person.Category.FOREIGN_PROFESSOR, org_unit=None, citizenship="CZ")
    trip(guest, top_europe, K.STAFF_TEACHING, status=status, direction="incoming")
    assert set(mobility_figures(**PERIOD).values()) == {0}


def test_a_cancelled_mobility_does_not_count(person, trip):
    top = host(qs2027="150")
    trip(person(), top, status=S.CANCELLED, cancel_reason="Visa refused.")
    trip(person(), top, K.STAFF_TEACHING, status=S.CANCELLED, cancel_reason="Postponed.")
    assert figure("professors_interned_at_qs_top1000") == 0
    assert figure("professors_taught_at_qs_top1000") == 0


def test_a_mobility_belongs_to_the_period_it_began_in(person, trip):
    top = host(qs2027="305")
    trip(person(), top, start=D(2021, 12, 31))  # before
    trip(person(), top, start=D(2022, 1, 1))  # first day
    trip(person(), top, start=D(2025, 12, 31))  # last day, ends in 2026
    trip(person(), top, start=D(2026, 1, 1))  # after
    assert figure("professors_interned_at_qs_top1000") == 2
    assert figure("professors_interned_at_qs_top1000", start=D(2026, 1, 1), end=D(2026, 1, 1)) == 1
    assert (
        figure("professors_interned_at_qs_top1000", start=D(2022, 1, 2), end=D(2025, 12, 30)) == 0
    )


def test_the_actual_start_decides_over_the_planned_one(person, trip):
    mobility = trip(person(), host(qs2027="305"), start=D(2022, 1, 3))
    Mobility.objects.filter(pk=mobility.pk).update(planned_start=D(2021, 12, 20))
    assert figure("professors_interned_at_qs_top1000") == 1


def test_an_empty_or_reversed_period(person, trip):
    trip(person(), host(qs2027="305"))
    assert set(mobility_figures(start=D(2030, 1, 1), end=D(2030, 12, 31)).values()) == {0}
    with pytest.raises(ValueError):
        mobility_figures(start=D(2025, 1, 1), end=D(2024, 1, 1))


def test_students_count_with_a_certificate_only(person, trip):
    partner = host()
    student = person(Person.Category.STUDENT)
    trip(student, partner, K.STUDENT_STUDY, days=120, certificate_received=True)
    trip(student, partner, K.STUDENT_TRAINEESHIP, start=D(2025, 7, 1), certificate_received=True)
    trip(person(Person.Category.STUDENT), partner, K.STUDENT_TRAINEESHIP, certificate_received=True)
    trip(person(Person.Category.STUDENT), partner, K.STUDENT_STUDY)  # still waiting
    trip(person(), partner, K.STAFF_TRAINING, certificate_received=True)  # staff, not students
    assert figure("students_abroad_with_certificate") == 2


def test_students_at_a_host_in_the_home_country_were_not_sent_abroad(person, trip):
    student = person(Person.Category.STUDENT)
    trip(student, host("UZ"), K.STUDENT_STUDY, certificate_received=True)
    assert figure("students_abroad_with_certificate") == 0


def test_the_qs_edition_follows_the_year_of_the_mobility(person, trip):
    # Left the top 1000 in 2023's edition, entered it in 2027's.
    moving = host(qs2023="1001-1200", qs2027="801-850")
    trip(person(), moving, start=D(2022, 5, 2))  # edition 2023: out
    trip(person(), moving, start=D(2025, 4, 7))  # edition 2026 or older → 2023: out
    trip(person(), moving, start=D(2026, 4, 6))  # edition 2027: in
    assert (
        figure("professors_interned_at_qs_top1000", start=D(2022, 1, 1), end=D(2026, 12, 31)) == 1
    )
    # An open band in the edition that applies is not skipped for an older, better rank.
    trip(person(), host(qs2023="801-850", qs2027="1401+"), start=D(2026, 4, 6))
    # With only the 2027 edition loaded, its rank stands in for every earlier year.
    trip(person(), host(qs2027="801-850"), start=D(2022, 5, 2))
    assert figure("professors_interned_at_qs_top1000") == 1


def test_teachers_in_the_uk_and_europe(person, trip):
    teacher = person()
    trip(teacher, host("CZ", qs2027="273"), K.STAFF_TEACHING, start=D(2024, 3, 4))
    trip(teacher, host("NL"), K.STAFF_TRAINING, start=D(2024, 10, 7))  # same teacher
    trip(person(), host("GB", qs2027="1001-1200"), K.STAFF_TRAINING)  # unranked hosts count too
    trip(person(), host("BE"), K.RESEARCH)
    for country in ("RU", "TR", "BY", "AZ", "KZ"):
        trip(person(), host(country), K.STAFF_TEACHING)
    trip(person(Person.Category.STUDENT), host("DE"), K.STUDENT_STUDY, certificate_received=True)
    guest = person(Person.Category.FOREIGN_PROFESSOR, org_unit=None, citizenship="GB")
    trip(guest, host("GB"), K.STAFF_TEACHING, direction="incoming")
    assert figure("teachers_uk_europe") == 3


def test_the_definition_of_europe():
    assert {"GB", "CH", "NO", "CZ", "NL", "BE", "DE", "RS", "UA"} <= EUROPE
    assert not {"RU", "BY", "TR", "AZ", "AM", "GE", "KZ", "UZ"} & EUROPE


def test_visiting_professors_taught_here(person, trip):
    partner = host("KR", qs2027="155")
    guest = person(Person.Category.FOREIGN_PROFESSOR, org_unit=None, citizenship="KR")
    trip(guest, partner, K.STAFF_TEACHING, direction="incoming", start=D(2023, 4, 3))
    trip(guest, partner, K.STAFF_TEACHING, direction="incoming", start=D(2024, 4, 1))
    other = person(Person.Category.FOREIGN_PROFESSOR, org_unit=None, citizenship="KR")
    trip(other, partner, K.STAFF_TRAINING, direction="incoming")  # came to learn, not to teach
    trip(person(), partner, K.STAFF_TEACHING)  # our professor abroad
    figures = mobility_figures(**PERIOD)
    assert figures["visiting_professors"] == 1
    # An incoming teacher is not one of ours teaching at a top-1000 university.
    assert figures["professors_taught_at_qs_top1000"] == 1


def test_a_constant_number_of_queries(person, trip, django_assert_num_queries):
    partner = host("CZ", qs2027="273")
    for n in range(5):
        trip(person(), partner, K.STAFF_TEACHING, start=D(2023, 1, 2 + n * 5))
    with django_assert_num_queries(7):
        assert figure("professors_taught_at_qs_top1000") == 5
