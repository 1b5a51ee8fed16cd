"""Signing and sending one delivery, and the address check against SSRF.

The signature: ``X-Hamkor-Signature: t=<unix time>,v1=<hex HMAC-SHA256>`` over
``"<unix time>." + body`` with the webhook's secret; the receiver recomputes it and refuses
a timestamp older than a few minutes (replay). Redirects are not followed, and the address
must resolve to public addresses only, unless ``HAMKOR_WEBHOOKS_ALLOW_PRIVATE`` is on: a
webhook must not become a way to reach the server's own network.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

EXCERPT_CHARS = 1000  # of each answer kept in the log
SIGNATURE_HEADER = "X-Hamkor-Signature"


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={mac.hexdigest()}"


def signature_valid(*, secret: str, header: str, body: bytes, tolerance: int = 300) -> bool:
    """What a receiver does (here for the tests and as the docs' example)."""
    parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
    try:
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = signature(secret=secret, timestamp=timestamp, body=body)
    return hmac.compare_digest(expected, header)


def address_check(url: str) -> None:
    """Refuse an address that is not http(s) or that resolves to a private, loopback,
    link-local or reserved address (unless the setting allows them)."""
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ValidationError(_("Give an http or https address."))
    if settings.HAMKOR_WEBHOOKS_ALLOW_PRIVATE:
        return
    try:
        found = socket.getaddrinfo(parsed.hostname, parsed.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ValidationError(_("This host name cannot be resolved.")) from exc
    for *_rest, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0])
        if not address.is_global or address.is_multicast:
            raise ValidationError(
                _("This address leads to a private or local network, where webhooks may not go.")
            )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 3xx is the answer, logged as it is


_opener = urllib.request.build_opener(_NoRedirect)


@dataclass(frozen=True)
class Answer:
    status_code: int | None
    text: str
    error: str
    duration_ms: int

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def post(*, url: str, secret: str, body: bytes, headers: dict[str, str]) -> Answer:
    """POST ``body`` signed; the answer's code and first characters, or the error."""
    started = time.monotonic()
    timestamp = int(time.time())
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "Hamkor-Webhooks/1",
            SIGNATURE_HEADER: signature(secret=secret, timestamp=timestamp, body=body),
            **headers,
        },
    )

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    try:
        address_check(url)
        with _opener.open(request, timeout=settings.HAMKOR_WEBHOOKS_TIMEOUT) as response:
            text = response.read(EXCERPT_CHARS * 4).decode("utf-8", "replace")
            return Answer(response.status, text[:EXCERPT_CHARS], "", elapsed())
    except urllib.error.HTTPError as exc:
        text = exc.read(EXCERPT_CHARS * 4).decode("utf-8", "replace")
        return Answer(exc.code, text[:EXCERPT_CHARS], "", elapsed())
    except ValidationError as exc:
        return Answer(None, "", " ".join(exc.messages)[:300], elapsed())
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return Answer(None, "", str(getattr(exc, "reason", exc))[:300], elapsed())
