"""Two-factor authentication: who must use it, and every change to a user's second factor.

A user's second factor is one TOTP authenticator (``otp_totp``) plus ten single-use
recovery codes (an ``otp_static`` device whose tokens hold digests, never the codes).
Rules (see docs/decisions/0003-two-factor-recovery.md):

- a session that entered only the password may enrol a first authenticator, never replace
  one: with an authenticator on the account the session must first pass verification;
- replacing the authenticator also takes a code of the current one, or a recovery code;
- another administrator may reset a user's second factor (the user then enrols afresh);
- every change is written in the user's history with who and when, and e-mailed to them.
"""

from __future__ import annotations

import hashlib
import logging
import secrets

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from hamkor.security import log as security_log
from hamkor.security.log import Kind

logger = logging.getLogger("hamkor.security")

RECOVERY_CODE_COUNT = 10
# Twelve base-32 letters: 60 random bits, typed in three groups of four.
_RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567"
_RECOVERY_LENGTH = 12

# What each event says to the user in the e-mail, and its reason code in the history.
EVENTS = {
    "enrolled": gettext_lazy("An authenticator app was set up for your account."),
    "replaced": gettext_lazy("The authenticator app of your account was replaced."),
    "reset": gettext_lazy(
        "An administrator removed the authenticator app and the recovery codes of your "
        "account. You will set up a new authenticator at your next login."
    ),
    "disabled": gettext_lazy("Two-factor authentication was turned off for your account."),
    "recovery_codes_regenerated": gettext_lazy(
        "New recovery codes were made for your account; the old ones no longer work."
    ),
    "recovery_code_used": gettext_lazy("A recovery code was used to log in to your account."),
}


# --- Rules ---------------------------------------------------------------------------------


def authenticator(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_required(user) -> bool:
    return bool(set(settings.TWO_FACTOR_REQUIRED_ROLES) & set(user.roles))


def needs_verification(user) -> bool:
    """Logged in with a password, has an authenticator, has not entered its code yet."""
    return not user.is_verified() and has_device(user)


def needs_enrolment(user) -> bool:
    return not user.is_verified() and is_required(user) and not has_device(user)


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


# --- Recovery codes ------------------------------------------------------------------------


def _normalise(code: str) -> str:
    return "".join(code.split()).replace("-", "").lower()


def _digest(device: StaticDevice, code: str) -> str:
    # Salted by the device, so a copied table cannot be attacked for all users at once;
    # 60 random bits make a fast hash enough (a password hash would make each check slow).
    # 16 hexadecimal digits fit the token column of otp_static.
    return hashlib.sha256(f"{device.pk}:{_normalise(code)}".encode()).hexdigest()[:16]


def looks_like_recovery_code(text: str) -> bool:
    code = _normalise(text)
    return len(code) == _RECOVERY_LENGTH and all(c in _RECOVERY_ALPHABET for c in code)


def _new_codes(user) -> list[str]:
    """Replace the user's recovery codes with fresh ones and return them, once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": "recovery codes", "confirmed": True}
    )
    device.token_set.all().delete()
    codes = []
    for _i in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _j in range(_RECOVERY_LENGTH))
        codes.append(f"{raw[:4]}-{raw[4:8]}-{raw[8:]}")
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=_digest(device, code)) for code in codes
    )
    return codes


def verify(*, user, token: str):
    """The device that accepts ``token`` (a code of the authenticator, or a recovery code,
    which is then used up), or None. Each device throttles repeated wrong tries."""
    token = token.strip()
    if looks_like_recovery_code(token):
        device = StaticDevice.objects.filter(user=user, confirmed=True).first()
        if device is not None and has_device(user):
            with transaction.atomic():
                if device.verify_token(_digest(device, token)):
                    _record(user=user, actor=user, event="recovery_code_used")
                    return device
        return None
    for device in TOTPDevice.objects.filter(user=user, confirmed=True):
        if device.verify_token(token):
            return device
    return None


# --- Changes ---------------------------------------------------------------------------


def pending_authenticator(user) -> TOTPDevice:
    """The authenticator being set up (not yet confirmed), created on first need."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    return device


@transaction.atomic
def two_factor_enrol(*, user, device: TOTPDevice) -> list[str] | None:
    """Confirm ``device`` as the user's authenticator, in place of any earlier one.

    The caller has checked the new device's code and, when replacing, the old one's.
    Returns the recovery codes to show, once, when the user had none yet.
    """
    replacing = has_device(user)
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = None if recovery_codes_left(user) else _new_codes(user)
    _record(user=user, actor=user, event="replaced" if replacing else "enrolled")
    return codes


@transaction.atomic
def recovery_codes_regenerate(*, user) -> list[str]:
    codes = _new_codes(user)
    _record(user=user, actor=user, event="recovery_codes_regenerated")
    return codes


@transaction.atomic
def two_factor_disable(*, user) -> None:
    """The user turns two-factor off (only when their role does not require it)."""
    if is_required(user):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied(_("Your role requires two-factor authentication."))
    _remove_devices(user)
    _record(user=user, actor=user, event="disabled")


@transaction.atomic
def two_factor_reset(*, actor, user) -> None:
    """Another administrator removes ``user``'s authenticator and recovery codes (a lost
    phone); the user enrols again at next login. One's own is replaced with its code."""
    from django.core.exceptions import PermissionDenied

    if actor.pk == user.pk:
        raise PermissionDenied(
            _("Replace your own authenticator from your account page, with its code.")
        )
    _remove_devices(user)
    _record(user=user, actor=actor, event="reset")


def _remove_devices(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


# Each event's kind in the security log.
SECURITY_KINDS = {
    "enrolled": Kind.TWO_FACTOR_ENABLED,
    "replaced": Kind.TWO_FACTOR_REPLACED,
    "reset": Kind.TWO_FACTOR_RESET,
    "disabled": Kind.TWO_FACTOR_DISABLED,
    "recovery_codes_regenerated": Kind.RECOVERY_CODES_GENERATED,
    "recovery_code_used": Kind.RECOVERY_CODE_USED,
}


def _record(*, user, actor, event: str) -> None:
    """A history entry on the user (who, when, what; the user's fields are unchanged, so
    no new version), an event in the security log, and an e-mail to the user once the
    transaction has committed."""
    reason = f"accounts.user.two_factor_{event}"
    security_log.record(SECURITY_KINDS[event], user=actor, target=user)
    user._history_user = actor
    user._change_reason = reason
    # _meta, not type(): request.user is a lazy wrapper whose type is not the model.
    user._meta.model.history.bulk_history_create([user], update=True, default_user=actor)
    logger.info("%s: user %s by user %s", reason, user.pk, actor.pk)
    when = timezone.now()
    transaction.on_commit(lambda: _notify(user=user, actor=actor, event=event, when=when))


def _notify(*, user, actor, event: str, when) -> None:
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "event": str(EVENTS[event]),
            "actor": str(actor) if actor.pk != user.pk else "",
            "when": date_format(timezone.localtime(when), "DATETIME_FORMAT"),
        }
        subject = _("Security of your Hamkor account")
        body = render_to_string("accounts/email/two_factor_changed.txt", context)
    EmailMessage(subject, body, to=[user.email]).send()
