"""Every view that serves a private file, on the demo data, as the officer: an attachment,
``X-Content-Type-Options: nosniff`` and ``Cache-Control: private, no-store`` (the crawl,
``tests/test_crawl.py``, checks the same of every file it reaches: list exports, the
dashboard's export, the events feed)."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from conftest import login
from hamkor.core.tests.sample_files import png_bytes


def _private_file_urls(officer) -> dict[str, str]:
    from hamkor.agreements.models import Agreement
    from hamkor.calls.models import Call
    from hamkor.core.documents import document_add
    from hamkor.events.models import Participant
    from hamkor.mobility.models import Mobility

    call = Call.objects.get(programme=Call.Programme.BILATERAL)
    letter = Mobility.objects.exclude(invitation_reference="").exclude(
        invitation_reference__isnull=True
    )
    letter = next(m for m in letter if not m.is_outgoing)
    participant = Participant.objects.exclude(certificate_reference="").first()
    document = document_add(
        record=Agreement.objects.first(),
        kind="signed",
        upload=SimpleUploadedFile("scan.png", png_bytes()),
        actor=officer,
    )
    return {
        "document": reverse("core:document_download", args=[document.current.pk]),
        "selection file": reverse("calls:call_selection_json", args=[call.pk]),
        "scores workbook": reverse("calls:call_scores_xlsx", args=[call.pk]),
        "ranking PDF": reverse("calls:call_ranking_pdf", args=[call.pk]),
        "invitation letter": reverse("mobility:mobility_letter", args=[letter.pk]),
        "certificate": reverse("events:participant_certificate", args=[participant.pk]),
        "import template": "/staff/units/import/?template=xlsx",
        "list export": "/staff/agreements/?export=xlsx",
    }


def test_every_private_file_is_an_attachment_unsniffed_and_uncached(demo, client):
    from hamkor.accounts.models import User

    officer = User.objects.get(email="officer@hamkor.demo")
    login(client, officer)
    problems = []
    for what, url in _private_file_urls(officer).items():
        response = client.get(url)
        headers = (
            response.status_code,
            response.get("Content-Disposition", "").split(";")[0],
            response.get("X-Content-Type-Options"),
            response.get("Cache-Control"),
        )
        cache = headers[3] or ""
        if headers[:3] != (200, "attachment", "nosniff") or not (
            "private" in cache and "no-store" in cache
        ):
            problems.append(f"{what} {url}: {headers}")
    assert not problems, "\n".join(problems)
