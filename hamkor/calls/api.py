"""API of the calls app, the office's side: calls with their places and criteria, and the
applications submitted to them.

Writes go through the calls services, as the pages write: a call's places and criteria
change only while it is a draft or open, the criteria's weights never pass 100, opening needs
places and weights adding up to 100. Applications are read (a committee member's: those of
their calls; a coordinator's: their faculty's people; drafts are the applicant's own and are
never listed), and the office admits an ineligible one with a reason (``override``).
The applicant's own writes (applying, accepting a place) stay on the portal's pages.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from hamkor.calls.filters import ApplicationFilterSet, CallFilterSet
from hamkor.calls.forms import YEARS, CallForm, CriterionForm, PlaceForm
from hamkor.calls.models import (
    Application,
    Call,
    Cefr,
    Criterion,
    DocumentKind,
    Place,
    StudyLevel,
)
from hamkor.calls.services import (
    application_override,
    call_delete,
    call_save,
    call_transition,
    criterion_delete,
    criterion_save,
    place_delete,
    place_save,
)
from hamkor.core.api.transitions import StepsField, TransitionsMixin
from hamkor.core.api.viewsets import (
    RestrictedReadOnlyViewSet,
    ServiceWriteViewSet,
    refusal,
)


def _choices_list(choices):
    return serializers.ListField(
        child=serializers.ChoiceField(choices=choices), required=False, allow_empty=True
    )


class CallSerializer(serializers.ModelSerializer):
    faculties = serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=CallForm.base_fields["faculties"].queryset
    )
    study_levels = _choices_list(StudyLevel.choices)
    years_of_study = _choices_list(YEARS)
    required_documents = _choices_list(DocumentKind.choices)
    citizenships = serializers.ListField(child=CountryField(), required=False, allow_empty=True)
    title = serializers.CharField(read_only=True)
    steps = StepsField()

    class Meta:
        model = Call
        fields = [
            "id",
            "title",
            *CallForm.Meta.fields,
            "status",
            "status_changed_at",
            "status_reason",
            "steps",
            "published_at",
            "version",
        ]
        read_only_fields = [
            "status",
            "status_changed_at",
            "status_reason",
            "published_at",
            "version",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["citizenships"] = [str(country.code) for country in instance.citizenships]
        return data


class PlaceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Place
        fields = ["id", "call", *PlaceForm.Meta.fields, "version"]
        read_only_fields = ["version"]


class CriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Criterion
        fields = ["id", "call", *CriterionForm.Meta.fields, "version"]
        read_only_fields = ["version"]


def _blank_choice(choices):
    """A read-only choice that may be empty: the schema lists "" among its values."""
    return serializers.ChoiceField(choices=choices, allow_blank=True, read_only=True)


class ApplicationSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="person.full_name", read_only=True)
    study_level = _blank_choice(StudyLevel.choices)
    cefr_level = _blank_choice(Cefr.choices)
    outcome = _blank_choice(Application.Outcome.choices)

    class Meta:
        model = Application
        fields = [
            "id",
            "call",
            "person",
            "name",
            "status",
            "submitted_at",
            "withdrawn_at",
            "gpa",
            "study_level",
            "year_of_study",
            "language",
            "cefr_level",
            "eligible",
            "eligibility_reasons",
            "override_reason",
            "overridden_at",
            "total",
            "rank",
            "outcome",
            "allocated_place",
            "offer_deadline",
            "accepted_at",
            "declined_at",
            "mobility",
            "version",
        ]
        read_only_fields = fields


class MayOverride(BasePermission):
    def has_permission(self, request, view) -> bool:
        return bool(request.user and request.user.has_perm("calls.override_application"))


class OverrideSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


class CallViewSet(TransitionsMixin, ServiceWriteViewSet):
    queryset = Call.objects.prefetch_related("faculties")
    serializer_class = CallSerializer
    filterset_class = CallFilterSet
    save_service = staticmethod(call_save)
    delete_service = staticmethod(call_delete)
    step_service = staticmethod(call_transition)

    def get_queryset(self):
        return super().get_queryset().order_by("-opens_at", "-id")

    def update_record(self, record, *, expected_version, related):
        # ``call_save`` leaves the many-to-many fields to its caller, as the page's form does.
        return self.set_related(
            call_save(call=record, actor=self.request.user, expected_version=expected_version),
            related,
        )


class PlaceViewSet(ServiceWriteViewSet):
    queryset = Place.objects.select_related("call", "institution")
    serializer_class = PlaceSerializer
    filterset_fields = ["call", "institution", "agreement"]
    parent_field = "call"
    save_service = staticmethod(place_save)
    delete_service = staticmethod(place_delete)


class CriterionViewSet(ServiceWriteViewSet):
    queryset = Criterion.objects.select_related("call")
    serializer_class = CriterionSerializer
    filterset_fields = ["call"]
    parent_field = "call"
    save_service = staticmethod(criterion_save)
    delete_service = staticmethod(criterion_delete)


class ApplicationViewSet(RestrictedReadOnlyViewSet):
    queryset = Application.objects.select_related("call", "person")
    serializer_class = ApplicationSerializer
    filterset_class = ApplicationFilterSet

    def get_queryset(self):
        return super().get_queryset().order_by("-submitted_at", "-id")

    @extend_schema(request=OverrideSerializer, responses=ApplicationSerializer)
    @action(detail=True, methods=["post"], permission_classes=[MayOverride])
    def override(self, request, pk=None):
        """Admit an application the eligibility check refused, with the office's reason."""
        application = self.get_object()
        sent = OverrideSerializer(data=request.data)
        sent.is_valid(raise_exception=True)
        try:
            with transaction.atomic():
                application = application_override(
                    application=application,
                    actor=request.user,
                    reason=sent.validated_data["reason"],
                )
        except ValidationError as exc:
            return Response(refusal(exc), status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(application).data)
