"""API of grant projects: read, and write through the same services as the pages."""

from __future__ import annotations

from django.db.models import Prefetch
from rest_framework import serializers

from hamkor.core.api.transitions import StepsField, TransitionsMixin
from hamkor.core.api.viewsets import NO_DELETE, ServiceWriteViewSet
from hamkor.grants.models import Programme, Project, ProjectPartner, ReportingDeadline
from hamkor.grants.project_filters import ProjectFilterSet
from hamkor.grants.project_services import project_save, project_transition


class ProjectPartnerSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="institution.__str__", read_only=True)
    country = serializers.CharField(source="institution.country.code", read_only=True)

    class Meta:
        model = ProjectPartner
        fields = ["institution", "name", "country", "role"]


class ReportingDeadlineSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportingDeadline
        fields = ["id", "kind", "due_on", "submitted_on", "notes"]


class ProjectSerializer(serializers.ModelSerializer):
    """``partners`` is written whole: the consortium from now on."""

    programme = serializers.SlugRelatedField(slug_field="code", queryset=Programme.objects.all())
    partners = ProjectPartnerSerializer(many=True, required=False)
    deadlines = ReportingDeadlineSerializer(many=True, read_only=True)
    steps = StepsField()

    class Meta:
        model = Project
        fields = [
            "id",
            "title",
            "acronym",
            "programme",
            "project_number",
            "call_year",
            "our_role",
            "status",
            "status_changed_at",
            "steps",
            "starts_on",
            "ends_on",
            "currency",
            "total_budget",
            "our_share",
            "faculty",
            "responsible",
            "partners",
            "deadlines",
            "notes",
            "version",
        ]
        read_only_fields = ["status", "status_changed_at", "version"]


class ProjectViewSet(TransitionsMixin, ServiceWriteViewSet):
    step_service = staticmethod(project_transition)
    queryset = Project.objects.select_related("programme").prefetch_related(
        Prefetch(
            "partners", queryset=ProjectPartner.objects.select_related("institution").order_by("id")
        ),
        "deadlines",
    )
    serializer_class = ProjectSerializer
    filterset_class = ProjectFilterSet
    http_method_names = NO_DELETE

    def create_record(self, record, *, related):
        return self.update_record(record, expected_version=None, related=related)

    def update_record(self, record, *, expected_version, related):
        # The service refuses a coordinator's project outside their faculty.
        return project_save(
            project=record,
            actor=self.request.user,
            partners=self._partners(record, related.get("partners")),
            expected_version=expected_version,
        )

    def _partners(self, project: Project, members) -> list[ProjectPartner] | None:
        """The consortium sent, as the project's partner rows (kept where they were)."""
        if members is None:
            return None
        stored = {p.institution_id: p for p in project.partners.all()} if project.pk else {}
        partners = []
        for member in members:
            partner = stored.get(member["institution"].pk) or ProjectPartner(
                institution=member["institution"]
            )
            partner.role = member.get("role", ProjectPartner.Role.PARTNER)
            partners.append(partner)
        return partners
