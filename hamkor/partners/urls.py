from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.partners import views

app_name = "partners"

urlpatterns = [
    path("staff/dormant-partners/", views.DormantPartnerListView.as_view(), name="dormant"),
    path(
        "staff/institutions/load-directory/",
        views.InstitutionDirectoryLoadView.as_view(),
        name="institution_load_directory",
    ),
    path(
        "staff/institutions/<int:pk>/merge/",
        views.InstitutionMergeView.as_view(),
        name="institution_merge",
    ),
    path(
        "staff/institutions/<int:institution_pk>/contacts/add/",
        views.ContactEditView.as_view(),
        name="institution_contact_add",
    ),
    path(
        "staff/institutions/<int:institution_pk>/interactions/add/",
        views.InteractionEditView.as_view(),
        name="institution_interaction_add",
    ),
    path(
        "staff/interactions/<int:pk>/done/",
        views.InteractionDoneView.as_view(),
        name="interaction_done",
    ),
    *model_paths(
        "staff/institutions",
        "institution",
        list=views.InstitutionListView,
        add=views.InstitutionEditView,
        import_=views.InstitutionImportView,
        detail=views.InstitutionDetailView,
        edit=views.InstitutionEditView,
        delete=views.InstitutionDeleteView,
        history=views.InstitutionHistoryView,
    ),
    *model_paths(
        "staff/contacts",
        "contact",
        list=views.ContactListView,
        add=views.ContactEditView,
        import_=views.ContactImportView,
        detail=views.ContactDetailView,
        edit=views.ContactEditView,
        delete=views.ContactDeleteView,
        history=views.ContactHistoryView,
    ),
    *model_paths(
        "staff/interactions",
        "interaction",
        list=views.InteractionListView,
        add=views.InteractionEditView,
        detail=views.InteractionDetailView,
        edit=views.InteractionEditView,
        delete=views.InteractionDeleteView,
        history=views.InteractionHistoryView,
    ),
]
