"""Staff and applicant addresses of the calls (the public ones are in ``public_urls.py``; the
committee's and the selection's in ``selection_urls.py``)."""

from django.urls import path

from hamkor.calls import portal_views, views
from hamkor.calls.selection_urls import urlpatterns as selection_urlpatterns
from hamkor.core.urls_helpers import model_paths

app_name = "calls"

urlpatterns = [
    # The committee and the selection (selection_urls.py).
    *selection_urlpatterns,
    *model_paths(
        "staff/calls",
        "call",
        list=views.CallListView,
        add=views.CallEditView,
        detail=views.CallDetailView,
        edit=views.CallEditView,
        delete=views.CallDeleteView,
        history=views.CallHistoryView,
    ),
    path(
        "staff/calls/<int:pk>/status/<slug:name>/",
        views.CallTransitionView.as_view(),
        name="call_transition",
    ),
    path("staff/calls/<int:call_pk>/places/add/", views.PlaceEditView.as_view(), name="place_add"),
    *model_paths(
        "staff/calls/places", "place", edit=views.PlaceEditView, delete=views.PlaceDeleteView
    ),
    path(
        "staff/calls/<int:call_pk>/criteria/add/",
        views.CriterionEditView.as_view(),
        name="criterion_add",
    ),
    *model_paths(
        "staff/calls/criteria",
        "criterion",
        edit=views.CriterionEditView,
        delete=views.CriterionDeleteView,
    ),
    *model_paths(
        "staff/applications",
        "application",
        list=views.ApplicationListView,
        detail=views.ApplicationDetailView,
        history=views.ApplicationHistoryView,
    ),
    path(
        "staff/applications/<int:pk>/override/",
        views.ApplicationOverrideView.as_view(),
        name="application_override",
    ),
    # The applicant's own pages.
    path("my/calls/<int:pk>/apply/", portal_views.ApplyView.as_view(), name="apply"),
    path(
        "my/applications/<int:pk>/", portal_views.MyApplicationView.as_view(), name="my_application"
    ),
    path(
        "my/applications/<int:pk>/documents/",
        portal_views.MyApplicationUploadView.as_view(),
        name="my_application_upload",
    ),
    path(
        "my/applications/<int:pk>/<slug:step>/",
        portal_views.MyApplicationStepView.as_view(),
        name="my_application_step",
    ),
    path(
        "my/application-documents/<int:pk>/",
        portal_views.MyDocumentView.as_view(),
        name="my_document",
    ),
]
