"""The applicant's pages: apply to an open call, keep a draft, upload documents, submit,
withdraw, accept or decline a place. Every query starts from the user's own applications:
another applicant's answers 404, whoever asks."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from hamkor.calls import applying, results, rules
from hamkor.calls.forms import ApplicationForm, DocumentForm
from hamkor.calls.models import Application, Call
from hamkor.calls.selectors import open_calls, own_applications, own_document_versions
from hamkor.calls.tables import application_badge
from hamkor.core.documents import document_response
from hamkor.core.services import StaleObjectError
from hamkor.core.views.generic.base import _add_errors
from hamkor.mobility.reminders import person_for_user


def _page(request, application, form, *, document_form=None, status=200):
    call = application.call
    context = {
        "application": application,
        "call": call,
        "form": form,
        "document_form": document_form or DocumentForm(),
        "status_badge": application_badge(application) if application.pk else "",
        "documents": application.documents.select_related("document") if application.pk else [],
        "reasons": rules.reasons_text(application) if application.pk else [],
        "refusal": rules.submission_refusal(call),
        "answer_refusal": results.answer_refusal(application) if application.pk else "",
    }
    return render(request, "calls/my_application.html", context, status=status)


def _save_and_maybe_submit(request, application, form, expected_version):
    """Save the typed draft; then submit it when asked. A refused submission keeps the draft
    saved and says why; a refused draft shows the typed values with the reasons."""
    try:
        application = applying.application_save(
            application=form.save(commit=False),
            preferences=form.preferences(),
            actor=request.user,
            expected_version=expected_version,
        )
    except StaleObjectError as exc:
        form.add_error(None, exc.message)
        return _page(request, application, form, status=409)
    except applying.VersionMissing as exc:
        form.add_error(None, exc.message)
        return _page(request, application, form, status=400)
    except ValidationError as exc:
        _add_errors(form, exc)
        return _page(request, application, form, status=400)
    if "submit" not in request.POST:
        messages.success(request, _("Your draft is saved."))
        return redirect("calls:my_application", pk=application.pk)
    try:
        applying.application_submit(application=application, actor=request.user)
    except ValidationError as exc:
        application.refresh_from_db()
        # The typed values, saved as the draft, shown again with the reason.
        form = ApplicationForm(request.POST, instance=application, call=application.call)
        form.is_valid()
        form.add_error(None, " ".join(exc.messages))
        messages.warning(request, _("Your draft is saved, but it was not submitted."))
        return _page(request, application, form, status=400)
    messages.success(
        request, _("Your application is submitted. A receipt is on its way by e-mail.")
    )
    return redirect("calls:my_application", pk=application.pk)


def _version(request) -> int | None:
    try:
        return int(request.POST.get("_version", ""))
    except ValueError:
        return None


class ApplyView(LoginRequiredMixin, View):
    """A new application to an open call; the applicant's existing one if they have one."""

    def get_call(self, pk) -> Call:
        return get_object_or_404(open_calls(), pk=pk)

    def get(self, request, pk: int):
        call = self.get_call(pk)
        existing = Application.objects.of_applicant(request.user).filter(call=call).first()
        if existing is not None:
            return redirect("calls:my_application", pk=existing.pk)
        if person_for_user(request.user) is None:
            return render(request, "mobility/portal_no_person.html")
        application = Application(call=call, applicant=request.user, language=call.language)
        return _page(request, application, ApplicationForm(instance=application, call=call))

    def post(self, request, pk: int):
        call = self.get_call(pk)
        existed = Application.objects.of_applicant(request.user).filter(call=call).exists()
        try:
            application = applying.application_start(call=call, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("public:call_detail", pk=call.pk)
        form = ApplicationForm(request.POST, instance=application, call=call)
        if not form.is_valid():
            return _page(request, application, form, status=400)
        # A draft made in another window meanwhile is not overwritten by this page's
        # form: it is an edit of that draft, at the version this form knew (none).
        version = _version(request) if existed else application.version
        return _save_and_maybe_submit(request, application, form, version)


class MyApplicationView(LoginRequiredMixin, View):
    """One of the applicant's applications: the draft's form, or its status and result."""

    def get_application(self, pk) -> Application:
        return get_object_or_404(own_applications(self.request.user), pk=pk)

    def get(self, request, pk: int):
        application = self.get_application(pk)
        form = ApplicationForm(instance=application, call=application.call)
        return _page(request, application, form)

    def post(self, request, pk: int):
        application = self.get_application(pk)
        form = ApplicationForm(request.POST, instance=application, call=application.call)
        if not form.is_valid():
            return _page(request, application, form, status=400)
        return _save_and_maybe_submit(request, application, form, _version(request))


class MyApplicationUploadView(MyApplicationView):
    """Attach one of the call's documents to the draft."""

    http_method_names = ["post"]

    def post(self, request, pk: int):
        application = self.get_application(pk)
        document_form = DocumentForm(request.POST, request.FILES)
        if document_form.is_valid():
            try:
                applying.application_document_add(
                    application=application,
                    kind=document_form.cleaned_data["kind"],
                    upload=document_form.cleaned_data["file"],
                    actor=request.user,
                )
            except ValidationError as exc:
                _add_errors(document_form, exc)
            else:
                messages.success(request, _("The document is attached."))
                return redirect("calls:my_application", pk=application.pk)
        form = ApplicationForm(instance=application, call=application.call)
        return _page(request, application, form, document_form=document_form, status=400)


STEPS = {
    "withdraw": (applying.application_withdraw, gettext_lazy("Your application is withdrawn.")),
    "accept": (
        results.application_accept,
        gettext_lazy("You accepted the place: the office nominates you."),
    ),
    "decline": (results.application_decline, gettext_lazy("You declined the place.")),
}


class MyApplicationStepView(MyApplicationView):
    """The applicant's own steps: withdraw, accept or decline the place."""

    http_method_names = ["post"]

    def post(self, request, pk: int, step: str):
        if step not in STEPS:
            raise Http404
        application = self.get_application(pk)
        service, done = STEPS[step]
        try:
            service(application=application, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, str(done))
        return redirect("calls:my_application", pk=application.pk)


class MyDocumentView(LoginRequiredMixin, View):
    """A file the applicant uploaded to one of their own applications; any other (another
    applicant's, or one the office attached to the application) answers 404."""

    http_method_names = ["get", "head", "options"]

    def get(self, request, pk: int):
        version = get_object_or_404(own_document_versions(request.user), pk=pk)
        return document_response(version, request=request)
