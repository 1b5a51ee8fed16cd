"""API of a project's money and of the exchange rates.

Receipts and expenses are read and written here; every write goes through the same
services as the pages (``money.services``), so a bad currency, a missing rate of the day or
a project out of reach is refused with the same messages, as a 400 naming the field. An
update must carry the ``version`` it read: somebody else's change since is refused (409).
Exchange rates are written by who writes them on the pages (the office), through the same
service as the rate's edit page (``exchange_rate_edit``: stored per unit, marked as typed by
hand, history kept). Here ``rate`` is always som for *one* unit, read and written alike, so
that a rate read and sent back is the same rate whatever its ``nominal``.
"""

from __future__ import annotations

from rest_framework import serializers

from hamkor.core.api.viewsets import ServiceWriteViewSet
from hamkor.grants import services as rates
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
        read_only_fields = ["source", "version"]
        # One row a currency and day: the service's check names the field (400), not DRF's
        # own unique-together message.
        validators = []


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


class ExchangeRateViewSet(ServiceWriteViewSet):
    queryset = ExchangeRate.objects.all()
    serializer_class = ExchangeRateSerializer
    filterset_class = ExchangeRateFilterSet

    def _edit(self, record, expected_version):
        # The service takes the rate for ``nominal`` units (as the page's form): the API's
        # rate is per unit, so it is sent for the nominal and stored per unit again.
        nominal = 1 if record.nominal is None else record.nominal  # 0: the service refuses
        return rates.exchange_rate_edit(
            actor=self.request.user,
            row=record,
            rate=record.rate * nominal,
            nominal=nominal,
            expected_version=expected_version,
        )

    def create_record(self, record, *, related):
        return self._edit(record, None)

    def update_record(self, record, *, expected_version, related):
        return self._edit(record, expected_version)
