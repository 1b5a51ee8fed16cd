"""A committee member logs in on a phone, finds the call they review, scores an application
on each criterion, and sees it marked scored; the office then reads the averages."""

from __future__ import annotations

from decimal import Decimal

from tests.e2e.conftest import DESKTOP, PHONE, expect, log_in, screenshot


def test_a_reviewer_scores_an_application(new_page, live_server, officer):
    from hamkor.calls.models import Score
    from hamkor.calls.tests.committee_world import (
        call_under_evaluation,
        places,
        reviewer,
        submitted,
    )

    call = call_under_evaluation()
    application = submitted(call, *places(call), name="Rahimova")
    application.motivation = "I want to study linguistics in Ankara."
    application.save(update_fields=["motivation"])
    member = reviewer(call, "committee-member")

    page = new_page(viewport=PHONE)
    log_in(page, member)
    page.goto("/staff/reviews/")
    with page.expect_navigation():
        page.get_by_role("link", name="Erasmus+ KA171 call").click()
    queue = page.locator("ul.review-queue")
    expect(queue).to_contain_text("0 of 3 scored")
    with page.expect_navigation():
        queue.get_by_role("link", name="Rahimova").click()
    expect(page.locator(".motivation")).to_contain_text("linguistics in Ankara")

    form = page.locator("form.score-form")
    form.get_by_label("GPA (40 %)").fill("88.5")
    form.get_by_label("Language (30 %)").fill("75")
    form.get_by_label("Motivation (30 %)").fill("90")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    with page.expect_navigation():
        form.get_by_role("button", name="Save my scores").click()

    expect(page.locator(".alert-success")).to_contain_text("are saved")
    expect(page.locator("ul.review-queue")).to_contain_text("Scored")
    # Last on this page: a full-page screenshot resizes the page while it is taken.
    screenshot(page, "reviewer-scored")
    assert sorted(Score.objects.filter(reviewer=member).values_list("value", flat=True)) == [
        Decimal("75.00"),
        Decimal("88.50"),
        Decimal("90.00"),
    ]

    for viewport in (PHONE, DESKTOP):
        office = new_page(viewport=viewport)
        log_in(office, officer)
        office.goto(f"/staff/calls/{call.pk}/scores/")
        row = office.locator("tr.score-row")
        expect(row).to_contain_text("Rahimova")
        expect(row.locator(".average").first).to_have_text("88.50")
        expect(row).to_contain_text("84.90")  # 0.4 x 88.5 + 0.3 x 75 + 0.3 x 90
        width = office.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"]
