"""API of the partners app: institutions and their contacts, read and written.

Neither has a service of its own: they are saved as their edit pages save them
(``object_save``, with the version read: a stale one is a 409). Unlike the page, the API does
not stop a new institution that resembles existing ones: a script checks with ``?q=`` first.
"""

from django_countries.serializers import CountryFieldMixin
from rest_framework import serializers

from hamkor.core.api.viewsets import ServiceWriteViewSet
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
            "notes",
            "version",
        ]
        read_only_fields = ["is_home", "version"]


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
            "notes",
            "version",
        ]
        read_only_fields = ["version"]


class InstitutionViewSet(ServiceWriteViewSet):
    """Partners by default, as on the list page; ``?show=all`` for the whole directory."""

    queryset = Institution.objects.all()
    serializer_class = InstitutionSerializer
    filterset_class = InstitutionFilterSet

    def get_queryset(self):
        return institutions_with_list_columns(super().get_queryset())

    def filter_queryset(self, queryset):
        # Any institution can be read (and changed) by its id, a directory one included.
        if self.detail:
            return queryset
        return super().filter_queryset(queryset)


class ContactViewSet(ServiceWriteViewSet):
    queryset = Contact.objects.select_related("institution")
    serializer_class = ContactSerializer
    filterset_class = ContactFilterSet
