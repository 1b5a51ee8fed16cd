"""Sessions end by themselves: after a time without requests (staff and applicants each
their own limit), and some hours after the login whatever the activity."""

from __future__ import annotations

from hamkor.accounts import sessions

STAFF_PAGE = "/staff/"


def move_back(client, key: str, seconds: int) -> None:
    """The session's timestamp ``key`` as if written ``seconds`` earlier (no waiting)."""
    session = client.session
    session[key] = session[key] - seconds
    session.save()


def test_session_idle_longer_than_the_limit_is_logged_out(client, officer, settings):
    settings.HAMKOR_SESSION_IDLE_MINUTES = 30
    client.force_login(officer)
    assert client.get(STAFF_PAGE).status_code == 200
    move_back(client, sessions.SEEN, 31 * 60)
    response = client.get(STAFF_PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")
    assert "_auth_user_id" not in client.session
    login_page = client.get(response["Location"])
    assert "Your session ended after a period of inactivity" in login_page.text
    # Said once.
    assert "period of inactivity" not in client.get("/account/login/").text


def test_session_active_within_the_limit_stays(client, officer, settings):
    settings.HAMKOR_SESSION_IDLE_MINUTES = 30
    client.force_login(officer)
    client.get(STAFF_PAGE)
    move_back(client, sessions.SEEN, 29 * 60)
    assert client.get(STAFF_PAGE).status_code == 200
    # That request counted as activity: another 29 minutes later the session still holds.
    move_back(client, sessions.SEEN, 29 * 60)
    assert client.get(STAFF_PAGE).status_code == 200


def test_session_idle_limit_of_applicants_is_their_own(client, applicant, settings):
    settings.HAMKOR_SESSION_IDLE_MINUTES = 30
    settings.HAMKOR_APPLICANT_IDLE_MINUTES = 120
    client.force_login(applicant)
    client.get("/account/profile/")
    move_back(client, sessions.SEEN, 60 * 60)
    assert client.get("/account/profile/").status_code == 200
    move_back(client, sessions.SEEN, 121 * 60)
    assert client.get("/account/profile/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_session_ends_after_the_maximum_whatever_the_activity(client, officer, settings):
    settings.SESSION_COOKIE_AGE = 12 * 3600
    client.force_login(officer)
    client.get(STAFF_PAGE)
    move_back(client, sessions.STARTED, 12 * 3600 + 60)
    response = client.get(STAFF_PAGE)
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_session_activity_is_written_at_most_once_a_minute(client, officer):
    client.force_login(officer)
    client.get(STAFF_PAGE)
    seen = client.session[sessions.SEEN]
    client.get(STAFF_PAGE)
    assert client.session[sessions.SEEN] == seen
