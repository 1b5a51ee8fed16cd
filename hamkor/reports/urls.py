"""Staff pages of the reports app."""

from django.urls import path

from hamkor.reports.annual_views import AnnualReportView

app_name = "reports"

urlpatterns: list = [
    path("staff/reports/annual/", AnnualReportView.as_view(), name="annual_report"),
]
