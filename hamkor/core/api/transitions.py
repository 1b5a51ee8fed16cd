"""Status steps through the API: the model's declared transitions, taken by the app's service.

``POST /api/v1/<records>/<id>/transitions/<name>/`` with ``{"reason": ..., "on": ...}`` (both
optional unless the step asks for them) takes the same step as the button on the record's
page, through the same service, with the same permission (``<app>.transition_<model>``) and
scope (the rows the user may change).
Each record also lists the steps its status allows (``steps``).
"""

from __future__ import annotations

import inspect

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from hamkor.core import transitions


class MayTakeSteps(BasePermission):
    """The model's ``transition`` permission (row scope: ``get_object`` reads rows to change)."""

    def has_permission(self, request, view) -> bool:
        opts = view.queryset.model._meta
        permission = view.step_permission or f"{opts.app_label}.transition_{opts.model_name}"
        return bool(
            request.user and request.user.is_authenticated and request.user.has_perm(permission)
        )


class StepSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")
    on = serializers.DateField(required=False, allow_null=True, default=None)
    # The version the step was decided on: a record changed since is refused (409).
    version = serializers.IntegerField(required=False, min_value=1)


@extend_schema_field(serializers.ListField(child=serializers.CharField()))
class StepsField(serializers.Field):
    """The steps a record's status allows (the daily task's aside), in declaration order."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        return [step.name for step in transitions.steps_from(value) if not step.automatic]


class TransitionsMixin:
    """Adds the ``transition`` action; ``step_service`` is the app's transition service and
    ``record_name`` the name of its record argument, the model's name unless set (as for the
    write services of ``ServiceWriteViewSet``)."""

    step_service = None
    record_name = ""
    # The permission of the steps when it is not the model's ``transition`` one.
    step_permission = ""

    @extend_schema(
        request=StepSerializer,
        parameters=[
            OpenApiParameter(
                "name",
                str,
                OpenApiParameter.PATH,
                description="The step's name, one of the record's ``steps``.",
                pattern=r"^[a-z_]+$",
            )
        ],
    )
    @action(
        detail=True,
        methods=["post"],
        permission_classes=[MayTakeSteps],
        url_path=r"transitions/(?P<name>[a-z_]+)",
        url_name="transition",
    )
    def transition(self, request, pk=None, name=None):
        record = self.get_object()
        step = StepSerializer(data=request.data)
        step.is_valid(raise_exception=True)
        version = step.validated_data.pop("version", None)
        if version is not None and version != record.version:
            return Response(
                {"detail": [_("The record changed after you read it: read it again.")]},
                status=status.HTTP_409_CONFLICT,
            )
        # Some services take no date (a call's steps): one is refused, not passed.
        accepted = inspect.signature(self.step_service).parameters
        values = {k: v for k, v in step.validated_data.items() if k in accepted}
        if step.validated_data["on"] is not None and "on" not in accepted:
            return Response(
                {"on": [_("This step takes no date.")]}, status=status.HTTP_400_BAD_REQUEST
            )
        try:
            record = self.step_service(
                **{self.record_name or self.queryset.model._meta.model_name: record},
                actor=request.user,
                name=name,
                **values,
            )
        except ValidationError as exc:
            return Response({"detail": exc.messages}, status=status.HTTP_400_BAD_REQUEST)
        return Response(self.get_serializer(record).data)
