"""Grant projects: the service's rules, the steps, the form with its consortium, bad input
refused with nothing saved, the import and the API."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from hamkor.core.models import ImportJob
from hamkor.grants.models import Project, ProjectPartner
from hamkor.grants.project_services import project_delete, project_save, project_transition
from hamkor.grants.tests.factories import (
    ProgrammeFactory,
    ProjectFactory,
    ReportingDeadlineFactory,
    funded,
)
from hamkor.partners.tests.factories import InstitutionFactory

pytestmark = pytest.mark.django_db

ADD = "/staff/projects/add/"


def form_data(programme, faculty, **changes) -> dict:
    data = {
        "title": "Digital teacher training",
        "acronym": "DIGITT",
        "programme": programme.pk,
        "call_year": "2023",
        "our_role": "partner",
        "faculty": faculty.pk,
        "currency": "EUR",
        "starts_on": "2024-01-01",
        "ends_on": "2026-12-31",
        "total_budget": "400000",
        "our_share": "50000",
        "partners-TOTAL_FORMS": "0",
        "partners-INITIAL_FORMS": "0",
        **changes,
    }
    return data


def test_project_with_its_consortium_is_saved_with_who_and_why(as_user, officer, faculty_a):
    programme = ProgrammeFactory()
    riga, graz = InstitutionFactory(), InstitutionFactory()
    data = form_data(
        programme,
        faculty_a,
        **{
            "partners-TOTAL_FORMS": "2",
            "partners-0-institution": riga.pk,
            "partners-0-role": "coordinator",
            "partners-1-institution": graz.pk,
            "partners-1-role": "partner",
        },
    )
    response = as_user("officer").post(ADD, data)
    assert response.status_code == 302
    project = Project.objects.get(acronym="DIGITT")
    assert [(p.institution, p.role) for p in project.partners.all()] == [
        (riga, "coordinator"),
        (graz, "partner"),
    ]
    record = project.history.get()
    assert (record.history_user, record.history_change_reason) == (
        officer,
        "grants.project.created",
    )


def test_the_same_institution_twice_in_the_consortium_is_refused(as_user, faculty_a):
    riga = InstitutionFactory()
    data = form_data(
        ProgrammeFactory(),
        faculty_a,
        **{
            "partners-TOTAL_FORMS": "2",
            "partners-0-institution": riga.pk,
            "partners-0-role": "partner",
            "partners-1-institution": riga.pk,
            "partners-1-role": "partner",
        },
    )
    response = as_user("officer").post(ADD, data)
    assert response.status_code == 400
    assert "only once" in response.text
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"starts_on": "2025-01-01", "ends_on": "2024-12-31"},
            "The end cannot be before the start.",
        ),
        (
            {"total_budget": "1000", "our_share": "1000.01"},
            "Our share cannot exceed the total budget.",
        ),
        ({"call_year": "1999"}, "greater than or equal to 2000"),
        ({"total_budget": "-5"}, "negative"),
    ],
)
def test_bad_input_is_refused_with_its_reason_and_nothing_saved(
    as_user, faculty_a, changes, message
):
    response = as_user("officer").post(ADD, form_data(ProgrammeFactory(), faculty_a, **changes))
    assert response.status_code == 400
    assert message in response.text
    assert not Project.objects.exists()
    assert not ProjectPartner.objects.exists()


def test_a_coordinator_records_only_their_faculty_projects(coordinator, faculty_b):
    project = ProjectFactory.build(programme=ProgrammeFactory(), faculty=faculty_b)
    with pytest.raises(ValidationError) as caught:
        project_save(project=project, actor=coordinator)
    assert "your faculty" in str(caught.value)
    assert not Project.objects.exists()


def test_steps_take_a_project_from_idea_to_closed_with_reasons_where_asked(officer):
    project = ProjectFactory()
    for name in ("prepare", "submit", "approve", "start", "report", "close"):
        project = project_transition(project=project, name=name, actor=officer)
    assert project.status == Project.Status.CLOSED
    reasons = list(project.history.values_list("history_change_reason", flat=True))
    assert "grants.project.approve" in reasons


def test_a_step_the_status_does_not_allow_is_refused(officer):
    project = ProjectFactory()
    with pytest.raises(ValidationError) as caught:
        project_transition(project=project, name="approve", actor=officer)
    assert "“Idea” cannot take this step" in str(caught.value)
    project.refresh_from_db()
    assert project.status == Project.Status.IDEA


def test_rejecting_needs_a_reason_and_approving_needs_a_budget(officer):
    project = ProjectFactory(total_budget=None, our_share=None)
    project_transition(project=project, name="prepare", actor=officer)
    project_transition(project=project, name="submit", actor=officer)
    with pytest.raises(ValidationError, match="Say why"):
        project_transition(project=project, name="reject", actor=officer)
    with pytest.raises(ValidationError, match="approved budget"):
        project_transition(project=project, name="approve", actor=officer)
    project = project_transition(project=project, name="reject", actor=officer, reason="Score 58")
    assert (project.status, project.status_reason) == (Project.Status.REJECTED, "Score 58")


def test_the_page_shows_consortium_steps_deadlines_and_the_money_block(as_user, officer):
    project = funded(ProjectFactory())
    ReportingDeadlineFactory(project=project, due_on=datetime.date(2020, 1, 31))
    page = as_user("officer").get(project.get_absolute_url()).text
    assert str(project.partners.get().institution) in page
    assert "Final report submitted" in page  # the next step's button
    assert "overdue" in page
    assert "Mobilities funded" in page


def test_a_step_button_posts_through_the_service(as_user, officer):
    project = ProjectFactory()
    client = as_user("officer")
    response = client.post(f"/staff/projects/{project.pk}/status/prepare/")
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == Project.Status.PREPARATION
    refused = client.post(f"/staff/projects/{project.pk}/status/withdraw/", {"reason": ""})
    assert refused.status_code == 400
    assert "Say why" in refused.text


def test_a_running_project_cannot_be_deleted(officer):
    project = funded(ProjectFactory())
    with pytest.raises(ValidationError, match="withdraw or close"):
        project_delete(project=project, actor=officer)
    assert Project.objects.filter(pk=project.pk).exists()


def test_filters_find_funded_projects_and_reports_due(as_user):
    today = datetime.date.today()
    running = funded(ProjectFactory(acronym="RUNS"))
    ReportingDeadlineFactory(project=running, due_on=today + datetime.timedelta(days=5))
    ProjectFactory(acronym="IDEA1")
    client = as_user("officer")
    page = client.get("/staff/projects/?funded=true").text
    assert "RUNS" in page and "IDEA1" not in page
    page = client.get("/staff/projects/?report_due_within=30").text
    assert "RUNS" in page and "IDEA1" not in page
    home = client.get(reverse("workbench:home")).text
    assert "Grant reports due within 30 days" in home


# --- Import -------------------------------------------------------------------------------

HEADER = ["title", "acronym", "partner", "programme", "call_year", "our_role", "currency",
          "total_budget", "our_share", "starts_on", "ends_on"]  # fmt: skip


def xlsx(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("projects.xlsx", buffer.getvalue())


def test_import_creates_projects_or_nothing_and_names_the_bad_row(as_user, officer):
    partner = InstitutionFactory(name="Latvijas Universitāte", name_en="University of Latvia")
    start, end = datetime.date(2023, 1, 1), datetime.date(2025, 12, 31)
    good = ["Teacher training", "TT", "University of Latvia", "erasmus-cbhe", 2022, "partner",
            "EUR", 800000, 65000, start, end]  # fmt: skip
    bad = ["Too much", "TM", "", "erasmus-cbhe", 2022, "partner", "EUR", 1000, 2000, None, None]
    client = as_user("officer")
    preview = client.post("/staff/projects/import/", {"file": xlsx([good, bad])})
    assert "Our share cannot exceed the total budget." in preview.text
    assert not Project.objects.exists()
    preview = client.post("/staff/projects/import/", {"file": xlsx([good])})
    job = ImportJob.objects.order_by("-pk").first()
    applied = client.post("/staff/projects/import/", {"job": job.pk})
    assert applied.status_code == 302
    project = Project.objects.get(acronym="TT")
    assert project.programme.code == "erasmus-cbhe"
    assert [p.institution for p in project.partners.all()] == [partner]
    assert project.history.get().history_change_reason == "grants.project.imported"


# --- API ----------------------------------------------------------------------------------


def test_api_creates_and_edits_a_project_through_the_service(as_user, officer, faculty_a):
    riga = InstitutionFactory()
    client = as_user("officer")
    body = {
        "title": "Joint master in water management",
        "acronym": "WATER",
        "programme": "erasmus-cbhe",
        "call_year": 2024,
        "our_role": "partner",
        "currency": "EUR",
        "total_budget": "900000.00",
        "our_share": "70000.00",
        "faculty": faculty_a.pk,
        "partners": [{"institution": riga.pk, "role": "coordinator"}],
    }
    created = client.post("/api/v1/grant-projects/", body, content_type="application/json")
    assert created.status_code == 201, created.content
    project = Project.objects.get(acronym="WATER")
    assert project.history.get().history_change_reason == "grants.project.created"
    assert [(p.institution, p.role) for p in project.partners.all()] == [(riga, "coordinator")]
    changed = client.patch(
        f"/api/v1/grant-projects/{project.pk}/",
        {"our_share": "2000000", "version": project.version},
        content_type="application/json",
    )  # fmt: skip
    assert changed.status_code == 400
    assert "Our share cannot exceed the total budget." in changed.text
    project.refresh_from_db()
    assert project.our_share == 70000
    step = client.post(
        f"/api/v1/grant-projects/{project.pk}/transitions/prepare/", {},
        content_type="application/json",
    )  # fmt: skip
    assert step.status_code == 200
    assert step.json()["status"] == "preparation"


def test_api_refuses_writes_to_leadership(as_user):
    body = {"title": "X", "programme": "other", "call_year": 2024, "our_role": "partner"}
    response = as_user("leadership").post(
        "/api/v1/grant-projects/", body, content_type="application/json"
    )
    assert response.status_code == 403
    assert not Project.objects.exists()
