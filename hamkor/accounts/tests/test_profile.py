"""A user's own account page, and where each role lands after logging in."""

from __future__ import annotations

import pytest

from conftest import login
from hamkor.accounts.tests.factories import PASSWORD

PROFILE = "/account/profile/"


@pytest.mark.parametrize("persona", ["officer", "applicant", "admin"])
def test_profile_save_keeps_the_changes_and_records_them(client, request, persona):
    # It was a 500: the lazy request.user is not a model instance to save.
    user = request.getfixturevalue(persona)
    login(client, user)
    response = client.post(
        PROFILE, {"full_name": "Dilnoza Karimova", "phone": "+998 90 123 45 67", "language": "ru"}
    )
    assert response.status_code == 302
    assert response["Location"] == PROFILE
    user.refresh_from_db()
    assert (user.full_name, user.phone, user.language) == (
        "Dilnoza Karimova",
        "+998 90 123 45 67",
        "ru",
    )
    record = user.history.first()
    assert record.history_change_reason == "accounts.user.profile_edited"
    assert record.history_user_id == user.pk


def test_profile_save_with_an_empty_name_says_so(client, officer):
    login(client, officer)
    response = client.post(PROFILE, {"full_name": "", "phone": "", "language": ""})
    assert response.status_code == 400
    assert "This field is required." in response.text


@pytest.mark.parametrize(
    ("persona", "landing"),
    [
        ("applicant", "/my/university/"),
        ("officer", "/staff/"),
        ("coordinator", "/staff/"),
        ("leadership", "/staff/"),
    ],
)
def test_login_lands_each_role_at_its_home(client, request, persona, landing):
    user = request.getfixturevalue(persona)
    response = client.post("/account/login/", {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == landing
    assert client.get(landing).status_code == 200


def test_login_still_follows_a_next_address(client, applicant):
    response = client.post(
        "/account/login/?next=/account/profile/",
        {"username": applicant.email, "password": PASSWORD},
    )
    assert response["Location"] == PROFILE
