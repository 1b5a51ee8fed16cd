"""API of the students app: foreign students, their fee payments and requests.

Reads are scoped as the pages are; writes go through the same services as the pages, so a
rule refused on a page (a visa ending before it begins, a payment without the day's rate)
is refused here with the same message, and nothing is saved. Visa and passport fields are
in the answer only for users who may read personal data.
"""

from __future__ import annotations

from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers
from rest_framework.exceptions import ValidationError

from hamkor.core.api.transitions import StepsField, TransitionsMixin
from hamkor.core.api.viewsets import CREATE_ONLY, NO_DELETE, ServiceWriteViewSet
from hamkor.mobility.api import PersonalDataMixin
from hamkor.students.filters import ForeignStudentFilterSet, StudentRequestFilterSet
from hamkor.students.forms import FeePaymentForm, ForeignStudentForm, StudentRequestForm
from hamkor.students.models import FeePayment, ForeignStudent, StudentRequest
from hamkor.students.services import (
    fee_payment_add,
    foreign_student_save,
    foreign_student_transition,
    student_request_save,
    student_request_transition,
)


class ForeignStudentSerializer(PersonalDataMixin, CountryFieldMixin, serializers.ModelSerializer):
    name = serializers.CharField(source="person.full_name", read_only=True)
    citizenship = serializers.CharField(source="person.citizenship.code", read_only=True)
    steps = StepsField()

    class Meta:
        model = ForeignStudent
        fields = [
            "id",
            "name",
            "citizenship",
            *ForeignStudentForm.Meta.fields,
            "status",
            "status_changed_at",
            "status_reason",
            "steps",
            "version",
        ]
        read_only_fields = ["status", "status_changed_at", "status_reason", "version"]


class FeePaymentSerializer(serializers.ModelSerializer):
    class Meta:
        model = FeePayment
        fields = ["id", "student", *FeePaymentForm.Meta.fields, "rate", "amount_uzs", "version"]
        read_only_fields = ["rate", "amount_uzs", "version"]

    def validate_student(self, student):
        request = self.context["request"]
        if (
            not ForeignStudent.objects.restrict(request.user, "change")
            .filter(pk=student.pk)
            .exists()
        ):
            raise ValidationError("This student is out of your reach.")
        return student


class StudentRequestSerializer(serializers.ModelSerializer):
    steps = StepsField()

    class Meta:
        model = StudentRequest
        fields = [
            "id",
            *StudentRequestForm.Meta.fields,
            "status",
            "status_changed_at",
            "status_reason",
            "steps",
            "created_at",
            "version",
        ]
        read_only_fields = ["status", "status_changed_at", "status_reason", "created_at", "version"]


class ForeignStudentViewSet(TransitionsMixin, ServiceWriteViewSet):
    step_service = staticmethod(foreign_student_transition)
    record_name = "student"
    queryset = ForeignStudent.objects.select_related("person", "faculty")
    serializer_class = ForeignStudentSerializer
    filterset_class = ForeignStudentFilterSet
    http_method_names = NO_DELETE
    save_service = staticmethod(foreign_student_save)
    # A coordinator's student of another faculty: refused on the field that put it there.
    reach_field = "faculty"


class FeePaymentViewSet(ServiceWriteViewSet):
    """Payments are recorded (converted at the day's rate), never edited."""

    queryset = FeePayment.objects.select_related("student")
    serializer_class = FeePaymentSerializer
    filterset_fields = ["student"]
    http_method_names = CREATE_ONLY
    reach_field = "student"

    def create_record(self, record, *, related):
        return fee_payment_add(
            student=record.student,
            paid_on=record.paid_on,
            amount=record.amount,
            currency=record.currency,
            reference=record.reference,
            actor=self.request.user,
        )


class StudentRequestViewSet(TransitionsMixin, ServiceWriteViewSet):
    step_service = staticmethod(student_request_transition)
    record_name = "request"
    queryset = StudentRequest.objects.select_related("student", "assignee")
    serializer_class = StudentRequestSerializer
    filterset_class = StudentRequestFilterSet
    http_method_names = NO_DELETE
    # A new request is filed (``student_request_save`` hands it to ``student_request_file``).
    save_service = staticmethod(student_request_save)
    reach_field = "student"
