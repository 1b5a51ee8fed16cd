"""Webhooks: administrators add, change, disable and delete them and read their deliveries."""

from __future__ import annotations

import json

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _

from hamkor.core.views import generic
from hamkor.webhooks import services
from hamkor.webhooks.events import EVENTS
from hamkor.webhooks.filters import WebhookFilterSet
from hamkor.webhooks.forms import WebhookForm
from hamkor.webhooks.models import Delivery, Webhook
from hamkor.webhooks.tables import WebhookTable

WEBHOOKS = Webhook.objects.all()
DELIVERIES_SHOWN = 50


class WebhookListView(generic.ObjectListView):
    queryset = WEBHOOKS
    filterset_class = WebhookFilterSet
    table_class = WebhookTable


class WebhookDetailView(generic.ObjectDetailView):
    queryset = WEBHOOKS

    def get_extra_context(self, obj):
        return {
            "event_labels": [EVENTS.get(event, event) for event in obj.events],
            "deliveries": obj.deliveries.all()[:DELIVERIES_SHOWN],
        }


class WebhookHistoryView(generic.ObjectHistoryView):
    queryset = WEBHOOKS

    def hidden_fields(self):
        return {*super().hidden_fields(), "secret"}


class WebhookEditView(generic.ObjectEditView):
    queryset = WEBHOOKS
    form_class = WebhookForm

    def save(self, form, *, expected_version):
        return services.webhook_save(
            webhook=form.save(commit=False),
            actor=self.request.user,
            expected_version=expected_version,
        )


class WebhookDeleteView(generic.ObjectDeleteView):
    queryset = WEBHOOKS

    def delete(self, obj):
        services.webhook_delete(webhook=obj, actor=self.request.user)


class WebhookSecretRotateView(generic.ObjectDetailView):
    """POST: a new signing secret (the receiver must be given it)."""

    queryset = WEBHOOKS
    action = "change"
    http_method_names = ["post"]

    def post(self, request, pk):
        webhook = self.get_object()
        services.webhook_secret_rotate(webhook=webhook, actor=request.user)
        messages.success(request, _("A new signing secret is in use; give it to the receiver."))
        return redirect(webhook)


class DeliveryDetailView(generic.ObjectDetailView):
    """One delivery: its payload and every attempt with the answer's first characters."""

    queryset = Delivery.objects.select_related("webhook")
    template_name = "webhooks/delivery_detail.html"

    def get_required_permission(self) -> str:
        return "webhooks.view_webhook"

    def get_object(self, action=None):
        return get_object_or_404(self.queryset, pk=self.kwargs["pk"])

    def object_actions(self, obj):
        return {}

    def get_extra_context(self, obj):
        return {
            "attempts": obj.tries.all(),
            "webhook": obj.webhook,
            "payload_text": json.dumps(obj.payload, ensure_ascii=False, indent=2),
        }
