"""Staff pages of participants (added from the event's page) and of publications, and the
certificate steps: issue, download, send."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views import View

from hamkor.core.documents import documents_context
from hamkor.core.validators import is_number
from hamkor.core.views import generic
from hamkor.events import forms
from hamkor.events.certificates import (
    certificate_filename,
    certificate_issue,
    certificate_pdf,
    certificate_refusal,
    certificate_send,
)
from hamkor.events.filters import ParticipantFilterSet, PublicationFilterSet
from hamkor.events.models import Event, Participant, Publication
from hamkor.events.services import (
    participant_cancel,
    participant_save,
    publication_save,
    rows_save,
)
from hamkor.events.tables import ParticipantTable, PublicationTable

PARTICIPANTS = Participant.objects.select_related("event", "person")


class EventPartMixin:
    """A record of an event: added from the event's page (``?event=``), back to it after."""

    anchor = ""

    def get_initial_object(self):
        obj = self.queryset.model()
        pk = self.request.GET.get("event", "")
        if is_number(pk):
            obj.event = Event.objects.restrict(self.request.user, "change").filter(pk=pk).first()
        return obj

    def get_success_url(self, instance) -> str:
        return f"{instance.event.get_absolute_url()}#{self.anchor}"


class ParticipantListView(generic.ObjectListView):
    queryset = PARTICIPANTS
    filterset_class = ParticipantFilterSet
    table_class = ParticipantTable


class ParticipantDetailView(generic.ObjectDetailView):
    queryset = PARTICIPANTS

    def get_extra_context(self, obj):
        user = self.request.user
        return {
            "certificate_refusal": certificate_refusal(obj),
            "can_issue": self.queryset.within_reach(user, obj, "change"),
            **documents_context(user, obj),
        }


class ParticipantHistoryView(generic.ObjectHistoryView):
    queryset = PARTICIPANTS


class ParticipantEditView(EventPartMixin, generic.ObjectEditView):
    queryset = PARTICIPANTS
    form_class = forms.ParticipantForm
    anchor = "participants"

    def save(self, form, *, expected_version):
        return participant_save(
            participant=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class ParticipantDeleteView(EventPartMixin, generic.ObjectDeleteView):
    queryset = PARTICIPANTS
    anchor = "participants"


class ParticipantImportView(generic.BulkImportView):
    queryset = PARTICIPANTS
    import_form_class = forms.ParticipantImportForm
    example = {
        "event": "1",
        "person_email": "",
        "name": "Aziza Karimova",
        "email": "aziza@example.org",
        "affiliation": "Samarkand State University",
        "role": "speaker",
        "hours": "6",
        "language": "uz",
    }

    def apply_rows(self, rows, actor):
        return rows_save(
            rows,
            actor=actor,
            save=lambda participant, who: participant_save(
                participant=participant, actor=who, reason="events.participant.imported"
            ),
        )


class ParticipantStepView(generic.ObjectPermissionMixin, View):
    """Issue, send or cancel (POST): back to the participant's page with the outcome."""

    queryset = PARTICIPANTS
    action = "change"
    http_method_names = ["post"]

    def post(self, request, pk, step):
        participant = self.get_object()
        try:
            if step == "issue":
                participant = certificate_issue(participant=participant, actor=request.user)
                done = _("Certificate %(reference)s is issued.") % {
                    "reference": participant.certificate_reference
                }
            elif step == "send":
                if certificate_send(participant=participant, actor=request.user):
                    done = _("The certificate is sent to %(email)s.") % {
                        "email": participant.contact_email
                    }
                else:
                    raise ValidationError(_("The participant has no e-mail address."))
            elif step == "cancel":
                promoted = participant_cancel(participant=participant, actor=request.user)
                done = _("The registration is cancelled.")
                if promoted is not None:
                    done += " " + _("%(name)s moves from the waiting list to the event.") % {
                        "name": promoted.display_name
                    }
            else:
                raise Http404
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, done)
        return HttpResponseRedirect(participant.get_absolute_url())


class ParticipantCertificateView(generic.ObjectPermissionMixin, View):
    """The generated certificate as a PDF, for whoever may see the participant."""

    queryset = PARTICIPANTS

    def get(self, request, pk):
        participant = self.get_object()
        if not participant.certificate_reference:
            raise Http404
        response = HttpResponse(certificate_pdf(participant), content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="{certificate_filename(participant)}"'
        )
        return response


PUBLICATIONS = Publication.objects.select_related("event")


class PublicationListView(generic.ObjectListView):
    queryset = PUBLICATIONS
    filterset_class = PublicationFilterSet
    table_class = PublicationTable


class PublicationDetailView(generic.ObjectDetailView):
    queryset = PUBLICATIONS


class PublicationHistoryView(generic.ObjectHistoryView):
    queryset = PUBLICATIONS


class PublicationEditView(EventPartMixin, generic.ObjectEditView):
    queryset = PUBLICATIONS
    form_class = forms.PublicationForm
    anchor = "outcomes"

    def save(self, form, *, expected_version):
        return publication_save(
            publication=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class PublicationDeleteView(EventPartMixin, generic.ObjectDeleteView):
    queryset = PUBLICATIONS
    anchor = "outcomes"
