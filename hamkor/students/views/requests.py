"""Staff pages of students' requests: list, page with replies and files, steps, import."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views import View

from hamkor.core import importing, transitions
from hamkor.core.documents import documents_context
from hamkor.core.validators import is_number
from hamkor.core.views import generic
from hamkor.students import forms
from hamkor.students.filters import StudentRequestFilterSet
from hamkor.students.import_forms import StudentRequestImportForm
from hamkor.students.models import ForeignStudent, StudentRequest
from hamkor.students.services import (
    request_reply_add,
    student_request_file,
    student_request_save,
    student_request_transition,
)
from hamkor.students.tables import StudentRequestTable, status_badge

REQUESTS = StudentRequest.objects.select_related("student__person", "student__faculty", "assignee")


class StudentRequestListView(generic.ObjectListView):
    queryset = REQUESTS
    filterset_class = StudentRequestFilterSet
    table_class = StudentRequestTable
    bulk_actions = ("export",)


class StudentRequestDetailView(generic.ObjectDetailView):
    queryset = REQUESTS

    def get_extra_context(self, obj):
        user = self.request.user
        in_reach = StudentRequest.objects.restrict(user, "change").filter(pk=obj.pk).exists()
        return {
            "status_badge": status_badge(obj),
            "steps": transitions.steps_available(obj, user),
            "replies": obj.replies.select_related("author"),
            "reply_form": forms.ReplyForm()
            if in_reach and user.has_perm("students.add_requestreply")
            else None,
            **documents_context(user, obj),
        }


class StudentRequestHistoryView(generic.ObjectHistoryView):
    queryset = REQUESTS


class StudentRequestEditView(generic.ObjectEditView):
    queryset = REQUESTS
    form_class = forms.StudentRequestForm

    def get_initial_object(self):
        request = StudentRequest()
        student = self.request.GET.get("student", "")
        if is_number(student):
            found = ForeignStudent.objects.restrict(self.request.user, "change").filter(pk=student)
            request.student = found.first()
        return request

    def save(self, form, *, expected_version):
        return student_request_save(
            request=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class StudentRequestDeleteView(generic.ObjectDeleteView):
    queryset = REQUESTS


class StudentRequestStepView(generic.ObjectStepView):
    queryset = REQUESTS

    def badge(self, record) -> str:
        return status_badge(record)

    def make_form(self, record, data=None):
        return forms.StepForm(data, step=self.step)

    def take_step(self, record, form):
        return student_request_transition(
            request=record,
            name=self.step.name,
            actor=self.request.user,
            reason=form.cleaned_data.get("reason", ""),
            on=form.cleaned_data.get("on"),
        )


class StudentRequestReplyView(generic.ObjectPermissionMixin, View):
    """Save a reply on the request and e-mail it to the student (POST only)."""

    queryset = REQUESTS
    action = "change"
    http_method_names = ["post"]

    def get_required_permission(self) -> str:
        return "students.add_requestreply"

    def post(self, request, pk):
        record = self.get_object("change")
        form = forms.ReplyForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Write the reply."))
            return HttpResponseRedirect(record.get_absolute_url() + "#replies")
        try:
            reply = request_reply_add(
                request=record, body=form.cleaned_data["body"], actor=request.user
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if reply.emailed_to:
                messages.success(
                    request,
                    _("Reply saved and e-mailed to %(email)s.") % {"email": reply.emailed_to},
                )
            else:
                messages.warning(
                    request,
                    _("Reply saved; the student reads it in “My university”."),
                )
        return HttpResponseRedirect(record.get_absolute_url() + "#replies")


class StudentRequestImportView(generic.BulkImportView):
    """Requests received on paper or by e-mail: the student by e-mail, the kind, the subject."""

    queryset = REQUESTS
    import_form_class = StudentRequestImportForm
    example = {
        "student": "f.rahimov@example.tj",
        "kind": "housing",
        "subject": "A place in the dormitory",
        "description": "From 1 September, with a roommate from the same group.",
    }

    def apply_rows(self, rows, actor):
        for row in rows:
            with importing.row_context(row):
                data = row.form.cleaned_data
                student_request_file(
                    student=data["student"],
                    kind=data["kind"],
                    subject=data["subject"],
                    description=data.get("description", ""),
                    actor=actor,
                )
        return len(rows), 0
