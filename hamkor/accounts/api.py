"""API serializers and viewsets of the accounts app."""

from rest_framework import serializers

from hamkor.accounts.filters import OrgUnitFilterSet, UserFilterSet
from hamkor.accounts.models import OrgUnit, User
from hamkor.core.api.viewsets import RestrictedReadOnlyViewSet


class OrgUnitSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = OrgUnit
        fields = [
            "id",
            "code",
            "kind",
            "name",
            "name_uz",
            "name_ru",
            "name_en",
            "parent",
            "institution",
            "is_active",
            "ewp_ounit_id",
            "version",
        ]


class UserSerializer(serializers.ModelSerializer):
    roles = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "email", "full_name", "org_unit", "language", "is_active", "roles"]

    def get_roles(self, user) -> list[str]:
        return sorted(user.roles)


class OrgUnitViewSet(RestrictedReadOnlyViewSet):
    queryset = OrgUnit.objects.select_related("institution", "parent")
    serializer_class = OrgUnitSerializer
    filterset_class = OrgUnitFilterSet


class UserViewSet(RestrictedReadOnlyViewSet):
    queryset = User.objects.select_related("org_unit").prefetch_related("groups")
    serializer_class = UserSerializer
    filterset_class = UserFilterSet
