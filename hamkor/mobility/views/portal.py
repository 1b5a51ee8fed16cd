"""The traveller's own pages: their mobilities, the documents asked of them, their letters.

Anyone logged in whose account is linked to a person in the registry may use them; no staff
permission is needed, and none helps: every query starts from the user's own person, so
another person's mobility or document answers 404 whoever asks.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from hamkor.core import files
from hamkor.core.document_forms import DocumentUploadForm, form_errors
from hamkor.core.documents import document_response, documents_for
from hamkor.core.models import Document, DocumentVersion
from hamkor.mobility.letters import invitation_pdf
from hamkor.mobility.models import Mobility
from hamkor.mobility.reminders import (
    documents_asked,
    documents_checklist,
    person_for_user,
    traveller_document_add,
)

OWN = Mobility.objects.select_related(
    "person", "sending_institution", "receiving_institution", "home_unit"
)


def own_mobilities(user):
    """The mobilities of the person linked to ``user``; none for anybody else."""
    return OWN.filter(person__user=user)


class PortalView(LoginRequiredMixin, View):
    """The user's own exchanges; a friendly word for an account not linked to a person."""

    def get(self, request):
        person = person_for_user(request.user)
        if person is None:
            return render(request, "mobility/portal_no_person.html")
        mobilities = list(own_mobilities(request.user).order_by("-planned_start", "-id"))
        for mobility in mobilities:
            mobility.checklist = documents_checklist(mobility, documents_for(mobility))
        return render(request, "mobility/portal.html", {"person": person, "mobilities": mobilities})


class PortalMobilityView(LoginRequiredMixin, View):
    """One of the user's exchanges: its dates, documents, uploads and letter."""

    def get(self, request, pk: int):
        mobility = get_object_or_404(own_mobilities(request.user), pk=pk)
        documents = list(documents_for(mobility))
        asked = documents_asked(mobility)
        labels = dict(Document.Kind.choices)
        return render(
            request,
            "mobility/portal_mobility.html",
            {
                "mobility": mobility,
                "person": mobility.person,
                "documents": documents,
                "checklist": documents_checklist(mobility, documents),
                "upload_kinds": [(kind, labels[kind]) for kind in asked],
                "document_accept": files.ACCEPT,
                "has_letter": _has_letter(mobility),
            },
        )


class PortalUploadView(LoginRequiredMixin, View):
    """Attach a document the traveller owes to their own mobility (POST only)."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        mobility = get_object_or_404(own_mobilities(request.user), pk=pk)
        labels = dict(Document.Kind.choices)
        kinds = [(kind, labels[kind]) for kind in documents_asked(mobility)]
        form = DocumentUploadForm(request.POST, request.FILES, kinds=kinds)
        if not form.is_valid():
            messages.error(request, form_errors(form))
            return redirect("mobility:portal_mobility", pk=mobility.pk)
        try:
            document = traveller_document_add(
                mobility=mobility,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                actor=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("mobility:portal_mobility", pk=mobility.pk)
        messages.success(
            request,
            _("%(file)s received as %(document)s. Thank you.")
            % {"file": document.current.filename, "document": document.get_kind_display()},
        )
        return redirect("mobility:portal_mobility", pk=mobility.pk)


class PortalDownloadView(LoginRequiredMixin, View):
    """A file attached to one of the user's own mobilities; any other answers 404."""

    http_method_names = ["get", "head", "options"]

    def get(self, request, pk: int):
        version = get_object_or_404(
            DocumentVersion.objects.select_related("document"),
            pk=pk,
            document__content_type=ContentType.objects.get_for_model(Mobility),
            document__object_id__in=own_mobilities(request.user).values("pk"),
        )
        return document_response(version, request=request)


class PortalLetterView(LoginRequiredMixin, View):
    """The invitation letter of the user's own incoming mobility, once it has been issued."""

    def get(self, request, pk: int):
        mobility = get_object_or_404(own_mobilities(request.user), pk=pk)
        if not _has_letter(mobility):
            raise Http404
        response = HttpResponse(invitation_pdf(mobility), content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="{mobility.invitation_reference}.pdf"'
        )
        return response


def _has_letter(mobility: Mobility) -> bool:
    return (
        not mobility.is_outgoing
        and bool(mobility.invitation_reference)
        and mobility.status != Mobility.Status.CANCELLED
    )
