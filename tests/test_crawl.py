"""Crawl and fuzz: each persona follows every link it is shown (bounded) on the demo data
and sends every form it is shown, empty and with hostile values (``hamkor.core.testing.crawl``).

No answer is a server error, no hostile marker comes back unescaped, no GET writes to the
database, every file served (exports, PDFs, documents) is an attachment with
``X-Content-Type-Options: nosniff`` and, to a signed-in user, ``Cache-Control: private,
no-store``, and no answer takes longer than a generous bound (a loaded CI machine is slow; a
page past it is broken, not slow). The slowest answers are printed.
"""

from __future__ import annotations

import pytest

from conftest import login
from hamkor.core.testing.crawl import Crawler

PERSONAS = {
    "admin": "admin@hamkor.demo",
    "officer": "officer@hamkor.demo",
    "coordinator": "coordinator@hamkor.demo",
    "leadership": "rector@hamkor.demo",
    "reviewer": "reviewer@hamkor.demo",
    "applicant": "student@hamkor.demo",
    "anonymous": None,
}
MAX_PAGES = 150
SLOW_SECONDS = 10.0
# A form is fuzzed by the first persona shown it (the same form, scoped to another role,
# validates its input alike); each persona still opens every page it is shown.
FUZZED_FORMS: set[str] = set()


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_and_form_a_persona_is_shown_holds(persona, demo, client, settings):
    from hamkor.accounts.models import User

    settings.LANGUAGE_CODE = "uz"
    email = PERSONAS[persona]
    if email:
        login(client, User.objects.get(email=email))
    crawler = Crawler(client, max_pages=MAX_PAGES, fuzzed=FUZZED_FORMS, private=bool(email))

    crawler.crawl("/", "/staff/", "/uz/")

    print(
        f"\n{persona}: {len(crawler.visited)} pages, {len(crawler.fuzzed)} forms, "
        f"{crawler.requests} requests; files served: {sorted(crawler.downloads)}; slowest:"
    )
    for seconds, what in crawler.slowest(5):
        print(f"  {seconds:6.2f} s  {what[:150]}")
    slow = [
        f"{seconds:.1f} s {what}" for seconds, what in crawler.timings if seconds > SLOW_SECONDS
    ]
    problems = [str(finding) for finding in crawler.findings] + slow
    assert not problems, "\n".join(problems[:60])
