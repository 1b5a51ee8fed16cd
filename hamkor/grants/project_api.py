"""API of grant projects: read, and write through the same services as the pages."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from rest_framework import mixins, serializers
from rest_framework.exceptions import ValidationError as APIValidationError

from hamkor.core.api.transitions import StepsField, TransitionsMixin
from hamkor.core.api.viewsets import RestrictedReadOnlyViewSet
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


class ProjectViewSet(
    TransitionsMixin, mixins.CreateModelMixin, mixins.UpdateModelMixin, RestrictedReadOnlyViewSet
):
    step_service = staticmethod(project_transition)
    step_record = "project"
    queryset = Project.objects.select_related("programme").prefetch_related(
        Prefetch(
            "partners", queryset=ProjectPartner.objects.select_related("institution").order_by("id")
        ),
        "deadlines",
    )
    serializer_class = ProjectSerializer
    filterset_class = ProjectFilterSet

    def perform_create(self, serializer):
        self._save(serializer, Project())

    def perform_update(self, serializer):
        self._save(serializer, serializer.instance)

    def _save(self, serializer, project: Project) -> None:
        data = dict(serializer.validated_data)
        members = data.pop("partners", None)
        for name, value in data.items():
            setattr(project, name, value)
        partners = None
        if members is not None:
            stored = {p.institution_id: p for p in project.partners.all()} if project.pk else {}
            partners = []
            for member in members:
                partner = stored.get(member["institution"].pk) or ProjectPartner(
                    institution=member["institution"]
                )
                partner.role = member.get("role", ProjectPartner.Role.PARTNER)
                partners.append(partner)
        try:
            # The service refuses a coordinator's project outside their faculty.
            serializer.instance = project_save(
                project=project, actor=self.request.user, partners=partners
            )
        except ValidationError as exc:
            raise APIValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
            ) from exc
