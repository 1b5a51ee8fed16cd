from django.urls import path

from hamkor.agreements import views
from hamkor.core.urls_helpers import model_paths

app_name = "agreements"

urlpatterns = [
    path(
        "staff/agreements-expiring/",
        views.AgreementExpiringView.as_view(),
        name="agreement_expiring",
    ),
    *model_paths(
        "staff/agreements",
        "agreement",
        list=views.AgreementListView,
        add=views.AgreementEditView,
        import_=views.AgreementImportView,
        detail=views.AgreementDetailView,
        edit=views.AgreementEditView,
        delete=views.AgreementDeleteView,
        history=views.AgreementHistoryView,
    ),
    path(
        "staff/agreements/<int:pk>/status/<slug:name>/",
        views.AgreementTransitionView.as_view(),
        name="agreement_transition",
    ),
    path(
        "staff/agreements/<int:pk>/renew/",
        views.AgreementRenewView.as_view(),
        name="agreement_renew",
    ),
    path(
        "staff/agreements/<int:pk>/amend/",
        views.AgreementAmendView.as_view(),
        name="agreement_amend",
    ),
    path(
        "staff/agreements/<int:agreement_pk>/quotas/add/",
        views.MobilityQuotaEditView.as_view(),
        name="mobilityquota_add",
    ),
    *model_paths(
        "staff/agreements/quotas",
        "mobilityquota",
        edit=views.MobilityQuotaEditView,
        delete=views.MobilityQuotaDeleteView,
    ),
]
