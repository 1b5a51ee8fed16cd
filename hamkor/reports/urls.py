"""Staff pages of the reports app."""

from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.reports import achievement_views, dashboard_views, indicator_views
from hamkor.reports.annual_views import AnnualReportView

app_name = "reports"

urlpatterns: list = [
    path("staff/reports/dashboard/", dashboard_views.DashboardView.as_view(), name="dashboard"),
    path(
        "staff/reports/dashboard/<slug:table>.<slug:extension>",
        dashboard_views.DashboardExportView.as_view(),
        name="dashboard_export",
    ),
    path(
        "staff/reports/achievements/",
        achievement_views.AchievementsView.as_view(),
        name="achievements",
    ),
    path(
        "staff/reports/achievements/<str:key>/",
        achievement_views.AchievementRecordsView.as_view(),
        name="achievement_records",
    ),
    path("staff/reports/annual/", AnnualReportView.as_view(), name="annual_report"),
    # Ranking indicators, the university's totals per year, strategy targets.
    path(
        "staff/reports/indicators/",
        indicator_views.IndicatorsView.as_view(),
        name="indicators",
    ),
    path(
        "staff/reports/targets/",
        indicator_views.TargetsProgressView.as_view(),
        name="targets",
    ),
    path(
        "staff/reports/years/<int:pk>/close/",
        indicator_views.UniversityYearCloseView.as_view(),
        name="universityyear_close",
    ),
    path(
        "staff/reports/years/<int:pk>/reopen/",
        indicator_views.UniversityYearReopenView.as_view(),
        name="universityyear_reopen",
    ),
    *model_paths(
        "staff/reports/years",
        "universityyear",
        list=indicator_views.UniversityYearListView,
        add=indicator_views.UniversityYearEditView,
        detail=indicator_views.UniversityYearDetailView,
        edit=indicator_views.UniversityYearEditView,
        delete=indicator_views.UniversityYearDeleteView,
        history=indicator_views.UniversityYearHistoryView,
    ),
    *model_paths(
        "staff/reports/strategy-targets",
        "target",
        list=indicator_views.TargetListView,
        add=indicator_views.TargetEditView,
        detail=indicator_views.TargetDetailView,
        edit=indicator_views.TargetEditView,
        delete=indicator_views.TargetDeleteView,
        history=indicator_views.TargetHistoryView,
    ),
]
