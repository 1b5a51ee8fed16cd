"""Who may call the EWP endpoints, and what each caller sees.

Until Hamkor joins the EWP network (HTTP signatures checked against the registry: see
docs/ewp.md), a caller is either a staff member logged in with the permission for the data,
or a partner the administrator listed in ``HAMKOR_EWP_CLIENTS`` (``hei-id=secret ...``),
sending ``X-Hamkor-EWP-Key: <hei-id>:<secret>``. A partner sees only its own agreements and
the mobilities sent to it.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from django.conf import settings

HEADER = "HTTP_X_HAMKOR_EWP_KEY"


@dataclass(frozen=True)
class Caller:
    user: object | None = None  # a staff member with the permission
    hei_id: str = ""  # a listed partner


def configured_clients() -> dict[str, str]:
    pairs = (item.split("=", 1) for item in settings.HAMKOR_EWP_CLIENTS.split() if "=" in item)
    return {hei.strip(): secret.strip() for hei, secret in pairs if hei and secret}


def partner_from_header(request) -> str:
    """The listed partner the request's key belongs to, or ``""``."""
    hei, _, secret = request.META.get(HEADER, "").partition(":")
    expected = configured_clients().get(hei)
    if expected and hmac.compare_digest(expected.encode(), secret.encode()):
        return hei
    return ""


def caller(request, permission: str) -> Caller | int:
    """The caller, or the HTTP status refusing it (401 unknown, 403 without permission)."""
    hei = partner_from_header(request)
    if hei:
        return Caller(hei_id=hei)
    user = request.user
    if not user.is_authenticated:
        return 401
    if not user.has_perm(permission):
        return 403
    return Caller(user=user)
