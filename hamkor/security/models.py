"""The security log: who logged in, failed to, changed a second factor or a role, exported,
downloaded or read personal data, used an API token, backed up or restored — kept apart from
the business history, written once and never changed (docs/security-log.md)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hamkor.core.indexes import column_indexes
from hamkor.core.models import RestrictedQuerySet


class SecurityEvent(models.Model):
    """One event. Append-only: the model offers no change or delete permission, no page or
    form writes one, the admin site shows it read-only; only the nightly prune removes rows
    older than ``HAMKOR_SECURITY_LOG_DAYS``. The user's e-mail is kept as text, so that an
    event stays readable after the account is deleted or erased; ``details`` never holds a
    password, a key or a code."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("Logged in")
        LOGIN_FAILED = "login_failed", _("Login failed")
        LOCKED_OUT = "locked_out", _("Locked out after failed logins")
        LOGOUT = "logout", _("Logged out")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PASSWORD_RESET_REQUESTED = "password_reset_requested", _("Password reset asked for")
        PASSWORD_RESET = "password_reset", _("Password reset")
        TWO_FACTOR_ENABLED = "two_factor_enabled", _("Two-factor authentication set up")
        TWO_FACTOR_REPLACED = "two_factor_replaced", _("Authenticator app replaced")
        TWO_FACTOR_DISABLED = "two_factor_disabled", _("Two-factor authentication turned off")
        TWO_FACTOR_RESET = "two_factor_reset", _("Two-factor authentication reset")
        RECOVERY_CODES_GENERATED = "recovery_codes_generated", _("Recovery codes made")
        RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
        ROLES_CHANGED = "roles_changed", _("Roles changed")
        EXPORTED = "exported", _("List exported")
        DOCUMENT_DOWNLOADED = "document_downloaded", _("Document downloaded")
        PERSONAL_DATA_VIEWED = "personal_data_viewed", _("Personal data viewed")
        API_TOKEN_CREATED = "api_token_created", _("API token created")
        API_TOKEN_REVOKED = "api_token_revoked", _("API token revoked")
        API_TOKEN_USED = "api_token_used", _("API token used")
        BACKUP = "backup", _("Backup written")
        RESTORE = "restore", _("Backup restored")
        PERSON_ANONYMISED = "person_anonymised", _("Person anonymised")
        PERSONAL_DATA_EXPORTED = "personal_data_exported", _("Person's data exported")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("event"), max_length=40, choices=Kind.choices, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        # No constraint in the database: a restore replaces the users while the log stays
        # (hamkor/core/backup.py); the e-mail beside it is what the event says.
        db_constraint=False,
    )
    email = models.CharField(_("e-mail"), max_length=254, blank=True, db_index=True)
    address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    object_type = models.CharField(_("record type"), max_length=100, blank=True)
    object_id = models.CharField(_("record number"), max_length=64, blank=True)
    object_repr = models.CharField(_("record"), max_length=200, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    objects = RestrictedQuerySet.as_manager()

    class Meta:
        verbose_name = _("security event")
        verbose_name_plural = _("security events")
        ordering = ("-at", "-pk")
        # Read and export only: nobody may add, change or delete an event through the app.
        default_permissions = ("view", "export")
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="security_event_object"),
            *column_indexes("security_event", "address"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.email or '—'}"
