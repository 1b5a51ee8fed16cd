"""The key pages under the Content Security Policy with scripts running: not one inline
style or script refused (the browser reports each refusal as a console error and as a
``securitypolicyviolation`` event; both fail the test)."""

from __future__ import annotations

from tests.e2e.conftest import expect, log_in
from tests.e2e.test_dashboard import CHART_DRAWN_JS, work

# Playwright's init script runs before the page's own and is not subject to its policy.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


def violations(page) -> list[str]:
    found = page.evaluate("window.__cspViolations")
    assert isinstance(found, list), "the violations recorder did not run"
    return found


def test_csp_key_staff_pages_refuse_nothing(page, officer, faculty_a, browser_problems):
    from hamkor.core import jobs
    from hamkor.core.models import Job
    from hamkor.partners.tests.factories import InstitutionFactory

    work(faculty_a)
    institution = InstitutionFactory()
    job = jobs.job_create(owner=officer, kind=Job.Kind.EXPORT, model="partners.Institution")
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, done=30, total=120)
    page.add_init_script(RECORD_VIOLATIONS)
    log_in(page, officer)
    seen = {}

    page.goto("/staff/institutions/")
    expect(page.locator("#results tbody tr").first).to_be_visible()
    seen["list"] = violations(page)

    page.goto(institution.get_absolute_url())
    tabs = page.locator("[data-bs-toggle=tab]")
    for index in range(tabs.count()):
        tabs.nth(index).click()
    modals = page.locator("[data-bs-toggle=modal]")
    if modals.count():
        modals.first.click()
        expect(page.locator(".modal.show")).to_be_visible()
    seen["detail"] = violations(page)

    page.goto("/staff/reports/dashboard/?from=2022-01-01&to=2025-12-31")
    page.wait_for_function(CHART_DRAWN_JS, arg="agreements_by_year")
    expect(page.locator("#partner-map svg")).to_have_count(1)
    expect(page.locator(".map-legend svg.map-swatch rect").first).to_be_attached()
    seen["dashboard"] = violations(page)

    page.goto(job.get_absolute_url())
    bar = page.locator(".progress-bar")
    expect(bar).to_have_text("25%")
    assert page.evaluate("document.querySelector('.progress-bar').style.width") == "25%"
    seen["job"] = violations(page)

    page.goto("/api/docs/")
    expect(page.locator(".swagger-ui .info")).to_be_visible()
    seen["api docs"] = violations(page)

    page.goto("/api/v1/")
    expect(page.locator(".response-info")).to_be_visible()
    seen["api browser"] = violations(page)

    page.goto("/account/two-factor/setup/")
    expect(page.locator("code.totp-secret")).to_be_visible()
    expect(page.locator("main svg, main img").first).to_be_visible()
    seen["two-factor setup"] = violations(page)

    page.goto("/en/")
    seen["public home"] = violations(page)
    assert not any(seen.values()), seen

    # The watch sees a refusal: a style attribute set by a script is one.
    page.evaluate("document.body.setAttribute('style', 'color: red')")
    page.wait_for_function("window.__cspViolations.length > 0")
    assert "style-src-attr" in violations(page)[0]
    refused = [p for p in browser_problems if "Content Security Policy" in p]
    assert refused
    for problem in refused:
        browser_problems.remove(problem)
