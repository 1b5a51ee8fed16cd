"""Logins, failed logins, lockouts and logouts into the security log.

Django and axes announce these by signals, whichever page or backend did the work (the
login page, HEMIS's sign-in, the admin site's), so they are logged here rather than in views.
"""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from hamkor.security.log import Kind, record


@receiver(user_logged_in, dispatch_uid="security_login")
def _logged_in(sender, request, user, **kwargs):
    record(Kind.LOGIN, request=request, user=user, backend=getattr(user, "backend", "") or "")


@receiver(user_login_failed, dispatch_uid="security_login_failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    # Django masks the password in ``credentials``; only the name typed is kept.
    typed = str(credentials.get("username") or credentials.get("email") or "")
    record(Kind.LOGIN_FAILED, request=request, user=None, email=typed)


@receiver(user_locked_out, dispatch_uid="security_locked_out")
def _locked_out(sender, request, username, ip_address, **kwargs):
    record(Kind.LOCKED_OUT, request=request, user=None, email=str(username or ""))


@receiver(user_logged_out, dispatch_uid="security_logout")
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        record(Kind.LOGOUT, request=request, user=user)
