"""Staff pages of events: list (with certificates in bulk), the event's page with its
participants, certificates and outcomes, edit, import."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy

from hamkor.core.views import generic
from hamkor.events import forms
from hamkor.events.filters import EventFilterSet
from hamkor.events.models import Event, Participant, Publication
from hamkor.events.selectors import places_left
from hamkor.events.services import event_save, rows_save
from hamkor.events.tables import EventTable, events_with_list_columns
from hamkor.events.tasks import certificates_start

EVENTS = Event.objects.select_related("home_unit")


class EventListView(generic.ObjectListView):
    queryset = EVENTS
    filterset_class = EventFilterSet
    table_class = EventTable
    bulk_actions = ("export", "job:certificates")
    bulk_job_labels = {
        "certificates": gettext_lazy("Certificates for all participants (sent by e-mail)")
    }

    def get_queryset(self, action=None):
        return events_with_list_columns(super().get_queryset(action))

    def bulk_job(self, rows, *, name, request):
        if name != "certificates" or not request.user.has_perm("events.change_participant"):
            raise PermissionDenied
        # Every event is read by all, but certificates are issued and sent only for the
        # events the user may change (a coordinator's faculty).
        event_ids = list(
            rows.filter(
                pk__in=Event.objects.restrict(request.user, "change").values("pk")
            ).values_list("pk", flat=True)
        )
        if not event_ids:
            raise PermissionDenied
        return certificates_start(owner=request.user, event_ids=event_ids)


class EventDetailView(generic.ObjectDetailView):
    queryset = EVENTS.prefetch_related("partners", "agreements")

    def get_extra_context(self, obj):
        user = self.request.user
        may_change = self.queryset.within_reach(user, obj, "change")
        participants = list(
            Participant.objects.restrict(user)
            .filter(event=obj)
            .select_related("person")
            .order_by("registration", "name", "person__last_name", "id")
        )
        return {
            "participants": participants,
            "certificates_issued": sum(1 for p in participants if p.certificate_reference),
            "confirmed": sum(
                1 for p in participants if p.registration == Participant.Registration.CONFIRMED
            ),
            "places_left": places_left(obj),
            "publications": Publication.objects.restrict(user).filter(event=obj),
            "can_add_participants": may_change and user.has_perm("events.add_participant"),
            "can_add_publications": may_change and user.has_perm("events.add_publication"),
            "can_issue": obj.is_ours and may_change and user.has_perm("events.change_participant"),
        }


class EventHistoryView(generic.ObjectHistoryView):
    queryset = EVENTS


class EventEditView(generic.ObjectEditView):
    queryset = EVENTS
    form_class = forms.EventForm

    def save(self, form, *, expected_version):
        event = event_save(
            event=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )
        form.save_m2m()
        return event


class EventDeleteView(generic.ObjectDeleteView):
    queryset = EVENTS


class EventImportView(generic.BulkImportView):
    queryset = EVENTS
    import_form_class = forms.EventImportForm
    example = {
        "kind": "webinar",
        "organisation": "with_partners",
        "format": "online",
        "title_uz": "Raqamli ta ºlim vebinari",
        "title_en": "Webinar on digital education",
        "start": "2025-03-12",
        "end": "2025-03-12",
        "city": "Kokand",
        "country": "UZ",
        "languages": "English, Russian",
        "link": "https://example.org/recording",
    }

    def apply_rows(self, rows, actor):
        return rows_save(
            rows,
            actor=actor,
            save=lambda event, who: event_save(
                event=event, actor=who, reason="events.event.imported"
            ),
        )
