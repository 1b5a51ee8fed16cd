"""API of a project's money and of the exchange rates.

Receipts and expenses are read and written here; every write goes through the same
services as the pages (``money.services``), so a bad currency, a missing rate of the day or
a project out of reach is refused with the same messages, as a 400 naming the field. An
update must carry the ``version`` it read: somebody else's change since is refused (409).
Exchange rates are read here; they are written on the pages or fetched from the bank.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response

from hamkor.core.api.viewsets import RestrictedReadOnlyViewSet
from hamkor.core.services import StaleObjectError
from hamkor.grants.models import ExchangeRate, Expense, Project, Receipt
from hamkor.grants.money import services
from hamkor.grants.money.filters import ExchangeRateFilterSet, ExpenseFilterSet, ReceiptFilterSet


class MoneySerializer(serializers.ModelSerializer):
    """The project is one the user may change (checked against ``restrict``)."""

    version = serializers.IntegerField(required=False, min_value=1)

    def get_fields(self):
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and "project" in fields:
            fields["project"].queryset = Project.objects.restrict(request.user, "change")
        return fields


class ReceiptSerializer(MoneySerializer):
    class Meta:
        model = Receipt
        fields = ["id", "project", "received_on", "amount", "currency", "payer", "notes", "version"]


class ExpenseSerializer(MoneySerializer):
    class Meta:
        model = Expense
        fields = [
            "id",
            "project",
            "heading",
            "spent_on",
            "amount",
            "currency",
            "description",
            "payee",
            "version",
        ]


class ExchangeRateSerializer(serializers.ModelSerializer):
    class Meta:
        model = ExchangeRate
        fields = ["id", "currency", "date", "rate", "nominal", "source", "version"]


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "stale"


def _refusal(exc: DjangoValidationError) -> exceptions.ValidationError:
    if hasattr(exc, "error_dict"):
        return exceptions.ValidationError(exc.message_dict)
    return exceptions.ValidationError({"non_field_errors": exc.messages})


class ServiceWriteViewSet(RestrictedReadOnlyViewSet):
    """Read like the list pages; create, update and delete through the domain's services:
    ``create_service(actor, <record>)``, ``update_service(actor, <record>, expected_version)``
    and ``delete_service(actor, <record>)``, the record passed by its model's name."""

    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]
    create_service = update_service = delete_service = None

    @property
    def record_name(self) -> str:
        return self.queryset.model._meta.model_name

    def _call(self, service, **kwargs):
        try:
            with transaction.atomic():
                return service(actor=self.request.user, **kwargs)
        except StaleObjectError as exc:
            raise Conflict(detail=exc.message) from exc
        except DjangoValidationError as exc:
            raise _refusal(exc) from exc

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = {k: v for k, v in serializer.validated_data.items() if k != "version"}
        record = self._call(
            type(self).create_service, **{self.record_name: self.queryset.model(**data)}
        )
        return Response(self.get_serializer(record).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, partial=False, **kwargs):
        record = self.get_object()
        serializer = self.get_serializer(record, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        expected = serializer.validated_data.pop("version", None)
        if expected is None:
            raise exceptions.ValidationError(
                {
                    "version": [
                        _(
                            "Send the version of the record you read, so that nobody's "
                            "change is overwritten."
                        )
                    ]
                }
            )
        for name, value in serializer.validated_data.items():
            setattr(record, name, value)
        record = self._call(
            type(self).update_service, **{self.record_name: record, "expected_version": expected}
        )
        return Response(self.get_serializer(record).data)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)

    def destroy(self, request, *args, **kwargs):
        self._call(type(self).delete_service, **{self.record_name: self.get_object()})
        return Response(status=status.HTTP_204_NO_CONTENT)


class ReceiptViewSet(ServiceWriteViewSet):
    queryset = Receipt.objects.select_related("project")
    serializer_class = ReceiptSerializer
    filterset_class = ReceiptFilterSet
    create_service = staticmethod(services.receipt_create)
    update_service = staticmethod(services.receipt_update)
    delete_service = staticmethod(services.receipt_delete)


class ExpenseViewSet(ServiceWriteViewSet):
    queryset = Expense.objects.select_related("project", "heading")
    serializer_class = ExpenseSerializer
    filterset_class = ExpenseFilterSet
    create_service = staticmethod(services.expense_create)
    update_service = staticmethod(services.expense_update)
    delete_service = staticmethod(services.expense_delete)


class ExchangeRateViewSet(RestrictedReadOnlyViewSet):
    queryset = ExchangeRate.objects.all()
    serializer_class = ExchangeRateSerializer
    filterset_class = ExchangeRateFilterSet
