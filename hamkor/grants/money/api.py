"""API of a project's money and of the exchange rates.

Receipts and expenses are read and written here; every write goes through the same
services as the pages (``money.services``), so a bad currency, a missing rate of the day or
a project out of reach is refused with the same messages, as a 400 naming the field. An
update must carry the ``version`` it read: somebody else's change since is refused (409).
Exchange rates are read here; they are written on the pages or fetched from the bank.
"""

from __future__ import annotations

from rest_framework import serializers

from hamkor.core.api.viewsets import RestrictedReadOnlyViewSet, ServiceWriteViewSet
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
