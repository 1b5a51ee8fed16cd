"""API serializers and viewsets of the events app: read, and write through the services.

Participants' contact details are in the answer for who may change participants only.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers

from hamkor.core.api.transitions import TransitionsMixin
from hamkor.core.api.viewsets import ServiceWriteViewSet
from hamkor.events.certificates import certificate_issue, certificate_send
from hamkor.events.filters import EventFilterSet, ParticipantFilterSet, PublicationFilterSet
from hamkor.events.forms import EventForm
from hamkor.events.models import Event, Participant, Publication
from hamkor.events.services import (
    event_save,
    participant_cancel,
    participant_save,
    publication_save,
)
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


def participant_step(
    *, participant: Participant, name: str, actor, reason: str = ""
) -> Participant:
    """The participant page's steps: issue the certificate, send it, cancel the registration
    (the first one waiting then takes the place)."""
    if name == "issue":
        return certificate_issue(participant=participant, actor=actor)
    if name == "send":
        if not certificate_send(participant=participant, actor=actor):
            raise ValidationError(_("The participant has no e-mail address."))
    elif name == "cancel":
        participant_cancel(participant=participant, actor=actor)
    else:
        raise ValidationError(_("There is no step “%(name)s”.") % {"name": name})
    return Participant.objects.get(pk=participant.pk)


class ParticipantViewSet(TransitionsMixin, ServiceWriteViewSet):
    step_service = staticmethod(participant_step)
    step_permission = "events.change_participant"
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
