from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.mobility.views import deadlines, mobilities, people, portal

app_name = "mobility"

urlpatterns = [
    # The deadlines board (staff) and the traveller's own pages (any linked account).
    path("staff/deadlines/", deadlines.MobilityDeadlinesView.as_view(), name="deadlines"),
    path("my/exchanges/", portal.PortalView.as_view(), name="portal"),
    path("my/exchanges/<int:pk>/", portal.PortalMobilityView.as_view(), name="portal_mobility"),
    path("my/exchanges/<int:pk>/upload/", portal.PortalUploadView.as_view(), name="portal_upload"),
    path("my/exchanges/<int:pk>/letter/", portal.PortalLetterView.as_view(), name="portal_letter"),
    path("my/documents/<int:pk>/", portal.PortalDownloadView.as_view(), name="portal_download"),
    path(
        "staff/people/<int:pk>/merge/",
        people.PersonMergeView.as_view(),
        name="person_merge",
    ),
    *model_paths(
        "staff/people",
        "person",
        list=people.PersonListView,
        add=people.PersonEditView,
        import_=people.PersonImportView,
        detail=people.PersonDetailView,
        edit=people.PersonEditView,
        delete=people.PersonDeleteView,
        history=people.PersonHistoryView,
    ),
    path(
        "staff/mobilities/<int:pk>/step/<str:name>/",
        mobilities.MobilityTransitionView.as_view(),
        name="mobility_transition",
    ),
    path(
        "staff/mobilities/<int:pk>/letter/issue/",
        mobilities.MobilityLetterIssueView.as_view(),
        name="mobility_letter_issue",
    ),
    path(
        "staff/mobilities/<int:pk>/letter/",
        mobilities.MobilityLetterView.as_view(),
        name="mobility_letter",
    ),
    *model_paths(
        "staff/mobilities",
        "mobility",
        list=mobilities.MobilityListView,
        add=mobilities.MobilityEditView,
        import_=mobilities.MobilityImportView,
        detail=mobilities.MobilityDetailView,
        edit=mobilities.MobilityEditView,
        delete=mobilities.MobilityDeleteView,
        history=mobilities.MobilityHistoryView,
    ),
]
