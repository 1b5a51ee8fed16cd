"""Staff pages of foreign students: list, page, edit, steps, fee payments, import."""

from __future__ import annotations

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext

from hamkor.core import importing, transitions
from hamkor.core.documents import documents_context
from hamkor.core.views import generic
from hamkor.mobility.personal import may_see_personal_data, personal_data_shown, redact
from hamkor.mobility.services import person_save
from hamkor.mobility.views.people import PersonalDataHistoryView, person_placeholders
from hamkor.students import forms
from hamkor.students.deadlines import student_deadlines
from hamkor.students.filters import ForeignStudentFilterSet
from hamkor.students.models import FeePayment, ForeignStudent
from hamkor.students.services import (
    fee_payment_save,
    foreign_student_save,
    foreign_student_transition,
)
from hamkor.students.tables import ForeignStudentTable, status_badge

STUDENTS = ForeignStudent.objects.select_related("person", "person__user", "faculty")


class ForeignStudentListView(generic.ObjectListView):
    queryset = STUDENTS
    filterset_class = ForeignStudentFilterSet
    table_class = ForeignStudentTable
    bulk_actions = ("export", "email", *(f"transition:{name}" for name in ("enrol", "graduate")))
    bulk_transition_labels = {
        "enrol": ForeignStudent.Status.ENROLLED.label,
        "graduate": ForeignStudent.Status.GRADUATED.label,
    }

    def bulk_transition(self, row, *, name, request):
        foreign_student_transition(student=row, name=name, actor=request.user)

    def bulk_recipient(self, row):
        return row.person, person_placeholders(row.person)


class ForeignStudentDetailView(generic.ObjectDetailView):
    queryset = STUDENTS

    def get_extra_context(self, obj):
        user = self.request.user
        payments = list(obj.payments.all())
        personal = personal_data_shown(self.request, obj)
        return {
            "student": redact(obj, user),
            "person": redact(obj.person, user),
            "status_badge": status_badge(obj),
            "steps": transitions.steps_available(obj, user),
            "can_see_personal_data": personal,
            "deadlines": student_deadlines(obj, today=timezone.localdate(), personal=personal),
            "payments": payments,
            "paid_uzs": obj.payments.aggregate(total=Sum("amount_uzs"))["total"] or 0,
            "can_add_payment": user.has_perm("students.add_feepayment")
            and ForeignStudent.objects.restrict(user, "change").filter(pk=obj.pk).exists(),
            "requests": obj.requests.select_related("assignee").order_by("-created_at")[:20],
            **documents_context(user, obj),
        }


class ForeignStudentHistoryView(PersonalDataHistoryView):
    queryset = STUDENTS


class ForeignStudentEditView(generic.ObjectEditView):
    """Create or edit through ``foreign_student_save``: every rule checked, errors beside
    the fields."""

    queryset = STUDENTS
    form_class = forms.ForeignStudentForm

    def save(self, form, *, expected_version):
        return foreign_student_save(
            student=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class ForeignStudentDeleteView(generic.ObjectDeleteView):
    queryset = STUDENTS


class ForeignStudentStepView(generic.ObjectStepView):
    queryset = STUDENTS

    def badge(self, record) -> str:
        return status_badge(record)

    def make_form(self, record, data=None):
        return forms.StepForm(data, step=self.step)

    def take_step(self, record, form):
        return foreign_student_transition(
            student=record,
            name=self.step.name,
            actor=self.request.user,
            reason=form.cleaned_data.get("reason", ""),
            on=form.cleaned_data.get("on"),
        )


class ForeignStudentImportView(generic.BulkImportView):
    """A row names the person by e-mail (added to the register when new); a person who is
    a student already is updated. Rows are saved by the same service as a single edit."""

    queryset = STUDENTS
    example = {
        "email": "f.rahimov@example.tj",
        "last_name": "Rahimov",
        "first_name": "Firdavs",
        "citizenship": "TJ",
        "faculty": "med",
        "programme": "General medicine",
        "level": "bachelor",
        "year_of_study": "2",
        "enrolled_on": "01.09.2025",
        "contract_number": "KSU-F-2025-014",
        "annual_fee": "18000000",
        "entry_date": "25.08.2025",
        "registered_on": "27.08.2025",
        "registration_valid_to": "26.08.2026",
    }

    @property
    def import_form_class(self):
        if may_see_personal_data(self.request.user):
            return forms.ForeignStudentImportFormWithVisa
        return forms.ForeignStudentImportForm

    def lookup(self, values):
        email = str(values.get("email") or "").strip()
        if not email:
            return None
        return ForeignStudent.objects.filter(person__email__iexact=email).first()

    def apply_rows(self, rows, actor):
        created = updated = 0
        for row in rows:
            with importing.row_context(row):
                student = row.form.save(commit=False)
                if student.person.pk is None:
                    student.person = person_save(person=student.person, actor=actor)
                new = student.pk is None
                foreign_student_save(
                    student=student, actor=actor, reason="students.foreignstudent.imported"
                )
                created, updated = created + new, updated + (not new)
        return created, updated


# --- Fee payments ----------------------------------------------------------------------------


class FeePaymentEditView(generic.ObjectEditView):
    """Record a payment of the student in the address; converted at the day's rate."""

    queryset = FeePayment.objects.select_related("student__person")
    form_class = forms.FeePaymentForm
    template_name = "students/feepayment_edit.html"

    def alter_object(self, payment):
        if "student_pk" in self.kwargs:
            payment.student = self.get_parent(ForeignStudent, "student_pk")
        return payment

    def save(self, form, *, expected_version):
        return fee_payment_save(payment=form.save(commit=False), actor=self.request.user)

    def get_success_url(self, instance) -> str:
        return instance.get_absolute_url()

    def success_message(self, instance) -> str:
        return gettext("Payment of %(amount)s %(currency)s recorded.") % {
            "amount": instance.amount,
            "currency": instance.currency,
        }

    def get_extra_context(self, obj=None):
        return {"student": obj.student}


class FeePaymentDeleteView(generic.ObjectDeleteView):
    queryset = FeePayment.objects.select_related("student__person")

    def get_success_url(self, obj) -> str:
        return obj.get_absolute_url()
