"""Grant projects and their money: consortia, receipts, expenses and reporting deadlines.

Projects are spread over the calls of ten years: a quarter rejected or withdrawn, the others
approved and then running, reporting and closed as their dates pass; this year's and next
year's still ideas, in preparation or submitted. Budgets are in euros mostly, some in US
dollars and national ones in som. Receipts (what the university was paid, in the currency
and on the day it arrived) and expenses by budget heading fall within the project's dates.
Project numbers start with ``B-``: how the generated ones are told from the office's own.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from hamkor.accounts.models import User
from hamkor.accounts.roles import Role
from hamkor.benchdata.base import Plan, chunks, insert, write
from hamkor.benchdata.people import faculties
from hamkor.core.transitions import status_set_initial
from hamkor.grants.models import (
    BudgetHeading,
    Expense,
    Programme,
    Project,
    ProjectPartner,
    Receipt,
    ReportingDeadline,
)

PREFIX = "B-"
TOPICS = (
    ("Digital skills for teacher education", "DIGITEACH"),
    ("Green campus and sustainable universities", "GREENUNI"),
    ("Quality assurance in Central Asian higher education", "QACA"),
    ("Inclusive education for all", "INCLUDE"),
    ("Modernising doctoral schools", "MODOC"),
    ("Internationalisation at home", "INTHOME"),
    ("Water and climate research network", "WATERNET"),
    ("Languages for specific purposes", "LSP4ALL"),
    ("Entrepreneurial university", "ENTRE-UNI"),
    ("Heritage of the Silk Road", "SILKHERIT"),
)
# Payment in the project's currency mostly; the som for local payments.
AMOUNTS = {"EUR": (2_000, 60_000), "USD": (2_000, 60_000), "UZS": (20_000_000, 600_000_000)}
PAYERS = ("European Education and Culture Executive Agency", "Lead partner", "Ministry")


def generated_projects():
    return Project.objects.filter(project_number__startswith=PREFIX)


def load(plan: Plan) -> int:
    added = _projects(plan)
    funded = list(
        generated_projects()
        .filter(status__in=Project.FUNDED, starts_on__lte=plan.today)
        .order_by("pk")
        .values_list("pk", "starts_on", "ends_on", "currency", "programme__funder")
    )
    added += _receipts(plan, funded)
    plan.shared["ka171_projects"] = list(
        generated_projects()
        .filter(status__in=Project.FUNDED, programme__erasmus_action="KA171")
        .values_list("pk", "starts_on", "ends_on")
        .order_by("pk")
    )
    return added


def _projects(plan: Plan) -> int:
    existing = generated_projects().count()
    missing = plan.sizes["projects"] - existing
    if missing <= 0:
        return 0
    rng = plan.rng("projects", existing)
    programmes = list(Programme.objects.order_by("code"))
    units = faculties()
    officer = User.objects.filter(groups__name=Role.OFFICER).order_by("pk").first()
    partners = plan.shared["partners"]

    def children(created):
        members, deadlines = [], []
        for project in created:
            chosen = rng.sample(partners, min(len(partners), rng.randint(2, 5)))
            for k, institution in enumerate(chosen):
                lead = k == 0 and project.our_role != Project.Role.COORDINATOR
                role = ProjectPartner.Role.COORDINATOR if lead else ProjectPartner.Role.PARTNER
                members.append(ProjectPartner(project=project, institution=institution, role=role))
            if project.status in Project.FUNDED:
                deadlines.extend(_deadlines(plan, project))
        write(ProjectPartner, members)
        write(ReportingDeadline, deadlines)

    rows = (
        _project(plan, rng, n, programmes, units, officer)
        for n in range(existing + 1, existing + missing + 1)
    )
    return insert(Project, rows, after=children)


def _project(plan: Plan, rng, n, programmes, units, officer) -> Project:
    title, acronym = rng.choice(TOPICS)
    programme = rng.choice(programmes)
    # The first project runs now, so that even the smallest scale has money to show.
    year = plan.today.year - 1 if n == 1 else rng.randint(plan.first_year, plan.today.year + 1)
    currency = "UZS" if "national" in programme.code else rng.choice(("EUR", "EUR", "EUR", "USD"))
    low, high = AMOUNTS[currency]
    budget = Decimal(rng.randint(low, high) * 10)
    starts = datetime.date(year, rng.choice((1, 9, 11)), 1)
    ends = starts.replace(year=starts.year + rng.choice((2, 3))) - datetime.timedelta(days=1)
    project = Project(
        title=f"{title} ({year})",
        acronym=f"{acronym}-{n}",
        programme=programme,
        project_number=f"{PREFIX}{year}-{programme.code.upper()[:20]}-{n:05d}",
        call_year=year,
        our_role=rng.choice(Project.Role.values),
        starts_on=starts,
        ends_on=ends,
        currency=currency,
        total_budget=budget,
        our_share=(budget * Decimal(rng.randint(8, 40)) / 100).quantize(Decimal("0.01")),
        faculty=rng.choice(units) if units else None,
        responsible=officer,
    )
    status_set_initial(project, _status(plan, rng, starts, ends, funded=n == 1))
    project.refresh_search_text()  # bulk_create skips save(), which fills it
    return project


def _status(plan: Plan, rng, starts: datetime.date, ends: datetime.date, funded: bool) -> str:
    today = plan.today
    draw = 1.0 if funded else rng.random()
    if starts > today and draw < 0.6:
        return rng.choice(
            (Project.Status.IDEA, Project.Status.PREPARATION, Project.Status.SUBMITTED)
        )
    if draw < 0.22:
        return Project.Status.REJECTED
    if draw < 0.27:
        return Project.Status.WITHDRAWN
    if starts > today:
        return Project.Status.APPROVED
    if ends >= today:
        return Project.Status.RUNNING
    if ends >= today - datetime.timedelta(days=120):
        return Project.Status.FINAL_REPORT
    return Project.Status.CLOSED


def _deadlines(plan: Plan, project: Project) -> list[ReportingDeadline]:
    middle = project.starts_on + (project.ends_on - project.starts_on) / 2
    final = project.ends_on + datetime.timedelta(days=60)
    return [
        ReportingDeadline(
            project=project,
            kind=kind,
            due_on=due,
            submitted_on=due - datetime.timedelta(days=3) if due < plan.today else None,
        )
        for kind, due in (
            (ReportingDeadline.Kind.INTERIM, middle),
            (ReportingDeadline.Kind.FINAL, final),
        )
    ]


def _receipts(plan: Plan, funded: list) -> int:
    existing = Receipt.objects.filter(project__project_number__startswith=PREFIX).count()
    missing = plan.sizes["receipts"] - existing
    if missing <= 0 or not funded:
        return 0
    rng = plan.rng("receipts", existing)
    headings = list(BudgetHeading.objects.order_by("code"))

    def rows():
        for _ in range(missing):
            pk, starts, ends, currency, funder = rng.choice(funded)
            currency = currency if rng.random() < 0.85 else rng.choice(("EUR", "USD", "UZS"))
            low, high = AMOUNTS[currency]
            yield Receipt(
                project_id=pk,
                amount=Decimal(rng.randint(low, high // 4)),
                currency=currency,
                received_on=plan.day_in(rng, starts, min(ends, plan.today)),
                payer=funder or rng.choice(PAYERS),
            )

    for chunk in chunks(rows()):
        created = write(Receipt, chunk)
        if headings:
            write(Expense, _expenses(rng, created[::2], headings, plan.today))
    return missing


def _expenses(rng, receipts, headings, today: datetime.date) -> list[Expense]:
    return [
        Expense(
            project_id=receipt.project_id,
            heading=(heading := rng.choice(headings)),
            amount=(receipt.amount * Decimal(rng.randint(20, 70)) / 100).quantize(Decimal("1")),
            currency=receipt.currency,
            spent_on=min(receipt.received_on + datetime.timedelta(days=rng.randint(5, 60)), today),
            description=heading.name_en or heading.name_uz,
        )
        for receipt in receipts
    ]
