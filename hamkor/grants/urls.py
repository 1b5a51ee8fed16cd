from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.grants import planner_views
from hamkor.grants import project_views as views

app_name = "grants"

urlpatterns = [
    *model_paths(
        "staff/projects",
        "project",
        list=views.ProjectListView,
        add=views.ProjectEditView,
        import_=views.ProjectImportView,
        detail=views.ProjectDetailView,
        edit=views.ProjectEditView,
        delete=views.ProjectDeleteView,
        history=views.ProjectHistoryView,
    ),
    path(
        "staff/projects/<int:pk>/status/<slug:name>/",
        views.ProjectTransitionView.as_view(),
        name="project_transition",
    ),
    path(
        "staff/projects/<int:pk>/mobility-grants/",
        views.ProjectGrantsView.as_view(),
        name="project_grants",
    ),
    path(
        "staff/projects/<int:project_pk>/deadlines/add/",
        views.ReportingDeadlineEditView.as_view(),
        name="reportingdeadline_add",
    ),
    *model_paths(
        "staff/projects/deadlines",
        "reportingdeadline",
        edit=views.ReportingDeadlineEditView,
        delete=views.ReportingDeadlineDeleteView,
    ),
    *model_paths(
        "staff/programmes",
        "programme",
        list=views.ProgrammeListView,
        add=views.ProgrammeEditView,
        detail=views.ProgrammeDetailView,
        edit=views.ProgrammeEditView,
        delete=views.ProgrammeDeleteView,
        history=views.ProgrammeHistoryView,
    ),
    *model_paths(
        "staff/budget-headings",
        "budgetheading",
        list=views.BudgetHeadingListView,
        add=views.BudgetHeadingEditView,
        detail=views.BudgetHeadingDetailView,
        edit=views.BudgetHeadingEditView,
        delete=views.BudgetHeadingDeleteView,
        history=views.BudgetHeadingHistoryView,
    ),
    path("staff/erasmus-planner/", planner_views.ErasmusPlannerView.as_view(), name="planner"),
]
