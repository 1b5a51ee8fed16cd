"""Signing in through HEMIS's OAuth2 (authorization code), when configured.

HEMIS serves ``/oauth/authorize``, ``/oauth/access-token`` and ``/oauth/api/user``; the
client is created in HEMIS under "Tizim → oAuth klientlar". HEMIS only vouches for who the
person is: they sign in as the Hamkor user with the same e-mail, who keeps their roles and
their two-factor step. Nobody is created by signing in.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

from hamkor.hemis.client import HemisError


def oauth_enabled() -> bool:
    return bool(
        settings.HEMIS_OAUTH_URL
        and settings.HEMIS_OAUTH_CLIENT_ID
        and settings.HEMIS_OAUTH_CLIENT_SECRET
    )


def _base() -> str:
    return settings.HEMIS_OAUTH_URL.rstrip("/")


def authorize_url(*, state: str, redirect_uri: str) -> str:
    query = urllib.parse.urlencode(
        {
            "response_type": "code",
            "client_id": settings.HEMIS_OAUTH_CLIENT_ID,
            "redirect_uri": redirect_uri,
            "state": state,
        }
    )
    return f"{_base()}/oauth/authorize?{query}"


def _json(request: urllib.request.Request) -> dict:
    try:
        with urllib.request.urlopen(request, timeout=settings.HEMIS_TIMEOUT) as response:
            answer = json.loads(response.read())
    except urllib.error.HTTPError as exc:
        raise HemisError(f"HEMIS answered {exc.code}.") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise HemisError(f"HEMIS cannot be read ({exc}).") from exc
    if not isinstance(answer, dict):
        raise HemisError("HEMIS's answer is not an object.")
    return answer


def user_for_code(*, code: str, redirect_uri: str) -> dict:
    """HEMIS's description of the person who was given ``code`` (``email`` is what Hamkor
    reads of it)."""
    body = urllib.parse.urlencode(
        {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect_uri,
            "client_id": settings.HEMIS_OAUTH_CLIENT_ID,
            "client_secret": settings.HEMIS_OAUTH_CLIENT_SECRET,
        }
    ).encode()
    token = _json(
        urllib.request.Request(f"{_base()}/oauth/access-token", data=body, method="POST")
    ).get("access_token")
    if not token:
        raise HemisError("HEMIS gave no access token.")
    return _json(
        urllib.request.Request(
            f"{_base()}/oauth/api/user", headers={"Authorization": f"Bearer {token}"}
        )
    )


def account_for(answer: dict):
    """The active Hamkor user whose registry person HEMIS's import linked to the HEMIS id in
    ``answer``, or None. Never by e-mail: a HEMIS user may be able to edit their own address,
    and it would then open someone else's account."""
    from hamkor.hemis.models import HemisLink

    hemis_id = str(answer.get("id") or "").strip()
    if not hemis_id:
        return None
    links = HemisLink.objects.filter(hemis_id=hemis_id, person__user__is_active=True)
    users = {link.person.user for link in links.select_related("person__user")[:3]}
    return users.pop() if len(users) == 1 else None
