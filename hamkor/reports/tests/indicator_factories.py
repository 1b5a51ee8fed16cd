"""Factories and hand-made records for the tests of the indicators and targets."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from hamkor.agreements.tests.factories import AgreementFactory, put_in_status
from hamkor.mobility.models import Mobility, Person
from hamkor.partners.models import RankingEntry
from hamkor.partners.tests.factories import InstitutionFactory
from hamkor.reports.models import Target, UniversityYear
from hamkor.students.models import ForeignStudent
from hamkor.students.tests.factories import ForeignStudentFactory

D = datetime.date
FEBRUARY_2025 = D(2025, 2, 10)


class UniversityYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = UniversityYear

    year = factory.Sequence(lambda n: 2000 + n % 100)
    students_total = 10000
    faculty_total = 500
    international_faculty = 25


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    key = "outbound_exchange"
    year = factory.Sequence(lambda n: 2000 + n % 100)
    value = Decimal(100)


def partner(country: str = "TR", **ranks: str):
    """A foreign institution with QS World entries: ``partner(qs2025="451-500")``."""
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


def agreement(
    institution,
    *,
    signed: datetime.date,
    valid_to=None,
    status="active",
    units=(),
    terminated_on=None,
):
    made = AgreementFactory(
        partners=[institution],
        signed_on=signed,
        valid_from=signed,
        valid_to=valid_to,
        units=list(units),
    )
    put_in_status(made, status)
    if terminated_on:
        type(made).objects.filter(pk=made.pk).update(terminated_on=terminated_on)
    return made


def student(faculty, *, enrolled_on=None, status=ForeignStudent.Status.ENROLLED, left_on=None):
    """A foreign student; ``left_on`` is the day of the last status change (graduation)."""
    record = ForeignStudentFactory(faculty=faculty, enrolled_on=enrolled_on)
    ForeignStudent.objects.filter(pk=record.pk).update(
        status=status,
        status_changed_at=timezone.make_aware(datetime.datetime.combine(left_on, datetime.time(12)))
        if left_on
        else None,
    )
    return record


def exchange(
    home,
    other,
    *,
    direction=Mobility.Direction.INCOMING,
    start=FEBRUARY_2025,
    kind=Mobility.Kind.STUDENT_STUDY,
    status=Mobility.Status.COMPLETED,
    person=None,
    unit=None,
):
    """A student mobility written straight to the table."""
    person = person or Person.objects.create(
        category=Person.Category.STUDENT,
        last_name="Aliyev",
        first_name="Sardor",
        citizenship="UZ",
        org_unit=unit,
    )
    outgoing = direction == Mobility.Direction.OUTGOING
    done = status in (Mobility.Status.IN_PROGRESS, Mobility.Status.COMPLETED)
    return Mobility.objects.create(
        person=person,
        direction=direction,
        kind=kind,
        programme=Mobility.Programme.BILATERAL,
        sending_institution=home if outgoing else other,
        receiving_institution=other if outgoing else home,
        planned_start=start,
        planned_end=start + datetime.timedelta(days=120),
        actual_start=start if done else None,
        status=status,
        home_unit=unit,
    )


def report_records(faculty_a, officer, *, note: str = "") -> dict:
    """For the walks over every page: the totals of a closed year (two years ago), a target
    of faculty A and one of the university, so that the progress page draws its chart."""
    from hamkor.reports.indicator_services import university_year_close

    this_year = timezone.localdate().year
    year = UniversityYearFactory(year=this_year - 2, notes=note)
    year = university_year_close(record=year, actor=officer)
    target = TargetFactory(
        key="students_abroad_certified", year=this_year, faculty=faculty_a, note=note
    )
    TargetFactory(key="outbound_exchange", year=this_year)
    return {"universityyear": year.pk, "target": target.pk}
