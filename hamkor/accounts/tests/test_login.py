"""Logging in and out, and the passwords: change, reset by e-mail, lockout after failures."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.utils import translation

from conftest import login
from hamkor.accounts.tests.factories import PASSWORD

LOGIN = "/account/login/"
LOGOUT = "/account/logout/"
DASHBOARD = "/staff/"
RESET = "/account/password/reset/"
NEW_PASSWORD = "a-brand-new-passphrase"


class LanguageRecordingBackend(LocmemBackend):
    """The test outbox, noting the language active when each message was sent.

    Without complete catalogues the text itself is English in every language, so the
    language a message went out in is read here instead of from its words.
    """

    def send_messages(self, messages):
        for message in messages:
            message.sent_in_language = translation.get_language()
        return super().send_messages(messages)


def log_in(client, email: str, password: str = PASSWORD):
    return client.post(LOGIN, {"username": email, "password": password})


def is_logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def reset_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/account/password/reset/\S+/\S+/)", message.body)[1]


def test_login_by_email_opens_the_dashboard(client, officer):
    response = log_in(client, "officer@example.org")
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200


def test_login_ignores_the_case_of_the_email(client, officer):
    # People type their address as they like: "Officer@Example.org" is the same mailbox.
    response = log_in(client, "Officer@Example.ORG")
    assert response.status_code == 302, "an e-mail typed in other case is refused"
    assert is_logged_in(client)


def test_login_with_a_wrong_password_says_so_and_keeps_the_email(client, officer):
    response = log_in(client, "officer@example.org", "not-the-password")
    assert response.status_code == 200
    assert "The e-mail address or the password is wrong." in response.text
    assert 'value="officer@example.org"' in response.text
    assert not is_logged_in(client)


def test_login_is_locked_after_repeated_failures(client, officer, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "officer@example.org", "not-the-password")
    response = log_in(client, "officer@example.org")
    assert response.status_code == 429
    assert "Too many failed attempts" in response.text
    assert not is_logged_in(client)


def test_login_lockout_holds_whatever_the_case_of_the_email(client, officer, settings):
    # Otherwise "Officer@…", "oFficer@…" each get their own five guesses.
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        email = "officer@example.org" if attempt % 2 else "OFFICER@example.org"
        log_in(client, email, "not-the-password")
    response = log_in(client, "officer@example.org")
    assert response.status_code == 429
    assert not is_logged_in(client)


def test_login_lockout_does_not_touch_another_account(client, officer, leadership, settings):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "officer@example.org", "not-the-password")
    assert log_in(client, "leadership@example.org").status_code == 302


def test_logout_by_post_closes_the_session(client, officer):
    login(client, officer)
    response = client.post(LOGOUT)
    assert response.status_code == 302
    assert response["Location"] == LOGIN
    assert client.get(DASHBOARD)["Location"].startswith(LOGIN)


def test_password_change_replaces_the_old_password(client, officer):
    login(client, officer)
    response = client.post(
        "/account/password/",
        {
            "old_password": PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/account/profile/"
    assert "Your password has been changed." in response.text
    # The session that changed the password stays open.
    assert is_logged_in(client)

    client.post(LOGOUT)
    assert log_in(client, "officer@example.org", PASSWORD).status_code == 200
    assert log_in(client, "officer@example.org", NEW_PASSWORD).status_code == 302


def test_password_change_requires_the_old_password(client, officer):
    login(client, officer)
    response = client.post(
        "/account/password/",
        {"old_password": "a-guess", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "Your old password was entered incorrectly." in response.text
    officer.refresh_from_db()
    assert officer.check_password(PASSWORD)


def test_password_reset_by_email_end_to_end(client, officer):
    response = client.post(RESET, {"email": "officer@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/account/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["officer@example.org"]
    assert message.subject == "Choose a new Hamkor password"

    # The link leads to a form (Django moves the token out of the address first).
    form_page = client.get(reset_link(message), follow=True)
    assert form_page.status_code == 200
    assert 'name="new_password1"' in form_page.text
    set_password_url = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response["Location"] == "/account/password/reset/done/"

    assert log_in(client, "officer@example.org", NEW_PASSWORD).status_code == 302
    # A link works once.
    client.post(LOGOUT)
    again = client.get(reset_link(message), follow=True)
    assert "This link is no longer valid" in again.text


def test_password_reset_for_an_unknown_email_sends_nothing_and_tells_nothing(client, officer):
    response = client.post(RESET, {"email": "nobody@example.org"})
    assert response["Location"] == "/account/password/reset/sent/"
    assert mail.outbox == []


@pytest.mark.parametrize(
    "how", [{"HTTP_ACCEPT_LANGUAGE": "ru"}, {"cookie": "ru"}], ids=["header", "cookie"]
)
def test_password_reset_email_goes_out_in_the_language_of_the_request(
    client, officer, settings, how
):
    settings.EMAIL_BACKEND = f"{__name__}.LanguageRecordingBackend"
    if "cookie" in how:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = how.pop("cookie")
    client.post(RESET, {"email": "officer@example.org"}, **how)
    assert [m.sent_in_language for m in mail.outbox] == ["ru"]
    with translation.override("ru"):
        assert mail.outbox[0].subject == translation.gettext("Choose a new Hamkor password")
