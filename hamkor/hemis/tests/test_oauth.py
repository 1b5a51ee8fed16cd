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
            answer = {"id": self.server.hemis_id, "login": "officer", "email": self.server.email}
            return self._send(200, answer)
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
    server.hemis_id = "4021"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.HEMIS_OAUTH_URL = f"http://127.0.0.1:{server.server_address[1]}"
    settings.HEMIS_OAUTH_CLIENT_ID = "hamkor"
    settings.HEMIS_OAUTH_CLIENT_SECRET = "s3cret"
    yield server
    server.shutdown()
    server.server_close()


def linked(user, hemis_id: str = "4021") -> None:
    """The person HEMIS's import matched to ``user`` under HEMIS id ``hemis_id``."""
    from hamkor.hemis.models import HemisLink
    from hamkor.mobility.models import Person

    person = Person.objects.create(
        category=Person.Category.STAFF, last_name="Karimov", first_name="Aziz", user=user
    )
    HemisLink.objects.create(kind=HemisLink.Kind.EMPLOYEE, hemis_id=hemis_id, person=person)


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


def test_hemis_signs_in_the_user_its_import_linked_to_that_hemis_id(client, officer, hemis_oauth):
    linked(officer)
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


def test_no_linked_account_signs_nobody_in(client, officer, hemis_oauth):
    linked(officer, hemis_id="777")
    state = _start(client)
    response = client.get(f"/account/hemis/callback/?state={state}&code={CODE}", follow=True)
    assert "_auth_user_id" not in client.session
    assert "not linked to a Hamkor account" in response.content.decode()


def test_a_hemis_email_like_an_administrators_opens_no_account(client, admin, hemis_oauth):
    """Whoever can change their e-mail in HEMIS to an administrator's does not become one."""
    hemis_oauth.email = admin.email.upper()
    state = _start(client)
    client.get(f"/account/hemis/callback/?state={state}&code={CODE}")
    assert "_auth_user_id" not in client.session


def test_hemis_does_not_skip_two_factor(client, admin, hemis_oauth):
    linked(admin)
    state = _start(client)
    client.get(f"/account/hemis/callback/?state={state}&code={CODE}")
    assert client.session["_auth_user_id"] == str(admin.pk)
    # An administrator must still enrol (or enter) an authenticator's code.
    assert client.get("/staff/webhooks/")["Location"].startswith("/account/two-factor/")
