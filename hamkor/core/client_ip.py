"""The client's address, the one every rate limit and the login lockout count by.

Behind a reverse proxy (nginx, a load balancer) ``REMOTE_ADDR`` is the proxy's, so one
attacker would be counted as everyone, or everyone as one attacker. The proxies append the
address they were reached from to ``X-Forwarded-For``; only the entries our own proxies
wrote can be believed, since a client may send the header with any addresses it likes.
``HAMKOR_TRUSTED_PROXIES`` says which those are: a number (how many proxies stand in front
of Hamkor, each appending one entry) or the proxies' addresses and networks. Unset, the
header is ignored.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def trusted_proxies_parse(value: str) -> int | tuple[Network, ...]:
    """``HAMKOR_TRUSTED_PROXIES`` read: ``0`` for none, a count, or networks."""
    value = value.strip()
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    networks = []
    for item in value.split(","):
        try:
            networks.append(ipaddress.ip_network(item.strip(), strict=False))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"HAMKOR_TRUSTED_PROXIES: {item.strip()!r} is neither a number of proxies nor "
                "an address or network such as 10.0.0.0/8"
            ) from exc
    return tuple(networks)


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def client_ip(request) -> str:
    """The address of the client that sent ``request``.

    The chain is ``X-Forwarded-For``'s entries followed by ``REMOTE_ADDR``, nearest last.
    It is read from the right only across trusted proxies: with a count ``n``, the entry
    ``n`` steps before ``REMOTE_ADDR``; with addresses, the first from the right that is
    not one of them. An entry that is not an address stops the reading at the proxy that
    wrote it.
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    trusted = settings.HAMKOR_TRUSTED_PROXIES
    if not trusted:
        return remote
    # Several X-Forwarded-For headers reach WSGI joined by commas, in the order sent.
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [entry.strip() for entry in forwarded.split(",") if entry.strip()]
    chain.append(remote)
    if isinstance(trusted, int):
        steps = min(trusted, len(chain) - 1)
        # Each proxy is trusted for the entry it appended: walk back one per proxy.
        index = len(chain) - 1
        for _step in range(steps):
            if _address(chain[index - 1]) is None:
                break
            index -= 1
        return chain[index]
    index = len(chain) - 1
    while index > 0:
        here = _address(chain[index])
        if here is None or not any(here in network for network in trusted):
            break
        if _address(chain[index - 1]) is None:
            break
        index -= 1
    return chain[index]


def address_network(address: str) -> str:
    """What a rate limit counts an address as: an IPv4 address itself, an IPv6 address as
    its /64 network. One IPv6 subscriber is usually given a whole /64, so counting single
    addresses would let one client take 2**64 fresh ones; an IPv4 address written as IPv6
    (``::ffff:192.0.2.1``) counts as the IPv4 address."""
    parsed = _address(address)
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed) if parsed is not None else address


def client_network(request) -> str:
    """The client's address as rate limits count it (:func:`address_network`)."""
    return address_network(client_ip(request))
