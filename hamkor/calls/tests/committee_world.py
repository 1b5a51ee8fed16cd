"""A call under evaluation with places, criteria, applications and reviewers, for the
committee's and the selection's tests."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from hamkor.accounts.roles import Role
from hamkor.accounts.tests.factories import UserFactory
from hamkor.calls.committee_services import scores_save
from hamkor.calls.models import Application, Call, Criterion, Place, Preference, Reviewer
from hamkor.mobility.models import Person
from hamkor.partners.tests.factories import InstitutionFactory

CRITERIA = (("gpa", 40, "GPA"), ("language", 30, "Language"), ("motivation", 30, "Motivation"))


def call_under_evaluation(*, seats=(2, 1), criteria=CRITERIA) -> Call:
    now = timezone.now()
    call = Call.objects.create(
        title_uz="Erasmus+ KA171 tanlovi",
        title_ru="Конкурс Erasmus+ KA171",
        title_en="Erasmus+ KA171 call",
        programme=Call.Programme.KA171,
        audience=Call.Audience.STUDENTS,
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=1),
        status=Call.Status.EVALUATION,
    )
    for index, count in enumerate(seats, start=1):
        Place.objects.create(
            call=call,
            institution=InstitutionFactory(name=f"Partner University {index}"),
            seats=count,
            semester=Place.Semester.AUTUMN,
        )
    for order, (code, weight, name) in enumerate(criteria):
        Criterion.objects.create(
            call=call, code=code, weight=weight, order=order, name_uz=name, name_en=name
        )
    return call


def places(call: Call) -> list[Place]:
    return list(call.places.order_by("pk"))


def submitted(
    call: Call,
    *preferences: Place,
    name: str = "Karimov",
    at: datetime.datetime | None = None,
    eligible: bool = True,
) -> Application:
    user = UserFactory(roles=[Role.APPLICANT])
    person = Person.objects.create(
        category=Person.Category.STUDENT, last_name=name, first_name="Aziz", citizenship="UZ"
    )
    application = Application.objects.create(
        call=call,
        applicant=user,
        person=person,
        status=Application.Status.SUBMITTED,
        submitted_at=at or call.closes_at - datetime.timedelta(days=2),
        gpa=Decimal("4.5"),
        eligible=eligible,
    )
    for rank, place in enumerate(preferences, start=1):
        Preference.objects.create(application=application, place=place, rank=rank)
    return application


def reviewer(call: Call, name: str = "reviewer") -> object:
    user = UserFactory(roles=[Role.REVIEWER], email=f"{name}@example.org", full_name=name)
    Reviewer.objects.create(call=call, user=user)
    return user


def score(application: Application, user, **values) -> None:
    """``score(a, reviewer, gpa=90, language=80, motivation=70)``."""
    by_code = {c.code: c.pk for c in application.call.criteria.all()}
    scores_save(
        application=application,
        reviewer=user,
        values={by_code[code]: Decimal(str(value)) for code, value in values.items()},
        actor=user,
    )
