"""'My university': a foreign student's own page, their deadlines and requests.

It grows out of "My exchanges" (:mod:`hamkor.mobility.views.portal`): the same account,
linked to a person of the registry, sees their exchanges there and, when they are a foreign
student here, their visa and registration deadlines and their requests. Every query
starts from the user's own student record: another student's request or file answers 404,
whoever asks.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from hamkor.calls.selectors import own_applications
from hamkor.core.documents import document_response, documents_for
from hamkor.core.models import DocumentVersion
from hamkor.mobility.reminders import person_for_user
from hamkor.mobility.views.portal import own_mobilities
from hamkor.students.deadlines import student_deadlines
from hamkor.students.forms import PortalRequestForm
from hamkor.students.models import ForeignStudent, StudentRequest
from hamkor.students.services import student_request_file
from hamkor.students.tables import status_badge


def own_student(user) -> ForeignStudent | None:
    """The foreign student record of the person linked to ``user``, if any."""
    if not user.is_authenticated:
        return None
    return (
        ForeignStudent.objects.select_related("person", "faculty").filter(person__user=user).first()
    )


def own_requests(user):
    return StudentRequest.objects.filter(student__person__user=user)


class UniversityView(LoginRequiredMixin, View):
    """The student's deadlines and requests, the new-request form, and their exchanges."""

    def get(self, request):
        return self.render(PortalRequestForm())

    def post(self, request):
        student = own_student(request.user)
        if student is None:
            return redirect("students:portal")
        form = PortalRequestForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                filed = student_request_file(
                    student=student,
                    kind=data["kind"],
                    subject=data["subject"],
                    description=data["description"],
                    upload=data.get("file"),
                    actor=request.user,
                )
            except ValidationError as exc:
                form.add_error("file" if data.get("file") else None, " ".join(exc.messages))
            else:
                messages.success(
                    request,
                    _("Your request “%(subject)s” is filed. The office will reply by e-mail.")
                    % {"subject": filed.subject},
                )
                return redirect("students:portal_request", pk=filed.pk)
        return self.render(form, status=400)

    def render(self, form, status=200):
        user = self.request.user
        person = person_for_user(user)
        if person is None:
            return render(self.request, "mobility/portal_no_person.html")
        student = own_student(user)
        context = {
            "person": person,
            "student": student,
            "form": form,
            "mobilities": own_mobilities(user).order_by("-planned_start", "-id"),
            "applications": own_applications(user),
        }
        if student is not None:
            requests = list(own_requests(user).order_by("-created_at"))
            for item in requests:
                item.badge = status_badge(item)
            context.update(
                deadlines=student_deadlines(student, today=timezone.localdate(), personal=True),
                requests=requests,
                status_badge=status_badge(student),
            )
        return render(self.request, "students/portal.html", context, status=status)


class PortalRequestView(LoginRequiredMixin, View):
    """One of the student's own requests, with the replies and the files."""

    def get(self, request, pk: int):
        item = get_object_or_404(own_requests(request.user), pk=pk)
        return render(
            request,
            "students/portal_request.html",
            {
                "item": item,
                "status_badge": status_badge(item),
                "replies": item.replies.all(),
                "documents": documents_for(item),
            },
        )


class PortalRequestFileView(LoginRequiredMixin, View):
    """A file attached to one of the student's own requests; any other answers 404."""

    http_method_names = ["get", "head", "options"]

    def get(self, request, pk: int):
        version = get_object_or_404(
            DocumentVersion.objects.select_related("document"),
            pk=pk,
            document__content_type=ContentType.objects.get_for_model(StudentRequest),
            document__object_id__in=own_requests(request.user).values("pk"),
        )
        return document_response(version, request=request)
