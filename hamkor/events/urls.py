from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.events.views import events, participants

app_name = "events"

urlpatterns = [
    path(
        "staff/participants/<int:pk>/step/<slug:step>/",
        participants.ParticipantStepView.as_view(),
        name="participant_step",
    ),
    path(
        "staff/participants/<int:pk>/certificate/",
        participants.ParticipantCertificateView.as_view(),
        name="participant_certificate",
    ),
    *model_paths(
        "staff/events",
        "event",
        list=events.EventListView,
        add=events.EventEditView,
        import_=events.EventImportView,
        detail=events.EventDetailView,
        edit=events.EventEditView,
        delete=events.EventDeleteView,
        history=events.EventHistoryView,
    ),
    *model_paths(
        "staff/participants",
        "participant",
        list=participants.ParticipantListView,
        add=participants.ParticipantEditView,
        import_=participants.ParticipantImportView,
        detail=participants.ParticipantDetailView,
        edit=participants.ParticipantEditView,
        delete=participants.ParticipantDeleteView,
        history=participants.ParticipantHistoryView,
    ),
    *model_paths(
        "staff/publications",
        "publication",
        list=participants.PublicationListView,
        add=participants.PublicationEditView,
        detail=participants.PublicationDetailView,
        edit=participants.PublicationEditView,
        delete=participants.PublicationDeleteView,
        history=participants.PublicationHistoryView,
    ),
]
