"""API serializers and viewsets of the events app: read, and write through the services.

Participants' contact details are in the answer for who may change participants only.
"""

from __future__ import annotations

from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers

from hamkor.core.api.viewsets import ServiceWriteViewSet
from hamkor.events.filters import EventFilterSet, ParticipantFilterSet, PublicationFilterSet
from hamkor.events.forms import EventForm
from hamkor.events.models import Event, Participant, Publication
from hamkor.events.services import event_save, participant_save, publication_save
from hamkor.events.tables import events_with_list_columns


class EventSerializer(CountryFieldMixin, serializers.ModelSerializer):
    title = serializers.CharField(read_only=True)
    participants_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Event
        # What the edit page writes, and what the list shows besides.
        fields = ["id", *EventForm.Meta.fields, "title", "participants_count", "version"]
        read_only_fields = ["version"]


class ParticipantSerializer(serializers.ModelSerializer):
    display_name = serializers.CharField(read_only=True)

    class Meta:
        model = Participant
        fields = [
            "id",
            "event",
            "person",
            "name",
            "display_name",
            "email",
            "affiliation",
            "role",
            "hours",
            "language",
            "registration",
            "certificate_reference",
            "certificate_issued_on",
            "version",
        ]
        read_only_fields = ["certificate_reference", "certificate_issued_on", "version"]

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is None or not user.has_perm("events.change_participant"):
            fields.pop("email", None)
        return fields

    def to_representation(self, instance):
        """A participant's e-mail only for who may change them (a coordinator: their
        faculty's events), as in the export."""
        data = super().to_representation(instance)
        request = self.context.get("request")
        if "email" in data and request is not None:
            reachable = Participant.objects.within_reach(request.user, instance, "change")
            if not reachable:
                data["email"] = None
        return data


class PublicationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Publication
        fields = ["id", "event", "title", "authors", "venue", "year", "doi", "version"]
        read_only_fields = ["version"]


class EventViewSet(ServiceWriteViewSet):
    queryset = Event.objects.select_related("home_unit").prefetch_related("partners", "agreements")
    serializer_class = EventSerializer
    filterset_class = EventFilterSet
    save_service = staticmethod(event_save)

    def get_queryset(self):
        return events_with_list_columns(super().get_queryset()).order_by("-start", "-id")


class ParticipantViewSet(ServiceWriteViewSet):
    queryset = Participant.objects.select_related("event", "person")
    serializer_class = ParticipantSerializer
    filterset_class = ParticipantFilterSet
    parent_field = "event"
    save_service = staticmethod(participant_save)


class PublicationViewSet(ServiceWriteViewSet):
    queryset = Publication.objects.select_related("event")
    serializer_class = PublicationSerializer
    filterset_class = PublicationFilterSet
    parent_field = "event"
    save_service = staticmethod(publication_save)
