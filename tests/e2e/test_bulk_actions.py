"""Bulk actions: an officer ticks two agreements and moves both to negotiation at once."""

from __future__ import annotations

import re

from tests.e2e.conftest import PHONE, expect, log_in


def test_bulk_transition_on_two_selected_rows(new_page, officer, home):
    from hamkor.agreements.models import Agreement
    from hamkor.agreements.tests.factories import AgreementFactory

    drafts = [AgreementFactory(status=Agreement.Status.DRAFT, title=f"Draft {n}") for n in range(3)]
    page = new_page(viewport=PHONE)
    log_in(page, officer)
    page.goto("/staff/agreements/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    for agreement in drafts[:2]:
        page.locator(f"input[data-bulk-row][value='{agreement.pk}']").check()
    expect(page.locator("[data-bulk-count]")).to_have_text(re.compile(r"\b2\b"))
    page.locator("#bulk-action").select_option("transition:negotiate")
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()

    expect(page.locator(".alert-success")).to_contain_text("Done for 2 rows.")
    statuses = [Agreement.objects.get(pk=a.pk).status for a in drafts]
    assert statuses == ["negotiation", "negotiation", "draft"]


def test_bulk_select_all_on_the_page_and_choose_a_faculty(page, officer, home, faculty_a):
    from hamkor.agreements.tests.factories import AgreementFactory

    agreements = [AgreementFactory(title=f"Agreement {n}") for n in range(2)]
    log_in(page, officer)
    page.goto("/staff/agreements/")

    page.locator("input[data-bulk-page]").check()
    expect(page.locator("[data-bulk-count]")).to_have_text(re.compile(r"\b2\b"))
    expect(page.locator("#bulk-faculty")).to_be_hidden()
    page.locator("#bulk-action").select_option("assign_faculty")
    page.locator("#bulk-faculty").select_option(str(faculty_a.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Apply").click()

    expect(page.locator(".alert-success")).to_contain_text("Done for 2 rows.")
    assert all(a.scope_units.filter(pk=faculty_a.pk).exists() for a in agreements)
