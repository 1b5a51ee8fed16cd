"""Webhooks: addresses of other systems told when something happens in Hamkor, and the log
of every delivery and every attempt at it."""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from hamkor.core.models import BaseModel


def new_secret() -> str:
    return secrets.token_hex(32)


class Webhook(BaseModel):
    """An address to which Hamkor POSTs the events chosen, signed with the webhook's own
    secret (HMAC-SHA256, docs/webhooks.md). Administrators keep them; a disabled webhook
    receives nothing."""

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("address"), max_length=500)
    events = models.JSONField(pgettext_lazy("webhook", "events"), default=list, blank=True)
    secret = models.CharField(_("signing secret"), max_length=64, default=new_secret)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords(excluded_fields=["secret"])

    class Meta(BaseModel.Meta):
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ("name",)

    def __str__(self) -> str:
        return self.name


class Delivery(models.Model):
    """One event sent (or being sent) to one webhook."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    webhook = models.ForeignKey(
        Webhook, verbose_name=_("webhook"), on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField(pgettext_lazy("webhook", "event"), max_length=60)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ("-created_at", "-pk")
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.event} → {self.webhook}"


class DeliveryAttempt(models.Model):
    """One POST of a delivery: when, the answer's status code (none when the address could
    not be reached) and the first characters of the answer or of the error."""

    delivery = models.ForeignKey(
        Delivery, verbose_name=_("delivery"), on_delete=models.CASCADE, related_name="tries"
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    response = models.TextField(_("answer (first characters)"), blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)

    class Meta:
        verbose_name = _("delivery attempt")
        verbose_name_plural = _("delivery attempts")
        ordering = ("delivery", "number")
        default_permissions = ()

    def __str__(self) -> str:
        return f"{self.delivery} #{self.number}"

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300
