"""Addresses of a project's money and of the exchange rates (in the ``grants`` namespace)."""

from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.grants.money import views

urlpatterns = [
    path(
        "staff/projects/<int:project_pk>/receipts/add/",
        views.ReceiptEditView.as_view(),
        name="project_receipt_add",
    ),
    path(
        "staff/projects/<int:project_pk>/expenses/add/",
        views.ExpenseEditView.as_view(),
        name="project_expense_add",
    ),
    path(
        "staff/projects/<int:project_pk>/money/",
        views.ProjectMoneyView.as_view(),
        name="project_money",
    ),
    path(
        "staff/exchange-rates/fetch/",
        views.ExchangeRateFetchView.as_view(),
        name="exchangerate_fetch",
    ),
    *model_paths(
        "staff/receipts",
        "receipt",
        list=views.ReceiptListView,
        add=views.ReceiptEditView,
        import_=views.ReceiptImportView,
        detail=views.ReceiptDetailView,
        edit=views.ReceiptEditView,
        delete=views.ReceiptDeleteView,
        history=views.ReceiptHistoryView,
    ),
    *model_paths(
        "staff/expenses",
        "expense",
        list=views.ExpenseListView,
        add=views.ExpenseEditView,
        import_=views.ExpenseImportView,
        detail=views.ExpenseDetailView,
        edit=views.ExpenseEditView,
        delete=views.ExpenseDeleteView,
        history=views.ExpenseHistoryView,
    ),
    *model_paths(
        "staff/exchange-rates",
        "exchangerate",
        list=views.ExchangeRateListView,
        add=views.ExchangeRateEditView,
        import_=views.ExchangeRateImportView,
        detail=views.ExchangeRateDetailView,
        edit=views.ExchangeRateEditView,
        delete=views.ExchangeRateDeleteView,
        history=views.ExchangeRateHistoryView,
    ),
]
