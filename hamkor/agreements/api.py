"""API of the agreements app: agreements with their parties, and their mobility quotas.

Writes go through the same services as the pages (``agreement_save`` with the scope, the
areas and the parties; ``agreement_quota_save``; ``agreement_delete``, drafts only), so a
coordinator's agreement without their faculty or an agreement without a partner is refused
with the page's message.
"""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from rest_framework import serializers

from hamkor.agreements.filters import AgreementFilterSet
from hamkor.agreements.forms import AgreementForm, MobilityQuotaForm
from hamkor.agreements.models import Agreement, AgreementParty, CooperationArea, MobilityQuota
from hamkor.agreements.services import (
    agreement_delete,
    agreement_quota_save,
    agreement_save,
    agreement_transition,
)
from hamkor.core.api.transitions import StepsField, TransitionsMixin
from hamkor.core.api.viewsets import ServiceWriteViewSet


class AgreementPartySerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="institution.__str__", read_only=True)
    country = serializers.CharField(source="institution.country.code", read_only=True)

    class Meta:
        model = AgreementParty
        fields = ["institution", "name", "country", "role", "signatory", "signatory_title", "unit"]
        # The partner's unit party to it comes from an imported IIA (EWP); kept on a write.
        read_only_fields = ["unit"]


class MobilityQuotaSerializer(serializers.ModelSerializer):
    class Meta:
        model = MobilityQuota
        fields = ["id", "agreement", *MobilityQuotaForm.Meta.fields, "version"]
        read_only_fields = ["version"]

    def validate_language(self, value: str) -> str:
        return value.strip().lower()


class AgreementSerializer(serializers.ModelSerializer):
    """``parties`` is written whole: the agreement's parties from now on."""

    parties = AgreementPartySerializer(many=True, required=False)
    quotas = MobilityQuotaSerializer(many=True, read_only=True)
    scope_units = serializers.PrimaryKeyRelatedField(
        many=True, required=False, queryset=AgreementForm.base_fields["scope_units"].queryset
    )
    areas = serializers.SlugRelatedField(
        many=True, required=False, slug_field="code", queryset=CooperationArea.objects.all()
    )
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
            "home_signatory",
            "public",
            "responsible",
            "predecessor",
            "terminated_on",
            "quotas",
            "notes",
            "version",
        ]
        read_only_fields = [
            "reference",
            "status",
            "status_changed_at",
            "status_reason",
            "predecessor",
            "terminated_on",
            "version",
        ]


class AgreementViewSet(TransitionsMixin, ServiceWriteViewSet):
    step_service = staticmethod(agreement_transition)
    delete_service = staticmethod(agreement_delete)
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
    # A coordinator's agreement that leaves their faculty: refused on the scope.
    reach_field = "scope_units"

    def create_record(self, record, *, related):
        # A new agreement names its partners, as on the page (none is refused).
        return self.update_record(record, expected_version=None, related={"parties": [], **related})

    def update_record(self, record, *, expected_version, related):
        return agreement_save(
            agreement=record,
            actor=self.request.user,
            scope_units=related.get("scope_units"),
            areas=related.get("areas"),
            parties=self._parties(record, related.get("parties")),
            expected_version=expected_version,
        )

    def _parties(self, agreement: Agreement, sent) -> list[AgreementParty] | None:
        """The parties sent, as the agreement's party rows (kept where they were)."""
        if sent is None:
            return None
        stored = {p.institution_id: p for p in agreement.parties.all()} if agreement.pk else {}
        parties = []
        for values in sent:
            if values.get("institution") is None:
                raise serializers.ValidationError(
                    {"parties": [_("Name the institution of every party.")]}
                )
            party = stored.get(values["institution"].pk) or AgreementParty()
            for name, value in values.items():
                setattr(party, name, value)
            parties.append(party)
        return parties


class MobilityQuotaViewSet(ServiceWriteViewSet):
    queryset = MobilityQuota.objects.select_related("agreement")
    serializer_class = MobilityQuotaSerializer
    filterset_fields = ["agreement", "direction", "mobility_kind"]
    parent_field = "agreement"
    record_name = "quota"
    save_service = staticmethod(agreement_quota_save)
