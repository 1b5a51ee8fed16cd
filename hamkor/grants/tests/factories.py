"""Factories for grant project tests."""

from __future__ import annotations

import datetime

import factory

from hamkor.grants.models import Programme, Project, ProjectPartner, ReportingDeadline
from hamkor.partners.tests.factories import InstitutionFactory


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"programme-{n}")
    name_uz = factory.Sequence(lambda n: f"Dastur {n}")
    name_en = factory.Sequence(lambda n: f"Programme {n}")


def ka171() -> Programme:
    """The seeded KA171 programme (the data migration's), tied to the KA171 rate tables."""
    return Programme.objects.get(code="erasmus-ka171")


class ProjectFactory(factory.django.DjangoModelFactory):
    """A project in the idea stage with one consortium member (``partners=[]`` for none)."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Project {n}")
    acronym = factory.Sequence(lambda n: f"PRJ{n}")
    programme = factory.SubFactory(ProgrammeFactory)
    call_year = 2023
    our_role = Project.Role.PARTNER
    starts_on = datetime.date(2023, 1, 1)
    ends_on = datetime.date(2025, 12, 31)
    currency = "EUR"
    total_budget = 500000
    our_share = 60000

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if not create:
            return
        for institution in [InstitutionFactory()] if extracted is None else extracted:
            ProjectPartner.objects.create(project=self, institution=institution)


def funded(project: Project, status: str = Project.Status.RUNNING) -> Project:
    """Move a saved project along its steps to ``status`` (approved or running)."""
    path = ["prepare", "submit", "approve", "start"]
    stop = {Project.Status.APPROVED: 3, Project.Status.RUNNING: 4}[status]
    for name in path[:stop]:
        getattr(project, name)()
    project.save()
    return project


class ReportingDeadlineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingDeadline

    project = factory.SubFactory(ProjectFactory)
    kind = ReportingDeadline.Kind.INTERIM
    due_on = datetime.date(2030, 6, 30)
