"""Base viewsets: rows come from ``restrict(user, action)``, writes go through services."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework import serializers, status, viewsets
from rest_framework.response import Response

from hamkor.core.services import StaleObjectError, object_delete

ACTIONS = {
    "list": "view",
    "retrieve": "view",
    "create": "add",
    "update": "change",
    "partial_update": "change",
    "destroy": "delete",
    # A status step changes the record: only the rows the user may change.
    "transition": "change",
}


class RestrictedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Read-only endpoints scoped like the list pages; filters from the same FilterSet."""

    def get_queryset(self):
        return self.queryset.restrict(self.request.user, ACTIONS.get(self.action, "view"))


class RestrictedServiceViewSet(viewsets.ModelViewSet):
    """Read and write endpoints: rows scoped like the pages, every write through the app's
    service (``service_save``), deletes through ``object_delete``.

    An update carries the ``version`` it was based on (a stale one answers 409, a missing
    one 400), as the edit pages do. A record whose ``parent_field`` names another record
    (a participant's event) may be written only under a parent the user may change, and a
    write that would leave the row outside the user's reach is rolled back (403). A refusal
    of the service answers 400 with its messages by field; nothing is saved.
    """

    parent_field = ""

    def get_queryset(self):
        return self.queryset.restrict(self.request.user, ACTIONS.get(self.action, "view"))

    def service_save(self, instance, *, actor, expected_version):
        raise NotImplementedError

    def create(self, request, *args, **kwargs):
        return self._write(request, None)

    def update(self, request, *args, **kwargs):
        instance = self.get_object()
        version = request.data.get("version")
        if version in (None, ""):
            return Response(
                {"version": [_("Send the version of the record you read.")]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        try:
            expected = int(version)
        except (TypeError, ValueError):
            return Response(
                {"version": [_("The version is a whole number.")]},
                status=status.HTTP_400_BAD_REQUEST,
            )
        return self._write(request, instance, expected_version=expected)

    def _write(self, request, instance, expected_version=None):
        partial = instance is not None and request.method == "PATCH"
        serializer = self.get_serializer(instance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        m2m = {
            name: data.pop(name)
            for name in list(data)
            if self.queryset.model._meta.get_field(name).many_to_many
        }
        record = instance if instance is not None else self.queryset.model()
        for name, value in data.items():
            setattr(record, name, value)
        parent = getattr(record, self.parent_field, None) if self.parent_field else None
        if parent is not None and not (
            type(parent).objects.restrict(request.user, "change").filter(pk=parent.pk).exists()
        ):
            return Response(
                {self.parent_field: [_("You may not change this record.")]},
                status=status.HTTP_403_FORBIDDEN,
            )
        try:
            with transaction.atomic():
                record = self.service_save(
                    record, actor=request.user, expected_version=expected_version
                )
                for name, value in m2m.items():
                    getattr(record, name).set(value)
                reach = self.queryset.model.objects.restrict(request.user, "change")
                if not reach.filter(pk=record.pk).exists():
                    raise PermissionDenied
        except StaleObjectError as exc:
            return Response({"detail": exc.messages}, status=status.HTTP_409_CONFLICT)
        except PermissionDenied:
            return Response(
                {"detail": [_("The record would be out of your reach. Nothing was saved.")]},
                status=status.HTTP_403_FORBIDDEN,
            )
        except ValidationError as exc:
            body = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        answer = self.get_serializer(self.get_queryset().get(pk=record.pk))
        created = instance is None
        return Response(
            answer.data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )

    def perform_destroy(self, instance):
        opts = instance._meta
        try:
            object_delete(
                instance=instance,
                actor=self.request.user,
                reason=f"{opts.app_label}.{opts.model_name}.deleted",
            )
        except ValidationError as exc:
            raise serializers.ValidationError({"detail": exc.messages}) from exc
