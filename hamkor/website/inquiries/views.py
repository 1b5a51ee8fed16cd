"""Inquiries: the public contact page, and the office's inbox (list, page, steps)."""

from __future__ import annotations

from django.shortcuts import render
from django.utils import translation

from hamkor.core import transitions
from hamkor.core.views import generic
from hamkor.website.inquiries.filters import InquiryFilterSet
from hamkor.website.inquiries.forms import ContactForm, InquiryStepForm
from hamkor.website.inquiries.models import Inquiry
from hamkor.website.inquiries.services import inquiry_receive, inquiry_transition
from hamkor.website.inquiries.tables import InquiryTable, status_badge
from hamkor.website.selectors import department_profile_get
from hamkor.website.sent import public_form_send, sent_record


def contact(request):
    """The contact form: an inquiry in the page's language, confirmed with its number.
    A refused form (a robot's look, too many sends) comes back with what was typed."""
    inquiry = sent_record(request, Inquiry)
    if inquiry is not None:
        return render(
            request,
            "website/public/contact_sent.html",
            {"inquiry": inquiry, "profile": department_profile_get()},
        )
    form = ContactForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        sent, status = public_form_send(
            request,
            form,
            kind="inquiry",
            send=lambda data: inquiry_receive(
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                subject=data["subject"],
                message=data["message"],
                language=translation.get_language(),
            ),
        )
        if sent is not None:
            return sent
    return render(
        request,
        "website/public/contact.html",
        {"form": form, "profile": department_profile_get()},
        status=status,
    )


INQUIRIES = Inquiry.objects.select_related("assignee", "answered_by")


class InquiryListView(generic.ObjectListView):
    queryset = INQUIRIES
    filterset_class = InquiryFilterSet
    table_class = InquiryTable
    bulk_actions = ("export",)


class InquiryDetailView(generic.ObjectDetailView):
    queryset = INQUIRIES

    def get_extra_context(self, obj):
        return {
            "status_badge": status_badge(obj),
            "steps": transitions.steps_available(obj, self.request.user),
        }


class InquiryHistoryView(generic.ObjectHistoryView):
    queryset = INQUIRIES


class InquiryDeleteView(generic.ObjectDeleteView):
    queryset = INQUIRIES


class InquiryStepView(generic.ObjectStepView):
    queryset = INQUIRIES

    def badge(self, record) -> str:
        return status_badge(record)

    def make_form(self, record, data=None):
        return InquiryStepForm(data, step=self.step, inquiry=record)

    def take_step(self, record, form):
        return inquiry_transition(
            inquiry=record,
            name=self.step.name,
            actor=self.request.user,
            assignee=form.cleaned_data.get("assignee"),
            answer=form.cleaned_data.get("answer", ""),
        )
