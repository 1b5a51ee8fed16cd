"""A background job's page follows the job by itself (htmx polling) and stops when it ends."""

from __future__ import annotations

import io

from tests.e2e.conftest import PHONE, expect, log_in


def test_the_job_page_shows_progress_then_the_download_without_a_reload(new_page, officer):
    from hamkor.core import jobs
    from hamkor.core.models import Job

    job = jobs.job_create(owner=officer, kind=Job.Kind.EXPORT, model="partners.Institution")
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, done=30, total=120)
    page = new_page(viewport=PHONE)
    log_in(page, officer)
    page.goto(job.get_absolute_url())
    expect(page.locator("[role=progressbar]")).to_have_attribute("aria-valuenow", "25")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # The worker moves on: the page shows it within a poll or two.
    Job.objects.filter(pk=job.pk).update(done=90)
    expect(page.locator("[role=progressbar]")).to_have_attribute("aria-valuenow", "75")
    jobs.job_attach(job, handle=io.BytesIO(b"a,b\n"), name="institutions.csv")
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.DONE, done=120, result=job.result.name, result_name=job.result_name
    )
    expect(page.locator("[data-job-status]")).to_have_text("Done")
    expect(page.get_by_role("link", name="Download institutions.csv")).to_be_visible()
    # Finished: the partial carries no trigger any more, so the page stops asking.
    expect(page.locator("#job-progress")).not_to_have_attribute("hx-trigger", "every 1s")
