"""API of the mobility app: people and mobilities, read and written through the same services
as the pages (``person_save``, ``mobility_save`` with every rule of the edit page).

Personal data fields (date of birth, passport, visa) are in the answer only for users who
may read personal data; for the others the fields are absent, not empty.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers

from hamkor.accounts.faculties import coordinator_units
from hamkor.core.api.transitions import StepsField, TransitionsMixin
from hamkor.core.api.viewsets import ServiceWriteViewSet
from hamkor.core.autocomplete import source_rows
from hamkor.mobility.filters import MobilityFilterSet, PersonFilterSet
from hamkor.mobility.models import Mobility, Person
from hamkor.mobility.personal import MOBILITY_PERSONAL, PERSON_PERSONAL, hidden_fields
from hamkor.mobility.selectors import with_host_qs_rank
from hamkor.mobility.services import mobility_save, mobility_transition, person_save


class PersonalDataMixin:
    """Drops the personal data fields unless the requesting user may read personal data."""

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        for name in hidden_fields(getattr(request, "user", None), self.Meta.model):
            fields.pop(name, None)
        return fields


class PersonSerializer(PersonalDataMixin, CountryFieldMixin, serializers.ModelSerializer):
    has_account = serializers.SerializerMethodField()
    mobilities_count = serializers.IntegerField(source="mobility_count", read_only=True)
    citizenship_name = serializers.CharField(source="citizenship.name", read_only=True)

    class Meta:
        model = Person
        fields = [
            "id",
            "category",
            "last_name",
            "first_name",
            "middle_name",
            "name_original",
            "citizenship",
            "citizenship_name",
            "org_unit",
            "institution",
            "position",
            "academic_title",
            "study_level",
            "email",
            "phone",
            "language",
            "has_account",
            "mobilities_count",
            *PERSON_PERSONAL,
            "version",
        ]
        read_only_fields = ["version"]

    def get_has_account(self, person) -> bool:
        return person.user_id is not None


class MobilitySerializer(PersonalDataMixin, serializers.ModelSerializer):
    host_qs_rank = serializers.CharField(source="host_qs_label", read_only=True, allow_null=True)
    host_qs_edition = serializers.IntegerField(read_only=True, allow_null=True)
    steps = StepsField()

    def get_fields(self):
        """The people, agreements, faculties and funding projects the edit page offers this
        user (a coordinator: their faculty's), and the record's own: any other is refused."""
        fields = super().get_fields()
        user = getattr(self.context.get("request"), "user", None)
        if user is None or not user.is_authenticated:
            return fields
        record = self.instance if isinstance(self.instance, Mobility) else None

        def narrow(name: str, rows) -> None:
            kept = getattr(record, f"{name}_id", None)
            if kept:
                rows = rows.model.objects.filter(Q(pk__in=rows.values("pk")) | Q(pk=kept))
            fields[name].queryset = rows

        narrow("person", source_rows("person_to_choose", user))
        narrow("agreement", source_rows("agreement", user))
        units = coordinator_units(user)
        if units is not None:
            narrow("home_unit", units)
        from hamkor.mobility.forms import funding_project_choices

        fields["funding_project"].queryset = funding_project_choices(
            user, getattr(record, "funding_project_id", None)
        )
        return fields

    class Meta:
        model = Mobility
        fields = [
            "id",
            "person",
            "direction",
            "kind",
            "programme",
            "agreement",
            "sending_institution",
            "receiving_institution",
            "home_unit",
            "partner_unit",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "status",
            "status_changed_at",
            "status_reason",
            "steps",
            "cancel_reason",
            "credits",
            "teaching_hours",
            "subjects",
            "funding_amount",
            "funding_currency",
            "funding_source",
            "certificate_received",
            "report_received_on",
            "invitation_reference",
            *MOBILITY_PERSONAL,
            "registered_on",
            "registration_valid_to",
            "funding_project",
            "official_km",
            "green_travel",
            "fewer_opportunities",
            "notes",
            "host_qs_rank",
            "host_qs_edition",
            "version",
        ]
        # The status moves by steps; the rest is what the edit page writes.
        read_only_fields = [
            "status",
            "status_changed_at",
            "status_reason",
            "cancel_reason",
            "invitation_reference",
            "version",
        ]


class PersonViewSet(ServiceWriteViewSet):
    save_service = staticmethod(person_save)
    queryset = Person.objects.all()
    serializer_class = PersonSerializer
    filterset_class = PersonFilterSet

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .annotate(mobility_count=Count("mobilities"))
            .order_by("last_name", "first_name", "pk")
        )


class MobilityViewSet(TransitionsMixin, ServiceWriteViewSet):
    step_service = staticmethod(mobility_transition)
    save_service = staticmethod(mobility_save)
    # A coordinator's mobility moved to another faculty: refused on the field that moved it.
    reach_field = "home_unit"
    queryset = Mobility.objects.all()
    serializer_class = MobilitySerializer
    filterset_class = MobilityFilterSet

    def get_queryset(self):
        return with_host_qs_rank(super().get_queryset())
