"""API of the students app: foreign students, their fee payments and requests.

Reads are scoped as the pages are; writes go through the same services as the pages, so a
rule refused on a page (a visa ending before it begins, a payment without the day's rate)
is refused here with the same message, and nothing is saved. Visa and passport fields are
in the answer only for users who may read personal data.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django_countries.serializers import CountryFieldMixin
from rest_framework import mixins, serializers
from rest_framework.exceptions import ValidationError

from hamkor.core.api.permissions import RolePermissions
from hamkor.core.api.transitions import StepsField, TransitionsMixin
from hamkor.core.api.viewsets import RestrictedReadOnlyViewSet
from hamkor.mobility.api import PersonalDataMixin
from hamkor.students.filters import ForeignStudentFilterSet, StudentRequestFilterSet
from hamkor.students.models import FeePayment, ForeignStudent, StudentRequest
from hamkor.students.services import (
    fee_payment_add,
    foreign_student_save,
    foreign_student_transition,
    student_request_file,
    student_request_save,
    student_request_transition,
)


def _refused(exc: DjangoValidationError) -> ValidationError:
    """A service's refusal as the API's 400 answer, field by field when it names fields."""
    if hasattr(exc, "error_dict"):
        return ValidationError(exc.message_dict)
    return ValidationError({"detail": exc.messages})


class ServiceWriteMixin(mixins.CreateModelMixin, mixins.UpdateModelMixin):
    """Create and update through ``write(instance, actor, expected_version)``; a save that
    would leave the user's reach (a coordinator's other faculty) is refused and rolled back."""

    def write(self, instance, *, actor, expected_version=None):
        raise NotImplementedError

    def _save(self, serializer, instance):
        for name, value in serializer.validated_data.items():
            setattr(instance, name, value)
        model = type(instance)
        try:
            with transaction.atomic():
                saved = self.write(
                    instance,
                    actor=self.request.user,
                    expected_version=self.request.data.get("version") if instance.pk else None,
                )
                reach = model.objects.restrict(self.request.user, "change")
                if not reach.filter(pk=saved.pk).exists():
                    raise DjangoValidationError(
                        {"faculty": ["This record would be out of your reach."]}
                    )
        except DjangoValidationError as exc:
            raise _refused(exc) from exc
        serializer.instance = saved

    def perform_create(self, serializer):
        self._save(serializer, serializer.Meta.model())

    def perform_update(self, serializer):
        self._save(serializer, serializer.instance)


class ForeignStudentSerializer(PersonalDataMixin, CountryFieldMixin, serializers.ModelSerializer):
    name = serializers.CharField(source="person.full_name", read_only=True)
    citizenship = serializers.CharField(source="person.citizenship.code", read_only=True)
    steps = StepsField()

    class Meta:
        model = ForeignStudent
        fields = [
            "id",
            "person",
            "name",
            "citizenship",
            "faculty",
            "programme",
            "level",
            "year_of_study",
            "status",
            "status_changed_at",
            "status_reason",
            "steps",
            "enrolled_on",
            "contract_number",
            "annual_fee",
            "entry_date",
            "visa_number",
            "visa_valid_from",
            "visa_valid_to",
            "registered_on",
            "registration_valid_to",
            "notes",
            "version",
        ]
        read_only_fields = ["status", "status_changed_at", "status_reason", "version"]


class FeePaymentSerializer(serializers.ModelSerializer):
    class Meta:
        model = FeePayment
        fields = [
            "id",
            "student",
            "paid_on",
            "amount",
            "currency",
            "rate",
            "amount_uzs",
            "reference",
            "version",
        ]
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
            "student",
            "kind",
            "subject",
            "description",
            "status",
            "status_changed_at",
            "status_reason",
            "steps",
            "assignee",
            "created_at",
            "version",
        ]
        read_only_fields = ["status", "status_changed_at", "status_reason", "created_at", "version"]


class ForeignStudentViewSet(ServiceWriteMixin, TransitionsMixin, RestrictedReadOnlyViewSet):
    step_service = staticmethod(foreign_student_transition)
    step_record = "student"
    queryset = ForeignStudent.objects.select_related("person", "faculty")
    serializer_class = ForeignStudentSerializer
    filterset_class = ForeignStudentFilterSet
    permission_classes = [RolePermissions]

    def write(self, instance, *, actor, expected_version=None):
        return foreign_student_save(
            student=instance, actor=actor, expected_version=expected_version
        )


class FeePaymentViewSet(mixins.CreateModelMixin, RestrictedReadOnlyViewSet):
    """Payments are recorded (converted at the day's rate), never edited."""

    queryset = FeePayment.objects.select_related("student")
    serializer_class = FeePaymentSerializer
    permission_classes = [RolePermissions]
    filterset_fields = ["student"]

    def perform_create(self, serializer):
        try:
            serializer.instance = fee_payment_add(
                actor=self.request.user, **serializer.validated_data
            )
        except DjangoValidationError as exc:
            raise _refused(exc) from exc


class StudentRequestViewSet(ServiceWriteMixin, TransitionsMixin, RestrictedReadOnlyViewSet):
    step_service = staticmethod(student_request_transition)
    step_record = "request"
    queryset = StudentRequest.objects.select_related("student", "assignee")
    serializer_class = StudentRequestSerializer
    filterset_class = StudentRequestFilterSet
    permission_classes = [RolePermissions]

    def write(self, instance, *, actor, expected_version=None):
        if instance.pk is None:
            return student_request_file(
                student=instance.student,
                kind=instance.kind,
                subject=instance.subject,
                description=instance.description,
                actor=actor,
            )
        return student_request_save(
            request=instance, actor=actor, expected_version=expected_version
        )
