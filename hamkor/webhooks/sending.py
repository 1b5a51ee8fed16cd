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
import http.client
import ipaddress
import socket
import ssl
import time
import urllib.parse
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


# Global by Python's reckoning, yet leading into a local network through a translator.
TRANSLATED = (
    ipaddress.ip_network("64:ff9b::/96"),
    ipaddress.ip_network("64:ff9b:1::/48"),
    ipaddress.ip_network("2002::/16"),
)


def address_check(url: str) -> str | None:
    """Refuse an address that is not http(s) or that resolves to a private, loopback,
    link-local, reserved or translated address (unless the setting allows them); the first
    address checked, which the delivery then connects to, so that a second lookup cannot
    answer otherwise (DNS rebinding). None when the setting lets any address through."""
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ValidationError(_("Give an http or https address."))
    if settings.HAMKOR_WEBHOOKS_ALLOW_PRIVATE:
        return None
    try:
        found = socket.getaddrinfo(parsed.hostname, parsed.port or 443, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ValidationError(_("This host name cannot be resolved.")) from exc
    for *_rest, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0])
        mapped = getattr(address, "ipv4_mapped", None)
        if (
            not address.is_global
            or address.is_multicast
            or any(address in network for network in TRANSLATED)
            or (mapped is not None and not mapped.is_global)
        ):
            raise ValidationError(
                _("This address leads to a private or local network, where webhooks may not go.")
            )
    return found[0][4][0]


class _Pinned(http.client.HTTPConnection):
    """A connection to ``address`` for a URL naming ``host``: the Host header and the TLS
    name stay the host's, the socket goes where the check said."""

    def __init__(self, host, *, address, port, timeout, tls):
        super().__init__(host, port=port, timeout=timeout)
        self.address, self.tls = address, tls

    def connect(self):
        sock = socket.create_connection((self.address or self.host, self.port), self.timeout)
        if self.tls:
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=self.host)
        self.sock = sock


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
    """POST ``body`` signed to the checked address; the answer's code and first characters,
    or the error. A redirect is an answer like any other, never followed."""
    started = time.monotonic()
    timestamp = int(time.time())

    def elapsed() -> int:
        return int((time.monotonic() - started) * 1000)

    parsed = urllib.parse.urlsplit(url)
    tls = parsed.scheme == "https"
    try:
        address = address_check(url)
        connection = _Pinned(
            parsed.hostname,
            address=address,
            port=parsed.port or (443 if tls else 80),
            timeout=settings.HAMKOR_WEBHOOKS_TIMEOUT,
            tls=tls,
        )
        try:
            connection.request(
                "POST",
                urllib.parse.urlunsplit(("", "", parsed.path or "/", parsed.query, "")),
                body=body,
                headers={
                    "Content-Type": "application/json",
                    "User-Agent": "Hamkor-Webhooks/1",
                    SIGNATURE_HEADER: signature(secret=secret, timestamp=timestamp, body=body),
                    **headers,
                },
            )
            response = connection.getresponse()
            text = response.read(EXCERPT_CHARS * 4).decode("utf-8", "replace")
        finally:
            connection.close()
        return Answer(response.status, text[:EXCERPT_CHARS], "", elapsed())
    except ValidationError as exc:
        return Answer(None, "", " ".join(exc.messages)[:300], elapsed())
    except (OSError, ValueError, http.client.HTTPException) as exc:
        return Answer(None, "", str(exc)[:300], elapsed())
