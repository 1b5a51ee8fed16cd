from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.core.views import autocomplete, documents, email_templates, jobs, pages

app_name = "core"

urlpatterns = [
    path("staff/pick/<slug:source>/", autocomplete.autocomplete, name="autocomplete"),
    path(
        "staff/documents/version/<int:pk>/",
        documents.DocumentDownloadView.as_view(),
        name="document_download",
    ),
    path(
        "staff/documents/add/<int:content_type_id>/<int:object_id>/",
        documents.DocumentAddView.as_view(),
        name="document_add",
    ),
    path(
        "staff/documents/<int:pk>/version/",
        documents.DocumentVersionAddView.as_view(),
        name="document_version_add",
    ),
    path("staff/jobs/", jobs.JobListView.as_view(), name="job_list"),
    path("staff/jobs/<int:pk>/", jobs.JobDetailView.as_view(), name="job_detail"),
    path("staff/jobs/<int:pk>/download/", jobs.JobDownloadView.as_view(), name="job_download"),
    *model_paths(
        "staff/outbox", "outboxmessage", list=pages.OutboxListView, detail=pages.OutboxDetailView
    ),
    *model_paths(
        "staff/email-templates",
        "emailtemplate",
        list=email_templates.EmailTemplateListView,
        add=email_templates.EmailTemplateEditView,
        detail=email_templates.EmailTemplateDetailView,
        edit=email_templates.EmailTemplateEditView,
        delete=email_templates.EmailTemplateDeleteView,
        history=email_templates.EmailTemplateHistoryView,
    ),
]
