"""Changes to a second factor: the set-up page closed to a password alone, replacement with
the old code, recovery codes, an administrator's reset; each in the history and e-mailed."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import login
from hamkor.accounts import twofactor
from hamkor.accounts.tests.test_two_factor import RECOVERY_CODE, code_for, wrong_code_for

SETUP = "/account/two-factor/setup/"
VERIFY = "/account/two-factor/verify/"
CODES = "/account/two-factor/recovery-codes/"
DASHBOARD = "/staff/"


@pytest.fixture
def admin_device(admin) -> TOTPDevice:
    """The administrator's phone, enrolled earlier, with ten recovery codes."""
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    return device


@pytest.fixture
def recovery(admin, admin_device) -> list[str]:
    return twofactor._new_codes(admin)


def reasons(user) -> list[str]:
    return list(user.history.values_list("history_change_reason", flat=True))


def test_setup_page_refuses_a_password_only_session_with_a_device(client, admin, admin_device):
    # The attack: a stolen password, then the set-up page to enrol the thief's phone.
    client.force_login(admin)
    response = client.get(SETUP)
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == VERIFY
    assert parse_qs(location.query)["next"] == [SETUP]
    assert not TOTPDevice.objects.filter(user=admin, confirmed=False).exists()


def test_setup_post_with_a_password_only_session_enrols_nothing(client, admin, admin_device):
    client.force_login(admin)
    thief = TOTPDevice.objects.create(user=admin, name="thief", confirmed=False)
    response = client.post(SETUP, {"token": code_for(thief), "current": "123456"})
    assert urlsplit(response["Location"]).path == VERIFY
    thief.refresh_from_db()
    assert not thief.confirmed
    assert list(TOTPDevice.objects.filter(user=admin, confirmed=True)) == [admin_device]
    # Still locked out of the staff pages.
    assert urlsplit(client.get("/staff/users/")["Location"]).path == VERIFY
    assert mail.outbox == []


def test_setup_in_a_verified_session_still_requires_the_current_code(client, admin, admin_device):
    login(client, admin)
    page = client.get(SETUP)
    assert page.status_code == 200
    assert 'name="current"' in page.text
    new = TOTPDevice.objects.get(user=admin, confirmed=False)
    response = client.post(SETUP, {"current": wrong_code_for(admin_device), "token": code_for(new)})
    assert response.status_code == 400
    assert "neither a code of your current authenticator" in response.text
    new.refresh_from_db()
    assert not new.confirmed
    assert TOTPDevice.objects.filter(pk=admin_device.pk, confirmed=True).exists()


def test_replacing_with_the_current_code_swaps_the_phone_logs_and_mails(
    client, admin, admin_device, recovery, django_capture_on_commit_callbacks
):
    login(client, admin)
    client.get(SETUP)
    new = TOTPDevice.objects.get(user=admin, confirmed=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SETUP, {"current": code_for(admin_device), "token": code_for(new)})
    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=admin)) == [new]
    new.refresh_from_db()
    assert new.confirmed
    # The recovery codes stay valid: the user did not lose them.
    assert twofactor.recovery_codes_left(admin) == 10
    assert reasons(admin)[0] == "accounts.user.two_factor_replaced"
    assert admin.history.first().history_user == admin
    assert [m.to for m in mail.outbox] == [[admin.email]]
    assert "The authenticator app of your account was replaced." in mail.outbox[0].body


def test_replacing_with_a_recovery_code_when_the_phone_is_lost(
    client, admin, admin_device, recovery
):
    client.force_login(admin)
    client.post(VERIFY, {"token": recovery[0]})
    client.get(SETUP)
    new = TOTPDevice.objects.get(user=admin, confirmed=False)
    response = client.post(SETUP, {"current": recovery[1], "token": code_for(new)})
    assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user=admin, confirmed=True)) == [new]
    assert twofactor.recovery_codes_left(admin) == 8


def test_first_enrolment_is_logged_and_mailed(client, officer, django_capture_on_commit_callbacks):
    client.force_login(officer)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=officer, confirmed=False)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SETUP, {"token": code_for(device)})
    assert reasons(officer)[0] == "accounts.user.two_factor_enrolled"
    assert "An authenticator app was set up for your account." in mail.outbox[0].body


def test_recovery_code_passes_verification_once(
    client, admin, admin_device, recovery, django_capture_on_commit_callbacks
):
    client.force_login(admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{VERIFY}?next=/staff/users/", {"token": recovery[0].upper()})
    assert response.status_code == 302
    assert response["Location"] == "/staff/users/"
    assert client.get("/staff/users/").status_code == 200
    assert twofactor.recovery_codes_left(admin) == 9
    assert reasons(admin)[0] == "accounts.user.two_factor_recovery_code_used"
    assert "A recovery code was used" in mail.outbox[0].body

    client.post("/account/logout/")
    client.force_login(admin)
    again = client.post(VERIFY, {"token": recovery[0]})
    assert again.status_code == 400
    assert "This code is not valid." in again.text
    assert urlsplit(client.get(DASHBOARD)["Location"]).path == VERIFY


def test_recovery_code_of_another_user_is_refused(client, admin, admin_device, officer):
    TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    officers_codes = twofactor._new_codes(officer)
    client.force_login(admin)
    twofactor._new_codes(admin)
    response = client.post(VERIFY, {"token": officers_codes[0]})
    assert response.status_code == 400
    assert twofactor.recovery_codes_left(officer) == 10


def test_recovery_codes_regenerated_in_a_verified_session_replace_the_old(
    client, admin, admin_device, recovery
):
    login(client, admin)
    assert "You have 10 unused recovery codes." in client.get(CODES).text
    response = client.post(CODES)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    fresh = RECOVERY_CODE.findall(response.text)
    assert len(fresh) == 10
    assert not set(fresh) & set(recovery)
    assert reasons(admin)[0] == "accounts.user.two_factor_recovery_codes_regenerated"
    # The old codes no longer verify, the new ones do.
    client.post("/account/logout/")
    client.force_login(admin)
    assert client.post(VERIFY, {"token": recovery[2]}).status_code == 400
    StaticDevice.objects.filter(user=admin).update(throttling_failure_count=0)
    assert client.post(VERIFY, {"token": fresh[0]}).status_code == 302


def test_recovery_codes_page_needs_a_verified_session(client, admin, admin_device, recovery):
    client.force_login(admin)
    response = client.post(CODES)
    assert urlsplit(response["Location"]).path == VERIFY
    tokens = set(StaticToken.objects.filter(device__user=admin).values_list("token", flat=True))
    assert len(tokens) == 10
    assert twofactor.recovery_codes_left(admin) == 10


def test_administrator_resets_another_users_two_factor(
    client, admin, officer, django_capture_on_commit_callbacks
):
    TOTPDevice.objects.create(user=officer, name="lost phone", confirmed=True)
    twofactor._new_codes(officer)
    login(client, admin)
    detail = client.get(f"/staff/users/{officer.pk}/")
    assert "Reset two-factor authentication" in detail.text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/staff/users/{officer.pk}/two-factor-reset/", follow=True)
    assert "are removed" in response.text
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticDevice.objects.filter(user=officer).exists()
    record = officer.history.first()
    assert record.history_change_reason == "accounts.user.two_factor_reset"
    assert record.history_user == admin
    assert [m.to for m in mail.outbox] == [[officer.email]]
    assert str(admin) in mail.outbox[0].body
    # The history page shows the event to administrators.
    assert "Two-factor sign-in reset" in client.get(f"/staff/users/{officer.pk}/history/").text


def test_administrator_cannot_reset_their_own_two_factor(client, admin, admin_device):
    login(client, admin)
    assert "Reset two-factor authentication" not in client.get(f"/staff/users/{admin.pk}/").text
    response = client.post(f"/staff/users/{admin.pk}/two-factor-reset/", follow=True)
    assert "Replace your own authenticator" in response.text
    assert TOTPDevice.objects.filter(pk=admin_device.pk).exists()


def test_officer_cannot_reset_anyones_two_factor(client, officer, admin, admin_device):
    login(client, officer)
    response = client.post(f"/staff/users/{admin.pk}/two-factor-reset/")
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(pk=admin_device.pk).exists()


def test_turning_off_is_logged_and_mailed(client, officer, django_capture_on_commit_callbacks):
    device = TOTPDevice.objects.create(user=officer, name="phone", confirmed=True)
    login(client, officer)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/account/two-factor/disable/")
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    assert reasons(officer)[0] == "accounts.user.two_factor_disabled"
    assert "turned off" in mail.outbox[0].body
