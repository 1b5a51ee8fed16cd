"""API serializers and viewsets of the partners app (read-only)."""

from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers

from hamkor.core.api.viewsets import RestrictedReadOnlyViewSet
from hamkor.partners.filters import ContactFilterSet, InstitutionFilterSet
from hamkor.partners.models import Contact, Institution
from hamkor.partners.tables import institutions_with_list_columns


class InstitutionSerializer(CountryFieldMixin, serializers.ModelSerializer):
    latest_qs_rank = serializers.CharField(source="qs_rank", read_only=True, allow_null=True)
    latest_qs_edition = serializers.IntegerField(source="qs_year", read_only=True, allow_null=True)
    agreements_count = serializers.IntegerField(read_only=True)
    country_name = serializers.CharField(source="country.name", read_only=True)

    class Meta:
        model = Institution
        fields = [
            "id",
            "name",
            "name_en",
            "name_uz",
            "name_ru",
            "acronym",
            "kind",
            "country",
            "country_name",
            "city",
            "latitude",
            "longitude",
            "website",
            "email_domains",
            "erasmus_code",
            "pic",
            "schac_code",
            "ror_id",
            "partnership",
            "is_home",
            "owner",
            "latest_qs_rank",
            "latest_qs_edition",
            "agreements_count",
            "version",
        ]


class ContactSerializer(serializers.ModelSerializer):
    class Meta:
        model = Contact
        fields = [
            "id",
            "institution",
            "full_name",
            "position",
            "unit",
            "email",
            "phone",
            "is_primary",
            "version",
        ]


class InstitutionViewSet(RestrictedReadOnlyViewSet):
    """Partners by default, as on the list page; ``?show=all`` for the whole directory."""

    queryset = Institution.objects.all()
    serializer_class = InstitutionSerializer
    filterset_class = InstitutionFilterSet

    def get_queryset(self):
        return institutions_with_list_columns(super().get_queryset())

    def filter_queryset(self, queryset):
        # Any institution can be read by its id, a directory one included.
        if self.action == "retrieve":
            return queryset
        return super().filter_queryset(queryset)


class ContactViewSet(RestrictedReadOnlyViewSet):
    queryset = Contact.objects.select_related("institution")
    serializer_class = ContactSerializer
    filterset_class = ContactFilterSet
