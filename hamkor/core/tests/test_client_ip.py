"""The client's address behind reverse proxies: X-Forwarded-For believed only as far as the
trusted proxies wrote it, and every rate limit and axes counting by that address (an IPv6
client by its /64 network)."""

from __future__ import annotations

import ipaddress

import pytest
from axes.helpers import get_client_ip_address
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from hamkor.accounts.tests.factories import PASSWORD
from hamkor.core.client_ip import (
    address_network,
    client_ip,
    client_network,
    trusted_proxies_parse,
)

NGINX = "10.9.0.1"


def request(remote=NGINX, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_client_ip_without_trusted_proxies_ignores_the_header(settings):
    settings.HAMKOR_TRUSTED_PROXIES = 0
    assert client_ip(request(forwarded="1.2.3.4")) == NGINX


def test_client_ip_with_one_proxy_takes_the_entry_it_appended(settings):
    settings.HAMKOR_TRUSTED_PROXIES = 1
    # The client forged the first entry; nginx appended the address it saw.
    assert client_ip(request(forwarded="6.6.6.6, 203.0.113.7")) == "203.0.113.7"
    assert client_ip(request(forwarded=None)) == NGINX


def test_client_ip_with_two_proxies_walks_back_two_entries(settings):
    settings.HAMKOR_TRUSTED_PROXIES = 2
    assert client_ip(request(forwarded="6.6.6.6, 203.0.113.7, 10.9.0.2")) == "203.0.113.7"
    # Fewer entries than proxies: the leftmost there is.
    assert client_ip(request(forwarded="203.0.113.7")) == "203.0.113.7"


def test_client_ip_with_proxy_networks_stops_at_the_first_untrusted_address(settings):
    settings.HAMKOR_TRUSTED_PROXIES = (ipaddress.ip_network("10.9.0.0/16"),)
    assert client_ip(request(forwarded="6.6.6.6, 203.0.113.7, 10.9.0.2")) == "203.0.113.7"
    # A request that reached us directly: its header is not believed.
    assert client_ip(request(remote="198.51.100.4", forwarded="6.6.6.6")) == "198.51.100.4"


def test_client_ip_does_not_take_a_malformed_entry(settings):
    settings.HAMKOR_TRUSTED_PROXIES = 1
    assert client_ip(request(forwarded="not-an-address")) == NGINX


def test_trusted_proxies_parse_reads_a_count_or_networks_and_names_a_bad_entry():
    assert trusted_proxies_parse("") == 0
    assert trusted_proxies_parse("2") == 2
    assert trusted_proxies_parse("10.0.0.0/8, 192.0.2.1") == (
        ipaddress.ip_network("10.0.0.0/8"),
        ipaddress.ip_network("192.0.2.1/32"),
    )
    with pytest.raises(ImproperlyConfigured, match="HAMKOR_TRUSTED_PROXIES: 'nginx'"):
        trusted_proxies_parse("nginx")


def test_axes_counts_by_the_same_client_address(settings):
    settings.HAMKOR_TRUSTED_PROXIES = 1
    assert get_client_ip_address(request(forwarded="203.0.113.7")) == "203.0.113.7"


@pytest.mark.django_db
def test_login_limit_per_address_behind_a_proxy_holds_only_the_guessing_client(
    client, officer, settings
):
    settings.HAMKOR_TRUSTED_PROXIES = 1
    settings.HAMKOR_LOGIN_FAILURES_PER_IP = 2
    for n in range(2):
        client.post(
            "/account/login/",
            {"username": f"x{n}@example.org", "password": "guess-Spring26"},
            REMOTE_ADDR=NGINX,
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    held = client.post(
        "/account/login/",
        {"username": officer.email, "password": PASSWORD},
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert held.status_code == 429
    other = client.post(
        "/account/login/",
        {"username": officer.email, "password": PASSWORD},
        REMOTE_ADDR=NGINX,
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert other.status_code == 302


def test_address_network_counts_ipv6_by_its_64_and_ipv4_by_itself():
    assert address_network("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert address_network("2001:db8:1:2:ffff:ffff:ffff:ffff") == "2001:db8:1:2::/64"
    assert address_network("2001:db8:1:3::1") == "2001:db8:1:3::/64"
    assert address_network("203.0.113.7") == "203.0.113.7"
    assert address_network("::ffff:203.0.113.7") == "203.0.113.7"
    assert address_network("not an address") == "not an address"


def test_client_network_behind_a_proxy_reads_the_forwarded_ipv6(settings):
    settings.HAMKOR_TRUSTED_PROXIES = 1
    assert client_network(request(forwarded="2001:db8:5:6::42")) == "2001:db8:5:6::/64"


@pytest.mark.django_db
def test_login_limit_holds_every_address_of_one_ipv6_64(client, officer, settings):
    # One subscriber's /64 holds 2**64 addresses: a fresh one per guess is still one client.
    settings.HAMKOR_LOGIN_FAILURES_PER_IP = 3
    for n in range(3):
        client.post(
            "/account/login/",
            {"username": f"x{n}@example.org", "password": "guess-Spring26"},
            REMOTE_ADDR=f"2001:db8:7:8::{n + 1:x}",
        )
    held = client.post(
        "/account/login/",
        {"username": officer.email, "password": PASSWORD},
        REMOTE_ADDR="2001:db8:7:8:dead:beef:0:1",
    )
    assert held.status_code == 429
    neighbour = client.post(
        "/account/login/",
        {"username": officer.email, "password": PASSWORD},
        REMOTE_ADDR="2001:db8:7:9::1",
    )
    assert neighbour.status_code == 302
