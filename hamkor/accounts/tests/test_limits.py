"""Limits on guessing: lockout per account across addresses, a ceiling per address, and
password-reset requests limited per e-mail address and per client address."""

from __future__ import annotations

import re

from django.core import mail

from hamkor.accounts.tests.factories import PASSWORD
from hamkor.core import ratelimit

LOGIN = "/account/login/"
RESET = "/account/password/reset/"
SENT = "/account/password/reset/sent/"


def log_in(client, email, password, ip="10.0.0.1"):
    return client.post(LOGIN, {"username": email, "password": password}, REMOTE_ADDR=ip)


def test_lockout_counts_failures_of_one_account_from_many_addresses(client, officer, settings):
    # A botnet guessing one account from a new address each time.
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, officer.email, "not-the-password", ip=f"10.0.1.{attempt}")
    response = log_in(client, officer.email, PASSWORD, ip="10.0.2.1")
    assert response.status_code == 429
    assert "Too many failed attempts" in response.text
    assert "_auth_user_id" not in client.session


def test_lockout_per_address_holds_guesses_across_many_accounts(client, officer, settings):
    settings.HAMKOR_LOGIN_FAILURES_PER_IP = 4
    for n in range(4):
        log_in(client, f"someone{n}@example.org", "Spring2026!", ip="10.0.3.3")
    response = log_in(client, officer.email, PASSWORD, ip="10.0.3.3")
    assert response.status_code == 429
    assert "Too many attempts. Try again in" in response.text
    assert "_auth_user_id" not in client.session
    # Another address is not held.
    assert log_in(client, officer.email, PASSWORD, ip="10.0.3.4").status_code == 302


def test_lockout_per_address_does_not_count_successful_logins(client, officer, settings):
    settings.HAMKOR_LOGIN_FAILURES_PER_IP = 2
    for _n in range(3):
        assert log_in(client, officer.email, PASSWORD).status_code == 302
        client.post("/account/logout/")
    assert log_in(client, officer.email, PASSWORD).status_code == 302


def request_reset(client, email, ip="10.0.0.1"):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=ip)


def test_password_reset_is_limited_per_email_address(client, officer, settings):
    limit = settings.HAMKOR_PASSWORD_RESET_PER_EMAIL
    for n in range(limit):
        assert request_reset(client, officer.email, ip=f"10.1.0.{n}")["Location"] == SENT
    response = request_reset(client, officer.email.upper(), ip="10.1.1.1")
    assert response.status_code == 429
    assert re.search(r"Too many attempts\. Try again in \d+ minutes?\.", response.text)
    assert len(mail.outbox) == limit


def test_password_reset_is_limited_per_client_address(client, officer, leadership, settings):
    settings.HAMKOR_PASSWORD_RESET_PER_IP = 2
    request_reset(client, "nobody@example.org", ip="10.2.0.1")
    request_reset(client, leadership.email, ip="10.2.0.1")
    response = request_reset(client, officer.email, ip="10.2.0.1")
    assert response.status_code == 429
    assert [m.to for m in mail.outbox] == [[leadership.email]]
    assert request_reset(client, officer.email, ip="10.2.0.2")["Location"] == SENT


def test_password_reset_limit_tells_nothing_about_which_addresses_exist(client, officer, settings):
    settings.HAMKOR_PASSWORD_RESET_PER_EMAIL = 1
    answers = {}
    for email in (officer.email, "nobody@example.org"):
        first = request_reset(client, email, ip="10.3.0.1")
        second = request_reset(client, email, ip="10.3.0.2")
        answers[email] = (first.status_code, first.get("Location"), second.status_code)
        body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", second.text)
        answers[email] += (body.replace(email, "EMAIL"),)
    assert answers[officer.email][:3] == answers["nobody@example.org"][:3] == (302, SENT, 429)
    assert answers[officer.email][3] == answers["nobody@example.org"][3]


def test_password_reset_limit_message_is_translated(client, officer, settings):
    settings.HAMKOR_PASSWORD_RESET_PER_EMAIL = 0
    response = client.post(
        RESET, {"email": officer.email}, REMOTE_ADDR="10.4.0.1", HTTP_ACCEPT_LANGUAGE="ru"
    )
    assert response.status_code == 429
    assert '<html lang="ru"' in response.text
    assert mail.outbox == []


def test_ratelimit_hit_counts_within_the_window_and_tells_the_wait():
    assert [ratelimit.hit("k", 2, 600) for _n in range(2)] == [None, None]
    wait = ratelimit.hit("k", 2, 600)
    assert 1 <= wait <= 600
    assert ratelimit.hit("other", 2, 600) is None
    assert 1 <= ratelimit.peek("k", 2, 600) <= wait
    assert ratelimit.peek("fresh", 2, 600) is None
