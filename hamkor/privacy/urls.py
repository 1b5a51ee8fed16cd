from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.privacy import views

app_name = "privacy"

urlpatterns = [
    *model_paths(
        "staff/personal-data/register",
        "datacategory",
        list=views.DataCategoryListView,
        detail=views.DataCategoryDetailView,
        edit=views.DataCategoryEditView,
        history=views.DataCategoryHistoryView,
    ),
    *model_paths(
        "staff/personal-data/retention",
        "retentionrun",
        list=views.RetentionRunListView,
        detail=views.RetentionRunDetailView,
    ),
    path(
        "staff/people/<int:pk>/consents/add/",
        views.ConsentAddView.as_view(),
        name="consent_add",
    ),
    path(
        "staff/personal-data/consents/<int:pk>/withdraw/",
        views.ConsentWithdrawView.as_view(),
        name="consent_withdraw",
    ),
    path(
        "staff/people/<int:pk>/personal-data/export/",
        views.PersonExportView.as_view(),
        name="person_export",
    ),
    path("staff/people/<int:pk>/erase/", views.PersonEraseView.as_view(), name="person_erase"),
]
