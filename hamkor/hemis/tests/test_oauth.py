"""Signing in with HEMIS against a local stand-in for its OAuth2 endpoints."""

from __future__ import annotations

import http.server
import json
import threading
import urllib.parse

import pytest

pytestmark = pytest.mark.django_db

CODE, TOKEN = "a-good-code", "an-access-token"


class _OAuth(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
        form = urllib.parse.parse_qs(body)
        ok = (
            self.path == "/oauth/access-token"
            and form.get("code") == [CODE]
            and form.get("client_secret") == ["s3cret"]
            and form.get("grant_type") == ["authorization_code"]
        )
        self._send(200 if ok else 400, {"access_token": TOKEN} if ok else {"error": "bad"})

    def do_GET(self):
        if self.path == "/oauth/api/user" and self.headers["Authorization"] == f"Bearer {TOKEN}":
            return self._send(200, {"login": "officer", "email": self.server.email})
        return self._send(401, {"error": "unauthorized"})

    def _send(self, status, answer):
        body = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def hemis_oauth(settings):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _OAuth)
    server.email = "officer@example.org"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.HEMIS_OAUTH_URL = f"http://127.0.0.1:{server.server_address[1]}"
    settings.HEMIS_OAUTH_CLIENT_ID = "hamkor"
    settings.HEMIS_OAUTH_CLIENT_SECRET = "s3cret"
    yield server
    server.shutdown()
    server.server_close()


def _start(client) -> str:
    response = client.get("/account/hemis/login/?next=/staff/agreements/")
    assert response.status_code == 302
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(response["Location"]).query)
    assert query["client_id"] == ["hamkor"] and query["response_type"] == ["code"]
    assert query["redirect_uri"] == ["http://testserver/account/hemis/callback/"]
    return query["state"][0]


def test_login_page_offers_hemis_only_when_configured(client, settings):
    assert "Log in with HEMIS" not in client.get("/account/login/").content.decode()
    settings.HEMIS_OAUTH_URL, settings.HEMIS_OAUTH_CLIENT_ID = "https://hemis.example.uz", "id"
    settings.HEMIS_OAUTH_CLIENT_SECRET = "secret"
    assert "Log in with HEMIS" in client.get("/account/login/").content.decode()


def test_hemis_signs_in_the_user_with_the_same_email(client, officer, hemis_oauth):
    state = _start(client)
    response = client.get(f"/account/hemis/callback/?state={state}&code={CODE}")
    assert response.status_code == 302 and response["Location"] == "/staff/agreements/"
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_a_wrong_state_or_code_signs_nobody_in(client, officer, hemis_oauth):
    _start(client)
    client.get(f"/account/hemis/callback/?state=forged&code={CODE}")
    assert "_auth_user_id" not in client.session
    state = _start(client)
    client.get(f"/account/hemis/callback/?state={state}&code=stolen")
    assert "_auth_user_id" not in client.session


def test_no_account_for_the_email_signs_nobody_in(client, officer, hemis_oauth):
    hemis_oauth.email = "stranger@example.org"
    state = _start(client)
    response = client.get(f"/account/hemis/callback/?state={state}&code={CODE}", follow=True)
    assert "_auth_user_id" not in client.session
    assert "No Hamkor account has the e-mail" in response.content.decode()


def test_hemis_does_not_skip_two_factor(client, admin, hemis_oauth):
    hemis_oauth.email = admin.email
    state = _start(client)
    client.get(f"/account/hemis/callback/?state={state}&code={CODE}")
    assert client.session["_auth_user_id"] == str(admin.pk)
    # An administrator must still enrol (or enter) an authenticator's code.
    assert client.get("/staff/webhooks/")["Location"].startswith("/account/two-factor/")
