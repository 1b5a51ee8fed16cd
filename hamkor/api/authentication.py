"""Token authentication of the API: ``Authorization: Token <key>`` (or ``Bearer <key>``)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions

from hamkor.api.services import api_token_user

KEYWORDS = (b"token", b"bearer")


class ApiTokenAuthentication(authentication.BaseAuthentication):
    """A request with a key is the key's user; an unknown, revoked or malformed key is 401
    (never the anonymous visitor). Without a header the session decides."""

    def authenticate(self, request):
        parts = authentication.get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("The token header is malformed."))
        try:
            key = parts[1].decode("ascii")
        except UnicodeDecodeError as exc:
            raise exceptions.AuthenticationFailed(_("The token header is malformed.")) from exc
        user = api_token_user(key)
        if user is None:
            raise exceptions.AuthenticationFailed(_("The token is unknown or revoked."))
        return user, key

    def authenticate_header(self, request) -> str:
        # Makes an unauthenticated request a 401 with a challenge, not a 403.
        return "Token"


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = ApiTokenAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": "`Token <key>`: a key issued on the user's profile page.",
        }
