"""Demo data of grant projects: the "implementing projects" activity of the seed page.

Thirteen projects of 2021-2024 calls: Erasmus+ KA171 mobility with the demo's EU partners,
CBHE and Jean Monnet projects, national programmes and bilateral grants; eleven of them
funded (approved, running, final report or closed) with project numbers and budgets in EUR
or USD, for the receipts the money step adds; one submitted and one still an idea. Each
goes through its steps with the services, has its consortium, reporting deadlines (some
due within days of the day the demo is loaded) and its grant agreement as a document. The
demo's KA171 mobilities name the KA171 project whose period covers them.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from hamkor.accounts.models import User
from hamkor.core.documents import document_add
from hamkor.demo.documents import demo_pdf
from hamkor.demo.partners import demo_partners
from hamkor.grants.models import Programme, Project, ProjectPartner, ReportingDeadline
from hamkor.grants.project_services import deadline_save, project_save, project_transition
from hamkor.mobility.models import Mobility
from hamkor.mobility.services import mobility_save

D = datetime.date
STEPS_TO = {
    Project.Status.IDEA: [],
    Project.Status.SUBMITTED: ["prepare", "submit"],
    Project.Status.APPROVED: ["prepare", "submit", "approve"],
    Project.Status.RUNNING: ["prepare", "submit", "approve", "start"],
    Project.Status.FINAL_REPORT: ["prepare", "submit", "approve", "start", "report"],
    Project.Status.CLOSED: ["prepare", "submit", "approve", "start", "report", "close"],
}

# acronym, title, programme, number, call year, our role, status, start, end, currency,
# total budget, our share, consortium (country, index in the demo's partners of it, role)
PROJECTS = [
    ("KSU-KA171-21", "Erasmus+ credit mobility with Charles University", "erasmus-ka171",
     "2021-1-CZ01-KA171-HED-000012345", 2021, "partner", Project.Status.CLOSED,
     D(2021, 8, 1), D(2023, 7, 31), "EUR", "96500", "96500", [("CZ", 0, "coordinator")]),
    ("KSU-KA171-22", "Erasmus+ credit mobility with Masaryk University", "erasmus-ka171",
     "2022-1-CZ01-KA171-HED-000067890", 2022, "partner", Project.Status.FINAL_REPORT,
     D(2022, 8, 1), D(2024, 12, 31), "EUR", "118200", "118200", [("CZ", 1, "coordinator")]),
    ("KSU-KA171-23", "Erasmus+ credit mobility with Palacký University Olomouc",
     "erasmus-ka171", "2023-1-CZ01-KA171-HED-000134567", 2023, "partner",
     Project.Status.RUNNING, D(2023, 8, 1), D(2026, 7, 31), "EUR", "142750", "142750",
     [("CZ", 2, "coordinator")]),
    ("EDUGREEN", "Green skills in teacher education in Central Asia", "erasmus-cbhe",
     "101082934-EDUGREEN-ERASMUS-EDU-2022-CBHE", 2022, "partner", Project.Status.RUNNING,
     D(2023, 1, 1), D(2025, 12, 31), "EUR", "798400", "71500",
     [("CZ", 3, "coordinator"), ("KZ", 0, "partner"), ("KG", 0, "partner")]),
    ("DIGIPED", "Digital pedagogy for regional universities", "erasmus-cbhe",
     "101129087-DIGIPED-ERASMUS-EDU-2023-CBHE", 2023, "partner", Project.Status.RUNNING,
     D(2024, 1, 1), D(2026, 12, 31), "EUR", "845000", "64800",
     [("CZ", 4, "coordinator"), ("KZ", 1, "partner"), ("KG", 1, "partner")]),
    ("EUSTUD", "European Union studies for future teachers (Jean Monnet module)", "jean-monnet",
     "101047611-EUSTUD-ERASMUS-JMO-2021-MODULE", 2021, "coordinator", Project.Status.CLOSED,
     D(2021, 9, 1), D(2024, 8, 31), "EUR", "30000", "30000", []),
    ("EUGREEN", "The European Green Deal in Central Asian classrooms", "jean-monnet",
     "101126833-EUGREEN-ERASMUS-JMO-2023-MODULE", 2023, "coordinator", Project.Status.RUNNING,
     D(2023, 10, 1), D(2026, 9, 30), "EUR", "30000", "30000", []),
    ("IL-2022-KSU", "Oʻzbek tilini xorijiy til sifatida oʻqitishning innovatsion usullari",
     "national", "IL-4821012345", 2022, "coordinator", Project.Status.CLOSED, D(2022, 3, 1),
     D(2024, 2, 29), "USD", "48000", "48000", []),
    ("AL-2023-KSU", "Fargʻona vodiysi sanoati uchun amaliy kimyo", "national",
     "AL-5723056789", 2023, "coordinator", Project.Status.RUNNING, D(2023, 4, 1),
     D(2025, 12, 31), "USD", "65000", "65000", []),
    ("KR-UZ-22", "Korean language teachers' exchange", "bilateral", "NIIED-2022-UZ-017",
     2022, "partner", Project.Status.RUNNING, D(2022, 9, 1), D(2025, 8, 31), "USD", "54000",
     "36000", [("KR", 0, "coordinator")]),
    ("TR-UZ-24", "Turkic heritage in school curricula", "bilateral", "TUBITAK-2024-2521-0042",
     2024, "partner", Project.Status.APPROVED, D(2024, 6, 1), D(2026, 5, 31), "USD", "40000",
     "22000", [("TR", 0, "coordinator")]),
    ("WATERCA", "Water-smart agriculture education in Central Asia", "horizon-europe",
     "101136950", 2024, "partner", Project.Status.SUBMITTED, D(2025, 3, 1), D(2028, 2, 29),
     "EUR", "2980000", "145000", [("CZ", 3, "coordinator"), ("KZ", 2, "partner")]),
    ("KSU-KA171-25", "Erasmus+ credit mobility with Turkish universities", "erasmus-ka171",
     "", 2024, "partner", Project.Status.IDEA, None, None, "EUR", None, None,
     [("TR", 1, "coordinator")]),
]  # fmt: skip


def _consortium(project: Project, members, partners_by_country) -> list[ProjectPartner]:
    partners = []
    for country, index, role in members:
        candidates = partners_by_country.get(country, [])
        if candidates:
            institution = candidates[index % len(candidates)]
            partners.append(ProjectPartner(institution=institution, role=role))
    return partners


def _deadlines(project: Project, today: datetime.date) -> list[ReportingDeadline]:
    """An interim and a final report; a running project's next report falls within days of
    today (so that the reminders and the home page have something to show)."""
    if project.status not in Project.FUNDED or project.ends_on is None:
        return []
    rows = []
    if project.status == Project.Status.RUNNING:
        soon = today + datetime.timedelta(days=3 + project.pk % 25)
        rows.append(ReportingDeadline(kind=ReportingDeadline.Kind.INTERIM, due_on=soon))
    else:
        middle = project.starts_on + (project.ends_on - project.starts_on) / 2
        rows.append(
            ReportingDeadline(
                kind=ReportingDeadline.Kind.INTERIM, due_on=middle, submitted_on=middle
            )
        )
    final = project.ends_on + datetime.timedelta(days=60)
    submitted = (
        final if project.status in (Project.Status.FINAL_REPORT, Project.Status.CLOSED) else None
    )
    if submitted and submitted > today:
        submitted = today
    rows.append(
        ReportingDeadline(kind=ReportingDeadline.Kind.FINAL, due_on=final, submitted_on=submitted)
    )
    return rows


def _grant_agreement(project: Project) -> ContentFile:
    html = (
        f"<h1>{project.programme.name_en}</h1><h2>{project.title}</h2>"
        f"<p>Grant agreement {project.project_number}</p>"
        "<p>Demo copy generated by Hamkor.</p>"
    )
    return demo_pdf(html, f"{project.acronym}.pdf")


def load(stdout) -> None:
    officer = User.objects.get(email="officer@hamkor.demo")
    today = timezone.localdate()
    partners_by_country = defaultdict(list)
    for institution in demo_partners():
        partners_by_country[str(institution.country)].append(institution)
    programmes = {programme.code: programme for programme in Programme.objects.all()}
    created = 0
    for row in PROJECTS:
        (acronym, title, programme, number, call_year, role, status, starts_on, ends_on,
         currency, budget, share, members) = row  # fmt: skip
        if Project.objects.filter(acronym=acronym).exists():
            continue
        project = Project(
            title=title,
            acronym=acronym,
            programme=programmes[programme],
            project_number=number,
            call_year=call_year,
            our_role=role,
            starts_on=starts_on,
            ends_on=ends_on,
            currency=currency,
            total_budget=Decimal(budget) if budget else None,
            our_share=Decimal(share) if share else None,
            responsible=officer,
        )
        project_save(
            project=project,
            actor=officer,
            partners=_consortium(project, members, partners_by_country),
            reason="demo.loaded",
        )
        for name in STEPS_TO[status]:
            project = project_transition(project=project, name=name, actor=officer)
        for deadline in _deadlines(project, today):
            deadline.project = project
            deadline_save(deadline=deadline, actor=officer)
        if project.status in Project.FUNDED:
            document_add(
                record=project,
                kind="grant_agreement",
                title=f"Grant agreement {project.project_number}",
                upload=_grant_agreement(project),
                actor=officer,
            )
        created += 1
    linked = _link_mobilities(officer)
    stdout.write(f"Grant projects: {created} created, {linked} KA171 mobilities linked.")


def _link_mobilities(officer) -> int:
    """Each demo KA171 mobility without a project is funded by the KA171 project running
    on its start date."""
    projects = list(
        Project.objects.filter(
            programme__erasmus_action="KA171", status__in=Project.FUNDED
        ).order_by("starts_on")
    )
    linked = 0
    mobilities = Mobility.objects.filter(
        programme=Mobility.Programme.KA171, funding_project__isnull=True
    ).order_by("planned_start")
    for mobility in mobilities:
        project = next(
            (p for p in projects if p.starts_on <= mobility.planned_start <= p.ends_on), None
        )
        if project is None:
            continue
        mobility.funding_project = project
        mobility_save(mobility=mobility, actor=officer, reason="demo.loaded")
        linked += 1
    return linked
