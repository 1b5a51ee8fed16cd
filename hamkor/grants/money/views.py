"""Staff pages of a project's money and of the exchange rates: thin subclasses of the
generic views, writing through the services (``money.services``, ``grants.services``)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from hamkor.core import importing
from hamkor.core.documents import documents_context
from hamkor.core.views import generic
from hamkor.grants.cbu import RatesFetchError
from hamkor.grants.models import ExchangeRate, Expense, Project, Receipt
from hamkor.grants.money import forms
from hamkor.grants.money.filters import ExchangeRateFilterSet, ExpenseFilterSet, ReceiptFilterSet
from hamkor.grants.money.selectors import TOTAL_CURRENCIES, project_money
from hamkor.grants.money.services import (
    expense_create,
    expense_delete,
    expense_update,
    receipt_create,
    receipt_delete,
    receipt_update,
)
from hamkor.grants.money.tables import ExchangeRateTable, ExpenseTable, ReceiptTable
from hamkor.grants.services import exchange_rate_edit, exchange_rates_fetch


def project_url(project: Project) -> str | None:
    """The project's page when it exists (the projects' pages may not be installed)."""
    return generic.reverse_or_none("grants:project_detail", pk=project.pk)


class MoneyRecordMixin:
    """A receipt or an expense: after saving or deleting, back to its project's page (the
    money part), else to the list."""

    def get_success_url(self, instance) -> str:
        url = project_url(instance.project)
        return f"{url}#money" if url else reverse(generic.url_name(self.model, "list"))


class MoneyEditView(MoneyRecordMixin, generic.ObjectEditView):
    """Added from a project's page (``/staff/projects/<project_pk>/receipts/add/``), a new
    record belongs to that project."""

    template_name = "grants/money_edit.html"

    def alter_object(self, obj):
        if "project_pk" in self.kwargs:
            obj.project = self.get_parent(Project, "project_pk", action="change")
        return obj

    def get_extra_context(self, obj=None):
        project = obj.project if obj is not None and obj.project_id else None
        return {
            "project": project,
            "project_url": project_url(project) if project else None,
            "currencies": ("UZS", "USD", "EUR", "RUB", "GBP", "JPY", "KRW", "CNY", "TRY"),
        }


class MoneyDetailView(generic.ObjectDetailView):
    def get_extra_context(self, obj):
        return {
            "project_url": project_url(obj.project),
            **documents_context(self.request.user, obj),
        }


# --- Receipts ------------------------------------------------------------------------------

RECEIPTS = Receipt.objects.select_related("project")


class ReceiptListView(generic.ObjectListView):
    queryset = RECEIPTS
    filterset_class = ReceiptFilterSet
    table_class = ReceiptTable


class ReceiptDetailView(MoneyDetailView):
    queryset = RECEIPTS


class ReceiptHistoryView(generic.ObjectHistoryView):
    queryset = RECEIPTS


class ReceiptEditView(MoneyEditView):
    queryset = RECEIPTS
    form_class = forms.ReceiptForm

    def save(self, form, *, expected_version):
        receipt = form.save(commit=False)
        if self.editing:
            return receipt_update(
                actor=self.request.user, receipt=receipt, expected_version=expected_version
            )
        return receipt_create(actor=self.request.user, receipt=receipt)


class ReceiptDeleteView(MoneyRecordMixin, generic.ObjectDeleteView):
    queryset = RECEIPTS

    def delete(self, obj):
        receipt_delete(actor=self.request.user, receipt=obj)


class MoneyImportView(generic.BulkImportView):
    """Each row is a new record, saved by the domain's service."""

    create = None  # the service saving one new record

    def apply_rows(self, rows, actor):
        name = self.model._meta.model_name
        for row in rows:
            with importing.row_context(row):
                type(self).create(actor=actor, **{name: row.form.save(commit=False)})
        return len(rows), 0


class ReceiptImportView(MoneyImportView):
    queryset = RECEIPTS
    import_form_class = forms.ReceiptImportForm
    create = staticmethod(receipt_create)
    example = {
        "project": "2023-1-UZ01-KA171-HED-000123456",
        "received_on": "15.03.2024",
        "amount": "24500.00",
        "currency": "EUR",
        "payer": "European Commission (EACEA)",
        "notes": "First pre-financing payment",
    }


# --- Expenses ------------------------------------------------------------------------------

EXPENSES = Expense.objects.select_related("project", "heading")


class ExpenseListView(generic.ObjectListView):
    queryset = EXPENSES
    filterset_class = ExpenseFilterSet
    table_class = ExpenseTable


class ExpenseDetailView(MoneyDetailView):
    queryset = EXPENSES


class ExpenseHistoryView(generic.ObjectHistoryView):
    queryset = EXPENSES


class ExpenseEditView(MoneyEditView):
    queryset = EXPENSES
    form_class = forms.ExpenseForm

    def save(self, form, *, expected_version):
        expense = form.save(commit=False)
        if self.editing:
            return expense_update(
                actor=self.request.user, expense=expense, expected_version=expected_version
            )
        return expense_create(actor=self.request.user, expense=expense)


class ExpenseDeleteView(MoneyRecordMixin, generic.ObjectDeleteView):
    queryset = EXPENSES

    def delete(self, obj):
        expense_delete(actor=self.request.user, expense=obj)


class ExpenseImportView(MoneyImportView):
    queryset = EXPENSES
    import_form_class = forms.ExpenseImportForm
    create = staticmethod(expense_create)
    example = {
        "project": "CAP-UZ",
        "heading": "travel",
        "spent_on": "20.04.2024",
        "amount": "1250.00",
        "currency": "USD",
        "description": "Flights Tashkent – Warsaw – Tashkent, two teachers",
        "payee": "Uzbekistan Airways",
    }


# --- A project's money (the include of the project's page) ------------------------------------


def money_context(project: Project, user, currency: str | None) -> dict:
    """What ``grants/_project_money.html`` needs: the totals in the chosen currency (USD
    unless ``?currency=`` names EUR or UZS) and what the user may add."""
    if currency not in TOTAL_CURRENCIES:
        currency = TOTAL_CURRENCIES[0]
    may_change = Project.objects.restrict(user, "change").filter(pk=project.pk).exists()
    return {
        "money": project_money(project, currency),
        "money_currencies": TOTAL_CURRENCIES,
        "money_receipt_add": reverse(
            "grants:project_receipt_add", kwargs={"project_pk": project.pk}
        )
        if may_change and user.has_perm("grants.add_receipt")
        else None,
        "money_expense_add": reverse(
            "grants:project_expense_add", kwargs={"project_pk": project.pk}
        )
        if may_change and user.has_perm("grants.add_expense")
        else None,
        "money_receipts_url": reverse("grants:receipt_list") + f"?project={project.pk}",
        "money_expenses_url": reverse("grants:expense_list") + f"?project={project.pk}",
    }


class ProjectMoneyView(generic.ObjectPermissionMixin, View):
    """A project's money on a page of its own: the include the project's page shows, for
    who may read receipts (also answered to htmx when the currency changes)."""

    queryset = Receipt.objects.all()
    action = "view"

    def get(self, request, project_pk):
        project = self.get_parent(Project, "project_pk", action="view")
        context = self.base_context(
            project=project,
            project_url=project_url(project),
            **money_context(project, request.user, request.GET.get("currency")),
        )
        if generic.is_htmx(request):
            return render(request, "grants/_project_money.html", context)
        return render(request, "grants/project_money.html", context)


# --- Exchange rates ------------------------------------------------------------------------

RATES = ExchangeRate.objects.all()


class ExchangeRateListView(generic.ObjectListView):
    queryset = RATES
    filterset_class = ExchangeRateFilterSet
    table_class = ExchangeRateTable
    template_name = "grants/exchangerate_list.html"

    def get_extra_context(self, obj=None):
        return {"can_fetch": self.request.user.has_perm("grants.add_exchangerate")}


class ExchangeRateDetailView(generic.ObjectDetailView):
    queryset = RATES


class ExchangeRateHistoryView(generic.ObjectHistoryView):
    queryset = RATES


class ExchangeRateEditView(generic.ObjectEditView):
    queryset = RATES
    form_class = forms.ExchangeRateForm

    def save(self, form, *, expected_version):
        return exchange_rate_edit(
            actor=self.request.user,
            row=form.save(commit=False),
            rate=form.cleaned_data["rate"],
            nominal=form.cleaned_data["nominal"],
            expected_version=expected_version,
        )


class ExchangeRateDeleteView(generic.ObjectDeleteView):
    queryset = RATES


class ExchangeRateImportView(generic.BulkImportView):
    """A row for a currency and day already stored corrects that day's rate."""

    queryset = RATES
    import_form_class = forms.ExchangeRateImportForm
    example = {"currency": "USD", "date": "10.05.2024", "rate": "12650.00", "nominal": "1"}

    def lookup(self, values):
        currency = str(values.get("currency") or "").strip().upper()
        day = values.get("date")
        if isinstance(day, str):
            try:
                day = datetime.date.fromisoformat(day)
            except ValueError:
                return None  # the form says the date is invalid
        if not isinstance(day, datetime.date):
            return None
        return ExchangeRate.objects.filter(currency=currency, date=day).first()

    def apply_rows(self, rows, actor):
        for row in rows:
            with importing.row_context(row):
                exchange_rate_edit(
                    actor=actor,
                    row=row.form.save(commit=False),
                    rate=row.form.cleaned_data["rate"],
                    nominal=row.form.cleaned_data["nominal"] or 1,
                )
        return (
            sum(1 for row in rows if row.action == "create"),
            sum(1 for row in rows if row.action == "update"),
        )


class ExchangeRateFetchView(generic.ObjectPermissionMixin, View):
    """Store today's Central Bank rates (POST): one short request to the bank; a network
    error or a malformed answer is told to the user and stores nothing."""

    queryset = RATES
    action = "add"
    http_method_names = ["post"]

    def post(self, request):
        try:
            result = exchange_rates_fetch(actor=request.user)
        except RatesFetchError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("Central Bank rates of %(date)s: %(written)d stored, %(unchanged)d unchanged.")
                % {
                    "date": result.date.strftime("%d.%m.%Y"),
                    "written": result.written,
                    "unchanged": result.unchanged,
                },
            )
        return HttpResponseRedirect(reverse("grants:exchangerate_list"))
