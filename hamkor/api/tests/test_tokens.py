"""API tokens: issued on the profile page, shown once, stored hashed, revocable; a request
with one is its user's, with their roles and faculty."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from hamkor.api.models import ApiToken, key_digest
from hamkor.api.services import api_token_create, api_token_revoke

pytestmark = pytest.mark.django_db


def _bearer(key: str) -> Client:
    return Client(headers={"authorization": f"Token {key}"})


def test_a_token_is_created_on_the_profile_page_and_its_key_shown_once(as_user, officer):
    client = as_user("officer")
    assert "API tokens" in client.get("/account/profile/").text
    response = client.post("/account/api-tokens/", {"name": "nightly report"})
    assert response.status_code == 200
    key = re.search(r'data-testid="api-key">([^<]+)<', response.text).group(1)
    token = ApiToken.objects.get(user=officer)
    # Only the digest is kept: the key itself is nowhere in the database.
    assert token.digest == key_digest(key)
    assert key not in {token.name, token.hint, token.digest}
    profile = client.get("/account/profile/").text
    assert "nightly report" in profile
    assert key not in profile
    assert _bearer(key).get("/api/v1/org-units/").status_code == 200


def test_a_token_acts_as_its_user_with_their_faculty_scope(coordinator_b, faculty_a):
    from hamkor.agreements.tests.factories import AgreementFactory

    agreement = AgreementFactory(units=[faculty_a])
    _token, key = api_token_create(user=coordinator_b, name="script")
    client = _bearer(key)
    # Every agreement is read by staff; another faculty's is not found for a change.
    assert client.get(f"/api/v1/agreements/{agreement.pk}/").status_code == 200
    response = client.patch(
        f"/api/v1/agreements/{agreement.pk}/",
        {"title": "Mine now", "version": agreement.version},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert response["content-type"] == "application/json"
    assert "detail" in response.json()


@pytest.mark.parametrize(
    "header",
    ["Token hmk_unknown", "Token", "Token a b", "Bearer hmk_unknown"],
)
def test_a_bad_token_is_401_in_json(officer, header):
    response = Client(headers={"authorization": header}).get("/api/v1/org-units/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert "detail" in response.json()


def test_a_revoked_token_or_an_inactive_user_is_refused(officer):
    token, key = api_token_create(user=officer, name="old")
    api_token_revoke(token=token)
    assert _bearer(key).get("/api/v1/org-units/").status_code == 401
    _token, other = api_token_create(user=officer, name="new")
    officer.is_active = False
    officer.save(update_fields=["is_active"])
    assert _bearer(other).get("/api/v1/org-units/").status_code == 401


def test_the_owner_revokes_a_token_on_the_profile_page_and_nobody_else_can(
    as_user, officer, coordinator
):
    token, _key = api_token_create(user=officer, name="legacy-sync-tool")
    url = f"/account/api-tokens/{token.pk}/revoke/"
    assert as_user("coordinator").post(url).status_code == 404
    revoked = as_user("officer").post(url, follow=True)
    assert "The token “legacy-sync-tool” is revoked." in revoked.text
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert "legacy-sync-tool" not in as_user("officer").get("/account/profile/").text


def test_last_used_is_written_at_most_once_a_minute(officer, django_assert_num_queries):
    token, key = api_token_create(user=officer, name="script")
    client = _bearer(key)
    # The first use of a clock hour is written whatever the minute (the security log counts
    # it): a run that crosses an hour's turn is done again, which can happen only once.
    for _attempt in range(2):
        started = timezone.now()
        client.get("/api/v1/org-units/")
        token.refresh_from_db()
        first = token.last_used_at
        client.get("/api/v1/org-units/")
        token.refresh_from_db()
        if _hour(timezone.now()) == _hour(started):
            break
    assert first is not None
    assert token.last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    client.get("/api/v1/org-units/")
    token.refresh_from_db()
    assert token.last_used_at > first - timedelta(minutes=1)
    assert token.last_used_at <= timezone.now()


def _hour(moment):
    return moment.replace(minute=0, second=0, microsecond=0)


def test_applicants_get_no_tokens(as_user, applicant):
    client = as_user("applicant")
    assert client.post("/account/api-tokens/", {"name": "x"}).status_code == 403
    assert "API tokens" not in client.get("/account/profile/").text


def test_a_token_without_a_name_is_refused_with_a_message(as_user, officer):
    response = as_user("officer").post("/account/api-tokens/", {"name": "  "}, follow=True)
    assert "This field is required." in response.text
    assert not ApiToken.objects.exists()
