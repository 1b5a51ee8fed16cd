"""The demo's grant projects: more than 10 active in 2022-2024, at least 10 funded with
numbers and budgets, reports due soon, KA171 mobilities linked; nothing added when rerun."""

from __future__ import annotations

import datetime
import io

from django.db.models import Q
from django.utils import timezone

from hamkor.core.management.commands.demo_data import STEPS
from hamkor.core.models import Document
from hamkor.demo import grant_projects
from hamkor.grants.mobility_grant import project_mobility_grants
from hamkor.grants.models import Project, ReportingDeadline
from hamkor.grants.reminders import deadlines_due
from hamkor.mobility.models import Mobility


def test_demo_grant_projects_reproduce_the_seed_activity(demo):
    assert "hamkor.demo.grant_projects.load" in STEPS
    active = Project.objects.filter(
        Q(ends_on__gte=datetime.date(2022, 1, 1)),
        starts_on__lte=datetime.date(2024, 12, 31),
        status__in=Project.FUNDED,
    )
    assert active.count() > 10
    funded = Project.objects.filter(status__in=Project.FUNDED).exclude(project_number="")
    assert funded.count() >= 10
    assert set(funded.values_list("currency", flat=True)) == {"EUR", "USD"}
    assert all(p.our_share and p.total_budget for p in funded)
    codes = set(funded.values_list("programme__code", flat=True))
    assert {"erasmus-ka171", "erasmus-cbhe", "jean-monnet", "national", "bilateral"} <= codes
    assert all(p.partners.exists() for p in funded.filter(programme__code="erasmus-ka171"))
    assert deadlines_due(today=timezone.localdate()).exists()  # some due soon
    assert ReportingDeadline.objects.filter(submitted_on__isnull=False).exists()
    signed = Document.objects.filter(kind="grant_agreement", content_type__model="project")
    assert signed.count() == funded.count()


def test_demo_ka171_mobilities_are_funded_by_ka171_projects_and_priced(demo):
    linked = Mobility.objects.filter(funding_project__programme__code="erasmus-ka171")
    assert linked.exists()
    project = linked.first().funding_project
    assert project_mobility_grants(project).rows


def test_demo_grant_projects_twice_add_nothing(demo):
    counts = (Project.objects.count(), Project.history.count(), ReportingDeadline.objects.count())
    grant_projects.load(io.StringIO())
    assert (
        Project.objects.count(),
        Project.history.count(),
        ReportingDeadline.objects.count(),
    ) == counts
