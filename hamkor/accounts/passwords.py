"""Password policy beyond Django's own validators (settings.AUTH_PASSWORD_VALIDATORS).

* :class:`BreachedPasswordValidator` refuses a password found in the operator's copy of
  Have I Been Pwned's list of leaked passwords, offline: the file (``SHA1:COUNT`` lines,
  sorted by hash, about 40 GB) is searched by bisection over its bytes, never read whole.
  Without ``HAMKOR_BREACHED_PASSWORDS`` only Django's list of common passwords applies.
* :class:`CredentialsRevokedOnChange` checks nothing: Django calls its ``password_changed``
  after every change of a password (own change, reset link, admin, command line), which
  revokes the user's API tokens and calendar address.
"""

from __future__ import annotations

import hashlib
import os

from django.conf import settings
from django.core import checks
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

HASH_LENGTH = 40  # hexadecimal SHA-1


def _line_after(handle, position: int) -> bytes:
    """The first whole line starting at ``position`` (0) or after it (elsewhere)."""
    handle.seek(position)
    if position:
        handle.readline()
    return handle.readline()


def breached_count(path: str, password: str) -> int:
    """How often ``password`` appears in the sorted ``SHA1:COUNT`` file at ``path``; 0 if not.

    Bisection finds the smallest offset whose next line's hash is not below the password's:
    about 36 reads of one line for the full file.
    """
    target = hashlib.sha1(password.encode()).hexdigest().upper().encode()
    with open(path, "rb") as handle:
        low, high = 0, handle.seek(0, os.SEEK_END)
        while low < high:
            middle = (low + high) // 2
            line = _line_after(handle, middle)
            if not line or line[:HASH_LENGTH].upper() >= target:
                high = middle
            else:
                low = middle + 1
        line = _line_after(handle, low)
    key, _colon, count = line.strip().partition(b":")
    if key.upper() != target:
        return 0
    return int(count) if count.isdigit() else 1


class BreachedPasswordValidator:
    """Refuses a password that appears in ``HAMKOR_BREACHED_PASSWORDS`` (if set)."""

    def validate(self, password, user=None):
        path = settings.HAMKOR_BREACHED_PASSWORDS
        if path and breached_count(path, password):
            raise ValidationError(
                _(
                    "This password has appeared in a data breach and may be tried by "
                    "attackers. Choose another."
                ),
                code="password_breached",
            )

    def get_help_text(self):
        return _("Your password can’t be one that has appeared in a known data breach.")


class CredentialsRevokedOnChange:
    """A hook, not a check: a changed password revokes the user's API and calendar tokens."""

    def validate(self, password, user=None):
        return None

    def password_changed(self, password, user=None):
        from hamkor.accounts.services import user_credentials_revoke

        if user is not None and user.pk:
            user_credentials_revoke(user=user)

    def get_help_text(self):
        return _("Changing your password revokes your API tokens and your calendar address.")


@checks.register(checks.Tags.security)
def breached_passwords_file_check(app_configs, **kwargs):
    """A configured list that cannot be read is a deployment error, not a 500 at sign-up."""
    path = settings.HAMKOR_BREACHED_PASSWORDS
    if path and not os.access(path, os.R_OK):
        return [
            checks.Error(
                f"HAMKOR_BREACHED_PASSWORDS: cannot read {path}",
                id="hamkor.E021",
            )
        ]
    return []
