from django.urls import path

from hamkor.core.urls_helpers import model_paths
from hamkor.webhooks import views

app_name = "webhooks"

urlpatterns = [
    *model_paths(
        "staff/webhooks",
        "webhook",
        list=views.WebhookListView,
        add=views.WebhookEditView,
        detail=views.WebhookDetailView,
        edit=views.WebhookEditView,
        delete=views.WebhookDeleteView,
        history=views.WebhookHistoryView,
    ),
    path(
        "staff/webhooks/<int:pk>/secret/",
        views.WebhookSecretRotateView.as_view(),
        name="webhook_secret_rotate",
    ),
    path(
        "staff/webhooks/deliveries/<int:pk>/",
        views.DeliveryDetailView.as_view(),
        name="delivery_detail",
    ),
]
