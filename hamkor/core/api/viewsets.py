"""Base viewsets: rows come from ``restrict(user, action)``, writes go through services."""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status, viewsets
from rest_framework.response import Response

from hamkor.core.services import StaleObjectError, object_delete, object_save
from hamkor.core.validators import is_number

ACTIONS = {
    "list": "view",
    "retrieve": "view",
    "create": "add",
    "update": "change",
    "partial_update": "change",
    "destroy": "delete",
    # A status step changes the record: only the rows the user may change.
    "transition": "change",
    "override": "change",
}

# ``http_method_names`` of the write viewsets that do not offer every write.
CREATE_ONLY = ["get", "post", "head", "options"]
NO_DELETE = ["get", "post", "put", "patch", "head", "options"]


class RestrictedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Read-only endpoints scoped like the list pages; filters from the same FilterSet."""

    def get_queryset(self):
        return self.queryset.restrict(self.request.user, ACTIONS.get(self.action, "view"))


class ServiceWriteViewSet(viewsets.ModelViewSet):
    """Read and write endpoints: rows scoped like the pages, every write through the app's
    services, as the pages write. One base for every app's API.

    Services, each an attribute (``staticmethod``) called with the record under
    ``record_name`` (the model's name unless set) and ``actor``:

    - ``save_service(<record>, actor, expected_version)`` creates and updates, or
    - ``create_service(<record>, actor)`` and ``update_service(<record>, actor,
      expected_version)`` when the app has one for each;
    - ``delete_service(<record>, actor)``, ``object_delete`` when unset;
    - none of the save services: ``object_save``, as the generic edit page saves.

    Values that are not plain columns (many-to-many, nested rows) reach the hooks
    ``create_record`` and ``update_record`` as ``related``; many-to-many ones are set after
    the save by default. An update carries the ``version`` it was based on (a missing one
    answers 400, a stale one 409 and nothing is saved). A record whose ``parent_field`` names
    another record (a participant's event) may be written only under a parent the user may
    change (403). A write that would leave the row outside the user's reach is rolled back:
    403, or 400 naming ``reach_field`` when set (the field that moved it away). A refusal of
    a service answers 400 with its messages by field (``detail`` when it names none).
    ``http_method_names`` closes what an app does not write (``CREATE_ONLY``, ``NO_DELETE``).
    """

    record_name = ""
    save_service = create_service = update_service = delete_service = None
    parent_field = ""
    reach_field = ""

    def get_queryset(self):
        return self.queryset.restrict(self.request.user, ACTIONS.get(self.action, "view"))

    # --- hooks -----------------------------------------------------------------------------

    def call_service(self, service, record, **kwargs):
        name = self.record_name or self.queryset.model._meta.model_name
        return service(**{name: record}, actor=self.request.user, **kwargs)

    def create_record(self, record, *, related):
        if self.create_service is not None:
            saved = self.call_service(type(self).create_service, record)
        elif self.save_service is not None:
            saved = self.call_service(type(self).save_service, record, expected_version=None)
        else:
            saved = self.plain_save(record, expected_version=None, verb="created")
        return self.set_related(saved, related)

    def update_record(self, record, *, expected_version, related):
        service = type(self).update_service or type(self).save_service
        if service is None:
            saved = self.plain_save(record, expected_version=expected_version, verb="edited")
        else:
            saved = self.call_service(service, record, expected_version=expected_version)
        return self.set_related(saved, related)

    def plain_save(self, record, *, expected_version, verb):
        """A model without a service of its own, saved as its generic edit page saves it."""
        opts = record._meta
        return object_save(
            instance=record,
            actor=self.request.user,
            reason=f"{opts.app_label}.{opts.model_name}.{verb}",
            expected_version=expected_version,
        )

    def delete_record(self, record):
        if self.delete_service is not None:
            self.call_service(type(self).delete_service, record)
            return
        opts = record._meta
        object_delete(
            instance=record,
            actor=self.request.user,
            reason=f"{opts.app_label}.{opts.model_name}.deleted",
        )

    def set_related(self, record, related):
        for name, value in related.items():
            getattr(record, name).set(value)
        return record

    # --- the answers -----------------------------------------------------------------------

    def create(self, request, *args, **kwargs):
        return self._write(request, None)

    def update(self, request, *args, **kwargs):
        instance = self.get_object()
        if not isinstance(request.data, Mapping):
            return Response(
                {"non_field_errors": [_("Send one record, as a JSON object.")]},
                status=status.HTTP_400_BAD_REQUEST,
            )
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
        model = self.queryset.model
        data = {k: v for k, v in serializer.validated_data.items() if k != "version"}
        related = {name: data.pop(name) for name in list(data) if not _column(model, name)}
        record = instance if instance is not None else model()
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
                if instance is None:
                    record = self.create_record(record, related=related)
                else:
                    record = self.update_record(
                        record, expected_version=expected_version, related=related
                    )
                reach = model.objects.restrict(request.user, ACTIONS[self.action])
                if not reach.filter(pk=record.pk).exists():
                    raise PermissionDenied
        except StaleObjectError as exc:
            return Response({"detail": exc.messages}, status=status.HTTP_409_CONFLICT)
        except PermissionDenied:
            message = _("The record would be out of your reach. Nothing was saved.")
            if self.reach_field:
                return Response({self.reach_field: [message]}, status=status.HTTP_400_BAD_REQUEST)
            return Response({"detail": [message]}, status=status.HTTP_403_FORBIDDEN)
        except ValidationError as exc:
            return Response(refusal(exc), status=status.HTTP_400_BAD_REQUEST)
        answer = self.get_serializer(self.get_queryset().get(pk=record.pk))
        created = instance is None
        return Response(
            answer.data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "version", int, description="The version read: a changed record is kept (409)."
            )
        ]
    )
    def destroy(self, request, *args, **kwargs):
        """A deletion may name the version it was decided on (``?version=``): a record
        changed since is not deleted (409)."""
        instance = self.get_object()
        version = request.query_params.get("version", "")
        if version:
            if not is_number(version):
                return Response(
                    {"version": [_("The version is a whole number.")]},
                    status=status.HTTP_400_BAD_REQUEST,
                )
            if int(version) != instance.version:
                return Response(
                    {"detail": [_("The record changed after you read it: read it again.")]},
                    status=status.HTTP_409_CONFLICT,
                )
        self.perform_destroy(instance)
        return Response(status=status.HTTP_204_NO_CONTENT)

    def perform_destroy(self, instance):
        try:
            with transaction.atomic():
                self.delete_record(instance)
        except ValidationError as exc:
            raise serializers.ValidationError(refusal(exc)) from exc


def refusal(exc: ValidationError) -> dict:
    """A service's refusal as the API's 400 body: by field, ``detail`` when it names none."""
    return exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}


def _column(model, name: str) -> bool:
    """Whether ``name`` is a plain column of ``model`` (set before the save), not a
    many-to-many or a nested list of rows (handed to the service after)."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return True
    return field.concrete and not field.many_to_many
