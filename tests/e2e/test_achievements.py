"""An officer reads the achievements of a period and follows a figure to its records."""

from __future__ import annotations

import datetime
import re

from tests.e2e.conftest import expect, log_in, screenshot
from tests.e2e.test_accessibility import AXE, critical_violations


def test_an_officer_chooses_a_period_and_opens_the_records_of_a_figure(new_page, officer, home):
    from hamkor.agreements.tests.factories import (
        AgreementFactory,
        PartnerFactory,
        put_in_status,
    )

    for country, day in (("TR", datetime.date(2023, 5, 2)), ("BE", datetime.date(2019, 5, 2))):
        agreement = AgreementFactory(
            partners=[PartnerFactory(country=country, name=f"Partner of {country}")],
            title=f"Memorandum with {country}",
            signed_on=day,
            valid_from=day,
        )
        put_in_status(agreement, "active")
    page = new_page(bypass_csp=AXE.is_file())
    log_in(page, officer)
    page.goto("/staff/reports/achievements/")
    page.fill("#id_from", "2023-01-01")
    page.fill("#id_to", "2023-12-31")
    with page.expect_navigation():
        page.get_by_role("button", name="Show").click()
    signed = page.locator(".achievement-figure[data-key=agreements_signed]")
    expect(signed.locator(".achievement-value")).to_have_text("1")
    expect(page.locator(".public-statements")).to_contain_text(
        "In 2023, 1 cooperation agreement or memorandum was signed with universities of these "
        "countries: Türkiye."
    )
    with page.expect_navigation():
        signed.click()
    expect(page).to_have_url(re.compile(r"/staff/reports/achievements/agreements_signed/\?from="))
    expect(page.locator("h1")).to_have_text("Agreements and memorandums signed")
    expect(page.locator("#results table")).to_contain_text("Memorandum with TR")
    expect(page.locator("#results table")).not_to_contain_text("Memorandum with BE")
    screenshot(page, "achievements-records")
    if AXE.is_file():
        assert critical_violations(page) == []
