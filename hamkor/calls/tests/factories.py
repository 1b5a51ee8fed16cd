"""Factories and helpers for the calls' tests: an open call with places and criteria, and an
applicant's complete draft."""

from __future__ import annotations

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from hamkor.agreements.tests.factories import pdf_upload
from hamkor.calls.models import Application, Call, Criterion, Place
from hamkor.mobility.models import Person
from hamkor.partners.tests.factories import InstitutionFactory


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    title_uz = factory.Sequence(lambda n: f"Tanlov {n}")
    title_ru = factory.Sequence(lambda n: f"Конкурс {n}")
    title_en = factory.Sequence(lambda n: f"Call {n}")
    programme = Call.Programme.KA171
    audience = Call.Audience.STUDENTS
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    call = factory.SubFactory(CallFactory)
    institution = factory.SubFactory(InstitutionFactory)
    seats = 1
    months = 5
    semester = Place.Semester.AUTUMN
    starts_on = datetime.date(2030, 9, 1)
    ends_on = datetime.date(2031, 1, 31)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    call = factory.SubFactory(CallFactory)
    code = factory.Sequence(lambda n: f"criterion-{n}")
    name_uz = factory.Sequence(lambda n: f"Mezon {n}")
    name_en = factory.Sequence(lambda n: f"Criterion {n}")
    weight = 100


def open_call(*, places: int = 2, **fields) -> Call:
    """A call with ``places`` places of one seat, GPA 60 % and motivation 40 %, open now."""
    call = CallFactory(**fields)
    for _n in range(places):
        PlaceFactory(call=call)
    CriterionFactory(call=call, code="gpa", name_en="GPA", weight=60, order=1)
    CriterionFactory(call=call, code="motivation", name_en="Motivation", weight=40, order=2)
    set_status(call, Call.Status.OPEN)
    return call


def set_status(record, status: str) -> None:
    """Test set-up: move a saved record to ``status`` without its transitions."""
    type(record).objects.filter(pk=record.pk).update(status=status)
    record.refresh_from_db()


def person_for(user, faculty, **fields) -> Person:
    return Person.objects.create(
        category=fields.pop("category", Person.Category.STUDENT),
        last_name=fields.pop("last_name", "Karimova"),
        first_name=fields.pop("first_name", "Aziza"),
        citizenship="UZ",
        org_unit=faculty,
        email=user.email,
        user=user,
        **fields,
    )


def complete_draft(
    call: Call, user, *, gpa="4.20", places=None, documents: bool = True
) -> Application:
    """A draft with everything a submission needs (through the applicant's services)."""
    from hamkor.calls.applying import (
        application_document_add,
        application_save,
        application_start,
    )

    application = application_start(call=call, actor=user)
    application.gpa = Decimal(gpa)
    application.study_level = "bachelor"
    application.year_of_study = 2
    application.motivation = "I want to study abroad."
    application = application_save(
        application=application,
        preferences=list(places if places is not None else call.places.all()),
        actor=user,
        expected_version=application.version,
    )
    for kind in call.required_documents if documents else []:
        application_document_add(
            application=application, kind=kind, upload=pdf_upload(f"{kind}.pdf"), actor=user
        )
    return application
