"""Password policy: leaked passwords refused offline, reset links used once and only for a
while, recovery codes used once, and a changed password revoking the user's tokens."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from hamkor.accounts import twofactor
from hamkor.accounts.passwords import BreachedPasswordValidator, breached_count
from hamkor.accounts.tests.factories import PASSWORD
from hamkor.accounts.tests.test_login import LOGOUT, NEW_PASSWORD, RESET, log_in, reset_link
from hamkor.api.models import ApiToken
from hamkor.api.services import api_token_create
from hamkor.feeds.models import CalendarToken
from hamkor.feeds.services import calendar_token_create

LEAKED = ["Tashkent2024!", "correct horse battery", "qwertyuiop123", NEW_PASSWORD]


def sha1(password: str) -> str:
    return hashlib.sha1(password.encode()).hexdigest().upper()


@pytest.fixture
def breached_file(tmp_path, settings):
    """A small list in Have I Been Pwned's format: sorted hashes, counts, CRLF line ends."""
    lines = {sha1(password): 1000 + n for n, password in enumerate(LEAKED)}
    # Neighbours on both sides, so that the search has lines to step over.
    lines.update({f"{n:040X}": n + 1 for n in range(0, 2**160, 2**152)})
    path = tmp_path / "pwned-passwords.txt"
    path.write_bytes(b"".join(f"{h}:{c}\r\n".encode() for h, c in sorted(lines.items())))
    settings.HAMKOR_BREACHED_PASSWORDS = str(path)
    return path


def test_breached_count_finds_every_listed_password_and_no_other(breached_file):
    for n, password in enumerate(LEAKED):
        assert breached_count(str(breached_file), password) == 1000 + n
    assert breached_count(str(breached_file), "an unlisted passphrase") == 0


def test_breached_count_finds_the_first_and_the_last_line(tmp_path):
    passwords = sorted(["one-first", "two-second", "three-third"], key=sha1)
    path = tmp_path / "three.txt"
    path.write_text("".join(f"{sha1(p)}:{n + 1}\n" for n, p in enumerate(passwords)))
    assert [breached_count(str(path), p) for p in passwords] == [1, 2, 3]
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert breached_count(str(empty), "anything") == 0


def test_breached_password_is_refused_with_a_translated_message(breached_file):
    validator = BreachedPasswordValidator()
    validator.validate("an unlisted passphrase")
    with pytest.raises(ValidationError) as refused:
        validator.validate("Tashkent2024!")
    assert refused.value.code == "password_breached"
    assert "data breach" in refused.value.messages[0]


def test_breached_password_without_a_list_checks_only_common_passwords(settings):
    settings.HAMKOR_BREACHED_PASSWORDS = ""
    BreachedPasswordValidator().validate("Tashkent2024!")


def test_breached_password_refused_when_changing_it(client, officer, breached_file):
    client.force_login(officer)
    response = client.post(
        "/account/password/",
        {"old_password": PASSWORD, "new_password1": LEAKED[0], "new_password2": LEAKED[0]},
    )
    assert response.status_code == 200
    assert "appeared in a data breach" in response.text
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)


def test_breached_passwords_file_unreadable_fails_the_checks(settings, tmp_path):
    settings.HAMKOR_BREACHED_PASSWORDS = str(tmp_path / "missing.txt")
    with pytest.raises(Exception, match="HAMKOR_BREACHED_PASSWORDS"):
        call_command("check")


def test_common_password_is_refused(officer):
    from django.contrib.auth.password_validation import validate_password

    with pytest.raises(ValidationError, match="too common"):
        validate_password("password123", officer)


def _reset_message(client):
    assert client.post(RESET, {"email": "officer@example.org"}).status_code == 302
    return mail.outbox[-1]


def _set_password(client, link: str, password: str = NEW_PASSWORD):
    form_page = client.get(link, follow=True)
    return client.post(
        form_page.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}
    )


def test_password_reset_link_works_once(client, officer):
    message = _reset_message(client)
    assert _set_password(client, reset_link(message))["Location"] == "/account/password/reset/done/"
    client.post(LOGOUT)
    again = client.get(reset_link(message), follow=True)
    assert "This link is no longer valid" in again.text
    assert 'name="new_password1"' not in again.text


def test_password_reset_link_expires_after_the_timeout(client, officer, settings, monkeypatch):
    message = _reset_message(client)
    later = PasswordResetTokenGenerator._now(None) + timedelta(
        seconds=settings.PASSWORD_RESET_TIMEOUT + 60
    )
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: later)
    expired = client.get(reset_link(message), follow=True)
    assert "This link is no longer valid" in expired.text
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)


def test_password_reset_link_within_the_timeout_still_works(client, officer, settings, monkeypatch):
    message = _reset_message(client)
    later = PasswordResetTokenGenerator._now(None) + timedelta(
        seconds=settings.PASSWORD_RESET_TIMEOUT - 60
    )
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: later)
    assert _set_password(client, reset_link(message))["Location"] == "/account/password/reset/done/"


def test_recovery_code_logs_in_once_and_is_refused_the_second_time(client, officer):
    TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    code = twofactor._new_codes(officer)[0]
    assert log_in(client, officer.email).status_code == 302
    response = client.post("/account/two-factor/verify/", {"token": code})
    assert response.status_code == 302
    assert client.get("/staff/").status_code == 200
    assert twofactor.recovery_codes_left(officer) == 9

    client.post(LOGOUT)
    assert log_in(client, officer.email).status_code == 302
    response = client.post("/account/two-factor/verify/", {"token": code})
    assert response.status_code == 400
    assert client.get("/staff/").status_code == 302


def _tokens(user):
    _token, key = api_token_create(user=user, name="script")
    calendar = calendar_token_create(user=user)
    return key, calendar


def test_password_change_revokes_api_and_calendar_tokens(client, officer, leadership):
    key, _calendar = _tokens(officer)
    _tokens(leadership)
    assert client.get("/api/v1/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 200
    client.force_login(officer)
    response = client.post(
        "/account/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert not ApiToken.objects.filter(user=officer, revoked_at=None).exists()
    assert not CalendarToken.objects.filter(user=officer).exists()
    client.logout()
    assert client.get("/api/v1/", HTTP_AUTHORIZATION=f"Token {key}").status_code == 401
    # Another user's are untouched.
    assert ApiToken.objects.filter(user=leadership, revoked_at=None).count() == 1
    assert CalendarToken.objects.filter(user=leadership).exists()


def test_password_reset_revokes_api_and_calendar_tokens(client, officer):
    _tokens(officer)
    _set_password(client, reset_link(_reset_message(client)))
    assert not ApiToken.objects.filter(user=officer, revoked_at=None).exists()
    assert not CalendarToken.objects.filter(user=officer).exists()


def test_password_change_page_tells_that_tokens_will_be_revoked(client, officer):
    client.force_login(officer)
    with translation.override("en"):
        page = client.get("/account/password/")
    assert "revokes your API tokens" in page.text
