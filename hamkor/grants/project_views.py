"""Staff pages of grant projects: list, page, edit, steps, reporting deadlines, import,
the mobilities' grants; and the programmes and budget headings the office keeps."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Prefetch

from hamkor.core import transitions
from hamkor.core.documents import documents_context
from hamkor.core.views import generic
from hamkor.grants import project_forms as forms
from hamkor.grants import project_services as services
from hamkor.grants.mobility_grant import project_mobility_grants
from hamkor.grants.models import (
    BudgetHeading,
    Programme,
    Project,
    ProjectPartner,
    ReportingDeadline,
)
from hamkor.grants.money.views import money_context
from hamkor.grants.project_filters import (
    BudgetHeadingFilterSet,
    ProgrammeFilterSet,
    ProjectFilterSet,
)
from hamkor.grants.project_tables import (
    BudgetHeadingTable,
    ProgrammeTable,
    ProjectTable,
    money,
    status_badge,
)
from hamkor.grants.selectors_projects import project_status_changes

PARTNERS = Prefetch(
    "partners", queryset=ProjectPartner.objects.select_related("institution").order_by("id")
)
PROJECTS = Project.objects.select_related("programme", "faculty", "responsible")


class ProjectListView(generic.ObjectListView):
    queryset = PROJECTS
    filterset_class = ProjectFilterSet
    table_class = ProjectTable
    bulk_actions = ("export",)


class ProjectDetailView(generic.ObjectDetailView):
    queryset = PROJECTS.prefetch_related(PARTNERS, "deadlines")

    def object_actions(self, obj) -> dict:
        actions = super().object_actions(obj)
        if obj.status not in services.DELETABLE:
            actions["delete_url"] = None  # withdrawn, rejected or closed instead
        return actions

    def get_extra_context(self, obj) -> dict:
        user = self.request.user
        steps = transitions.steps_available(obj, user)
        steps.sort(key=lambda step: step.asks_reason)
        may_change = Project.objects.restrict(user, "change").filter(pk=obj.pk).exists()
        return {
            "status_badge": status_badge(obj),
            "status_changes": project_status_changes(obj),
            "steps": steps,
            "partners": obj.partners.all(),
            "deadlines": obj.deadlines.all(),
            "budget": money(obj.total_budget, obj.currency),
            "share": money(obj.our_share, obj.currency),
            "grants": project_mobility_grants(obj)
            if user.has_perm("mobility.view_mobility")
            else None,
            "can_add_deadline": may_change and user.has_perm("grants.add_reportingdeadline"),
            "can_change_deadline": may_change and user.has_perm("grants.change_reportingdeadline"),
            **documents_context(user, obj),
            **(
                money_context(obj, user, self.request.GET.get("currency"))
                if user.has_perm("grants.view_receipt")
                else {}
            ),
        }


class ProjectHistoryView(generic.ObjectHistoryView):
    queryset = PROJECTS


class ProjectEditView(generic.ObjectEditView):
    """Create or edit a project with its consortium, in one transaction."""

    queryset = PROJECTS
    form_class = forms.ProjectForm
    template_name = "grants/project_edit.html"

    def get_initial_object(self):
        return Project(call_year=None, currency="EUR")

    @transaction.atomic
    def save(self, form, *, expected_version):
        return services.project_save(
            project=form.save(commit=False),
            actor=self.request.user,
            partners=form.partners.kept_instances(),
            expected_version=expected_version,
        )


class ProjectDeleteView(generic.ObjectDeleteView):
    queryset = PROJECTS

    def delete(self, obj):
        services.project_delete(project=obj, actor=self.request.user)


class ProjectTransitionView(generic.ObjectStepView):
    """Apply a status step from the project's page; rejecting and withdrawing ask why."""

    queryset = PROJECTS

    def badge(self, project) -> str:
        return status_badge(project)

    def make_form(self, project, data=None):
        return forms.ProjectTransitionForm(data)

    def take_step(self, project, form):
        return services.project_transition(
            project=project,
            name=self.step.name,
            actor=self.request.user,
            reason=form.cleaned_data["reason"],
        )


class ProjectImportView(generic.BulkImportView):
    """One row per project with its main partner; applied whole or not at all."""

    queryset = PROJECTS
    import_form_class = forms.ProjectImportForm
    example = {
        "title": "Modernising teacher training in Central Asia",
        "acronym": "MOTEC",
        "partner": "University of Latvia",
        "programme": "erasmus-cbhe",
        "project_number": "101082900-MOTEC",
        "call_year": "2022",
        "our_role": "partner",
        "starts_on": "2023-01-01",
        "ends_on": "2025-12-31",
        "currency": "EUR",
        "total_budget": "800000",
        "our_share": "65000",
        "notes": "",
    }

    def apply_rows(self, rows, actor):
        from hamkor.core import importing

        for row in rows:
            with importing.row_context(row):
                services.project_import(
                    project=row.form.save(commit=False), partner=row.form.member(), actor=actor
                )
        return len(rows), 0


class ProjectGrantsView(generic.ObjectDetailView):
    """A project's budget of mobility grants: each mobility it funds, priced by the
    Erasmus+ tables of its call year, and their sum."""

    queryset = PROJECTS
    template_name = "grants/project_grants.html"

    def get_required_permission(self) -> str:
        return "mobility.view_mobility"

    def get_extra_context(self, obj) -> dict:
        return {"grants": project_mobility_grants(obj), "status_badge": status_badge(obj)}


# --- Reporting deadlines ---------------------------------------------------------------------

DEADLINES = ReportingDeadline.objects.select_related("project")


class ReportingDeadlineEditView(generic.ObjectEditView):
    """Add (``project_pk`` in the address) or edit a deadline of a project in reach."""

    queryset = DEADLINES
    form_class = forms.ReportingDeadlineForm
    template_name = "grants/reportingdeadline_edit.html"

    def alter_object(self, deadline):
        if "project_pk" in self.kwargs:
            deadline.project = self.get_parent(Project, "project_pk")
        return deadline

    def save(self, form, *, expected_version):
        return services.deadline_save(
            deadline=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )

    def get_success_url(self, instance) -> str:
        return instance.get_absolute_url()

    def get_extra_context(self, obj=None):
        return {"project": obj.project}


class ReportingDeadlineDeleteView(generic.ObjectDeleteView):
    queryset = DEADLINES

    def get_success_url(self, obj) -> str:
        return obj.get_absolute_url()


# --- Programmes and budget headings ------------------------------------------------------------


class ProgrammeListView(generic.ObjectListView):
    queryset = Programme.objects.all()
    filterset_class = ProgrammeFilterSet
    table_class = ProgrammeTable


class ProgrammeDetailView(generic.ObjectDetailView):
    queryset = Programme.objects.all()
    template_name = "grants/programme_detail.html"

    def get_extra_context(self, obj) -> dict:
        return {"project_count": obj.projects.count()}


class ProgrammeHistoryView(generic.ObjectHistoryView):
    queryset = Programme.objects.all()


class ProgrammeEditView(generic.ObjectEditView):
    queryset = Programme.objects.all()
    form_class = forms.ProgrammeForm


class ProgrammeDeleteView(generic.ObjectDeleteView):
    queryset = Programme.objects.all()


class BudgetHeadingListView(generic.ObjectListView):
    queryset = BudgetHeading.objects.all()
    filterset_class = BudgetHeadingFilterSet
    table_class = BudgetHeadingTable


class BudgetHeadingDetailView(generic.ObjectDetailView):
    queryset = BudgetHeading.objects.all()
    template_name = "grants/budgetheading_detail.html"


class BudgetHeadingHistoryView(generic.ObjectHistoryView):
    queryset = BudgetHeading.objects.all()


class BudgetHeadingEditView(generic.ObjectEditView):
    queryset = BudgetHeading.objects.all()
    form_class = forms.BudgetHeadingForm


class BudgetHeadingDeleteView(generic.ObjectDeleteView):
    queryset = BudgetHeading.objects.all()
