"""Downloading and uploading documents attached to records.

Files are never reachable by URL from the storage: the download view checks that the user
may see the record the document belongs to, and answers 404 otherwise, so that a guessed
number reveals nothing. Uploads come from the documents card of a record's page and go
back there with a message, whether they succeeded or not.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from hamkor.core.document_forms import DocumentUploadForm, DocumentVersionForm, form_errors
from hamkor.core.documents import (
    can_attach_documents,
    can_view_document,
    document_add,
    document_add_version,
    document_kinds,
    document_response,
    is_attachable,
)
from hamkor.core.models import Document, DocumentVersion


class DocumentDownloadView(LoginRequiredMixin, View):
    """The file of one version, as an attachment, to a user who may see its record."""

    http_method_names = ["get", "head", "options"]

    def get(self, request, pk: int):
        version = get_object_or_404(
            DocumentVersion.objects.select_related("document__content_type"), pk=pk
        )
        if not can_view_document(request.user, version.document):
            raise Http404
        return document_response(version, request=request)


class DocumentAddView(LoginRequiredMixin, View):
    """Attach a new document to a record (POST only); back to the record with a message."""

    def post(self, request, content_type_id: int, object_id: int):
        content_type = get_object_or_404(ContentType, pk=content_type_id)
        record = _record_or_404(request.user, content_type, object_id)
        if not can_attach_documents(request.user, record):
            raise PermissionDenied
        form = DocumentUploadForm(request.POST, request.FILES, kinds=document_kinds(record))
        if not form.is_valid():
            messages.error(request, form_errors(form))
            return _back(request, record)
        try:
            document = document_add(
                record=record,
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                actor=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return _back(request, record)
        messages.success(
            request,
            _("%(file)s attached as %(document)s.")
            % {"file": document.current.filename, "document": document},
        )
        return _back(request, record)


class DocumentVersionAddView(LoginRequiredMixin, View):
    """Upload a new version of a document (POST only); earlier versions stay downloadable."""

    def post(self, request, pk: int):
        document = get_object_or_404(Document.objects.select_related("content_type"), pk=pk)
        record = _record_or_404(request.user, document.content_type, document.object_id)
        if not can_attach_documents(request.user, record):
            raise PermissionDenied
        form = DocumentVersionForm(request.POST, request.FILES)
        if not form.is_valid():
            messages.error(request, form_errors(form))
            return _back(request, record)
        try:
            version = document_add_version(
                document=document,
                upload=form.cleaned_data["file"],
                actor=request.user,
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return _back(request, record)
        messages.success(
            request,
            _("%(file)s is now version %(number)d of %(document)s.")
            % {"file": version.filename, "number": version.number, "document": document},
        )
        return _back(request, record)


def _record_or_404(user, content_type: ContentType, object_id: int):
    """The record, if the user may see its documents; a record out of reach does not exist."""
    model = content_type.model_class()
    if not is_attachable(model):
        raise Http404
    if not user.has_perm("core.view_document"):
        raise Http404
    record = model._default_manager.restrict(user, "view").filter(pk=object_id).first()
    if record is None:
        raise Http404
    return record


def _back(request, record) -> HttpResponseRedirect:
    """The page the form was on when it says so safely, else the record's page."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)
    try:
        return HttpResponseRedirect(record.get_absolute_url())
    except NoReverseMatch:
        # A model whose pages are not written yet.
        return HttpResponseRedirect(reverse("workbench:home"))
