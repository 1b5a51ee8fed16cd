"""A user's private calendar address: the deadlines they see, for a calendar application."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarToken(models.Model):
    """The secret part of a user's deadlines feed address, stored as its SHA-256 only (the
    address is shown once, when made). One per user; a new one replaces it, and revoking
    deletes it, so an address given away stops working at once."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="calendar_token",
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")
        ordering = ("user",)
        default_permissions = ()

    def __str__(self) -> str:
        return str(self.user)
