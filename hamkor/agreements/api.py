"""API serializers and viewsets of the agreements app (read-only: writes go through the UI)."""

from django.db.models import Prefetch
from rest_framework import serializers

from hamkor.agreements.filters import AgreementFilterSet
from hamkor.agreements.forms import MobilityQuotaForm
from hamkor.agreements.models import Agreement, AgreementParty, MobilityQuota
from hamkor.agreements.services import agreement_transition
from hamkor.core.api.transitions import StepsField, TransitionsMixin
from hamkor.core.api.viewsets import RestrictedReadOnlyViewSet


class AgreementPartySerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="institution.__str__", read_only=True)
    country = serializers.CharField(source="institution.country.code", read_only=True)

    class Meta:
        model = AgreementParty
        fields = ["institution", "name", "country", "role", "signatory", "signatory_title"]


class MobilityQuotaSerializer(serializers.ModelSerializer):
    class Meta:
        model = MobilityQuota
        fields = ["id", *MobilityQuotaForm.Meta.fields]


class AgreementSerializer(serializers.ModelSerializer):
    parties = AgreementPartySerializer(many=True, read_only=True)
    quotas = MobilityQuotaSerializer(many=True, read_only=True)
    areas = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    steps = StepsField()

    class Meta:
        model = Agreement
        fields = [
            "id",
            "reference",
            "kind",
            "title",
            "status",
            "status_changed_at",
            "status_reason",
            "steps",
            "parties",
            "scope_units",
            "areas",
            "signed_on",
            "valid_from",
            "valid_to",
            "auto_renewal",
            "notice_period_days",
            "public",
            "responsible",
            "predecessor",
            "terminated_on",
            "quotas",
            "version",
        ]


class AgreementViewSet(TransitionsMixin, RestrictedReadOnlyViewSet):
    step_service = staticmethod(agreement_transition)
    queryset = Agreement.objects.prefetch_related(
        Prefetch(
            "parties",
            queryset=AgreementParty.objects.select_related("institution").order_by("id"),
        ),
        "scope_units",
        "areas",
        "quotas",
    )
    serializer_class = AgreementSerializer
    filterset_class = AgreementFilterSet
