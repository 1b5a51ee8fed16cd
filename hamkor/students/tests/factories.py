"""Factories of the students app."""

from __future__ import annotations

import factory

from hamkor.mobility.models import Person
from hamkor.students.models import ForeignStudent, StudentRequest


class ForeignPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    category = Person.Category.FOREIGN_STUDENT
    last_name = factory.Sequence(lambda n: f"Rahimov{n}")
    first_name = "Firdavs"
    citizenship = "TJ"
    email = factory.Sequence(lambda n: f"student{n}@example.tj")


class ForeignStudentFactory(factory.django.DjangoModelFactory):
    """A student of ``faculty`` (give one: it is a unit of the home university)."""

    class Meta:
        model = ForeignStudent

    person = factory.SubFactory(ForeignPersonFactory)
    programme = "General medicine"
    level = ForeignStudent.Level.BACHELOR
    year_of_study = 1


class StudentRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudentRequest

    kind = StudentRequest.Kind.HOUSING
    subject = factory.Sequence(lambda n: f"A place in the dormitory {n}")
