"""Staff pages of the reports app."""

from django.urls import path

from hamkor.reports import achievement_views, dashboard_views
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
]
