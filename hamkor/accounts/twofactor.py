"""Two-factor rules: who must enrol a TOTP authenticator and who must enter a code."""

from __future__ import annotations

from django.conf import settings
from django_otp import devices_for_user


def has_device(user) -> bool:
    return any(True for _ in devices_for_user(user, confirmed=True))


def is_required(user) -> bool:
    return bool(set(settings.TWO_FACTOR_REQUIRED_ROLES) & set(user.roles))


def needs_verification(user) -> bool:
    """Logged in with a password, has an authenticator, has not entered its code yet."""
    return not user.is_verified() and has_device(user)


def needs_enrolment(user) -> bool:
    return not user.is_verified() and is_required(user) and not has_device(user)
