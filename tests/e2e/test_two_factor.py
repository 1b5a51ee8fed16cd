"""An administrator's second factor in the browser, on a phone: enrol, keep the recovery
codes, come back with a recovery code; a password alone never reaches the set-up page."""

from __future__ import annotations

import base64

from tests.e2e.conftest import PHONE, expect, log_in


def test_admin_enrols_keeps_codes_and_logs_in_with_one(new_page, admin):
    from django_otp.oath import totp

    from hamkor.accounts.tests.factories import PASSWORD

    page = new_page(viewport=PHONE)
    page.goto("/account/login/")
    page.fill("input[name=username]", admin.email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.url.endswith("/account/two-factor/setup/")
    secret = page.locator("code.totp-secret").inner_text().strip()
    page.fill("input[name=token]", f"{totp(base64.b32decode(secret)):06d}")
    with page.expect_navigation():
        page.click("main form:has(input[name=token]) button[type=submit]")
    codes = page.locator("ol.recovery-codes li")
    expect(codes).to_have_count(10)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    first_code = codes.first.inner_text().strip()
    with page.expect_navigation():
        page.click("main a.btn-primary")
    page.locator("form[action='/account/logout/'] button").first.dispatch_event("click")
    page.wait_for_url("**/account/login/")

    # A password alone: the set-up page sends to the code.
    page.fill("input[name=username]", admin.email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")
    page.goto("/account/two-factor/setup/")
    assert "/account/two-factor/verify/" in page.url
    expect(page.locator("code.totp-secret")).to_have_count(0)

    page.fill("input[name=token]", first_code)
    with page.expect_navigation():
        page.click("main form:has(input[name=token]) button[type=submit]")
    # Back where it was going: moving the authenticator, now asking for a second code.
    assert page.url.endswith("/account/two-factor/setup/")
    expect(page.locator("h1")).to_have_text("Move the authenticator to another phone")
    expect(page.locator("input[name=current]")).to_be_visible()
    expect(page.get_by_text("You used a recovery code; 9 are left.")).to_be_visible()
    page.goto("/staff/users/")
    assert page.url.endswith("/staff/users/")


def test_admin_logs_in_again_with_the_app(page, admin):
    log_in(page, admin)
    expect(page.locator("h1").first).to_be_visible()
    assert page.url.endswith("/staff/")
