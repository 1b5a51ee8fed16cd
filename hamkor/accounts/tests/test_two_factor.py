"""Two-factor authentication: required for administrators, a choice for the other staff."""

from __future__ import annotations

import re
from base64 import b32encode
from urllib.parse import urlsplit

from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import login
from hamkor.accounts.tests.factories import PASSWORD

DASHBOARD = "/staff/"
SETUP = "/account/two-factor/setup/"
VERIFY = "/account/two-factor/verify/"
DISABLE = "/account/two-factor/disable/"


def code_for(device: TOTPDevice) -> str:
    """The code the authenticator app shows now.

    A code is accepted once, and a wrong one makes the next try wait; forgetting both stands
    in for waiting half a minute for the app to show a new code.
    """
    TOTPDevice.objects.filter(pk=device.pk).update(
        last_t=-1, throttling_failure_count=0, throttling_failure_timestamp=None
    )
    device.refresh_from_db()
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def wrong_code_for(device: TOTPDevice) -> str:
    """A six-digit code the device accepts at no moment near now."""
    near = {
        totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
        for drift in range(-2, 3)
    }
    return f"{next(n for n in range(1_000_000) if n not in near):06d}"


RECOVERY_CODE = re.compile(r"<li>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})</li>")


def enrol(client, user) -> TOTPDevice:
    """Open the setup page and confirm with the code the app shows."""
    assert client.get(SETUP).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SETUP, {"token": code_for(device)})
    assert response.status_code == 200
    assert len(RECOVERY_CODE.findall(response.text)) == 10
    return device


def test_two_factor_administrator_with_password_only_is_sent_to_setup(client, admin):
    client.force_login(admin)
    for page in (DASHBOARD, "/staff/users/", "/staff/units/", "/staff/outbox/"):
        response = client.get(page)
        assert response.status_code == 302, page
        assert response["Location"] == SETUP, page


def test_two_factor_setup_page_shows_the_key_to_type(client, admin):
    client.force_login(admin)
    response = client.get(SETUP)
    assert "Your role requires two-factor authentication." in response.text
    assert "<svg" in response.text
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    assert b32encode(device.bin_key).decode() in response.text


def test_two_factor_enrolment_with_a_correct_code_shows_recovery_codes_once(client, admin):
    client.force_login(admin)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    response = client.post(SETUP, {"token": code_for(device)})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    codes = RECOVERY_CODE.findall(response.text)
    assert len(set(codes)) == 10
    assert f'href="{DASHBOARD}"' in response.text
    assert "Two-factor authentication is on." in response.text
    device.refresh_from_db()
    assert device.confirmed
    # Stored as digests only: no code can be read back from the database.
    stored = set(StaticToken.objects.filter(device__user=admin).values_list("token", flat=True))
    assert len(stored) == 10
    assert not stored & {c.replace("-", "") for c in codes} and not stored & set(codes)
    assert client.get("/staff/users/").status_code == 200


def test_two_factor_enrolment_with_a_wrong_code_is_refused(client, admin):
    client.force_login(admin)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    response = client.post(SETUP, {"token": wrong_code_for(device)})
    assert response.status_code == 400
    assert "This code is not valid." in response.text
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get(DASHBOARD)["Location"] == SETUP


def test_two_factor_enrolment_with_letters_asks_for_six_digits(client, admin):
    client.force_login(admin)
    response = client.post(SETUP, {"token": "abcdef"})
    assert response.status_code == 400
    assert "Enter the six digits the app shows." in response.text


def test_two_factor_officer_uses_staff_pages_without_it(client, officer):
    client.force_login(officer)
    assert client.get(DASHBOARD).status_code == 200
    assert client.get("/staff/units/").status_code == 200


def test_two_factor_officer_who_enrolled_must_enter_a_code_at_next_login(client, officer):
    client.force_login(officer)
    device = enrol(client, officer)
    client.post("/account/logout/")

    client.post("/account/login/", {"username": officer.email, "password": PASSWORD})
    verify_page = client.get("/staff/units/")["Location"]
    assert urlsplit(verify_page).path == VERIFY

    response = client.post(verify_page, {"token": wrong_code_for(device)})
    assert response.status_code == 400
    assert "This code is not valid." in response.text

    response = client.post(verify_page, {"token": code_for(device)})
    assert response["Location"] == "/staff/units/"
    assert client.get("/staff/units/").status_code == 200


def test_two_factor_verify_ignores_a_next_address_elsewhere(client, officer):
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    client.force_login(officer)
    response = client.post(f"{VERIFY}?next=http://evil.example/", {"token": code_for(device)})
    assert response["Location"] == DASHBOARD


def test_two_factor_officer_can_turn_it_off(client, officer):
    client.force_login(officer)
    enrol(client, officer)
    response = client.post(DISABLE, follow=True)
    assert "Two-factor authentication is off." in response.text
    assert not TOTPDevice.objects.filter(user=officer).exists()

    client.post("/account/logout/")
    client.post("/account/login/", {"username": officer.email, "password": PASSWORD})
    assert client.get(DASHBOARD).status_code == 200


def test_two_factor_administrator_cannot_turn_it_off(client, admin):
    login(client, admin)
    response = client.post(DISABLE, follow=True)
    assert "Your role requires two-factor authentication." in response.text
    assert TOTPDevice.objects.filter(user=admin, confirmed=True).exists()
    assert client.get(DASHBOARD).status_code == 200


def test_two_factor_required_roles_setting_makes_officers_enrol(client, officer, settings):
    settings.TWO_FACTOR_REQUIRED_ROLES = ["administrator", "officer"]
    client.force_login(officer)
    assert client.get(DASHBOARD)["Location"] == SETUP
    enrol(client, officer)
    assert client.get(DASHBOARD).status_code == 200
    response = client.post(DISABLE, follow=True)
    assert "Your role requires two-factor authentication." in response.text
    assert TOTPDevice.objects.filter(user=officer, confirmed=True).exists()


def test_two_factor_applicant_is_never_asked(client, applicant):
    client.force_login(applicant)
    assert client.get("/account/profile/").status_code == 200


def test_two_factor_verify_returns_to_the_page_asked_for_with_its_query(client, officer):
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    client.force_login(officer)
    asked_for = "/staff/units/?q=phil&sort=name_uz"
    verify_page = client.get(asked_for)["Location"]
    response = client.post(verify_page, {"token": code_for(device)})
    assert response["Location"] == asked_for
