"""The hostile file corpus (``hostile_files.py``) fed to every upload point: each file is
refused with a message in the user's language, with no server error and nothing kept, in
bounded time and memory (generous ceilings, as the security issue asks; the figures are
printed). Sound files under hostile names are kept under a safe name."""

from __future__ import annotations

import time
import tracemalloc

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hamkor.core.models import Document, DocumentVersion, ImportJob
from hamkor.core.tests.hostile_files import HOSTILE_NAMES, SOUND_PNG, corpus
from hamkor.core.tests.sample_files import REFUSED_TYPE

CORPUS = corpus()
SECONDS_BOUND = 10.0  # under tracemalloc, which slows Python several times
MEMORY_BOUND = 200 * 1024 * 1024
NOT_A_PICTURE = "This file is not a picture"


def measured(send):
    """``send()``'s answer, its duration and its peak of traced memory."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        response = send()
    finally:
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return response, seconds, peak


def each_refused(point: str, send, refused) -> None:
    """Send every file of the corpus through ``send(name, content)``; each answer must
    satisfy ``refused(response)``, within the bounds. A first request (templates, lazy
    imports, XML schemas) is sent untimed."""
    send(*CORPUS["svg as pdf"])  # for the EWP import, its schemas are read once
    failures = []
    for case, (name, content) in CORPUS.items():
        response, seconds, peak = measured(lambda n=name, c=content: send(n, c))
        print(f"\n{point:16} {case:24} {seconds:6.3f} s {peak / 1e6:7.1f} MB", end="")
        if seconds > SECONDS_BOUND or peak > MEMORY_BOUND or not refused(response):
            failures.append(f"{case}: {response.status_code}, {seconds:.1f} s, {peak} B")
    assert not failures, "\n".join(failures)


@pytest.fixture
def agreement(faculty_a):
    from hamkor.agreements.tests.factories import AgreementFactory

    return AgreementFactory(units=[faculty_a])


def _document_add_url(record) -> str:
    content_type = ContentType.objects.get_for_model(record)
    return f"/staff/documents/add/{content_type.pk}/{record.pk}/"


def test_a_document_upload_refuses_each_hostile_file(as_user, agreement):
    client = as_user("officer")

    def send(name, content):
        upload = SimpleUploadedFile(name, content)
        url = _document_add_url(agreement)
        return client.post(url, {"file": upload, "kind": "signed"}, follow=True)

    each_refused("documents", send, lambda r: r.status_code == 200 and REFUSED_TYPE in r.text)
    assert not Document.objects.exists()


def test_a_call_application_refuses_each_hostile_file(as_user, applicant, faculty_a):
    from hamkor.calls.applying import application_start
    from hamkor.calls.tests.factories import open_call, person_for

    call = open_call(required_documents=["transcript"])
    person_for(applicant, faculty_a)
    application = application_start(call=call, actor=applicant)
    client = as_user("applicant")
    url = reverse("calls:my_application_upload", args=[application.pk])

    def send(name, content):
        upload = SimpleUploadedFile(name, content)
        return client.post(url, {"file": upload, "kind": "transcript"})

    each_refused("call documents", send, lambda r: r.status_code == 400 and REFUSED_TYPE in r.text)
    assert not application.documents.exists()


def test_a_site_image_upload_refuses_each_hostile_file(as_user):
    from hamkor.website.content.models import SiteImage

    client = as_user("officer")

    def send(name, content):
        upload = SimpleUploadedFile(name, content)
        return client.post("/staff/site-images/add/", {"alt_uz": "Rasm", "upload": upload})

    # "not a picture", "Only JPEG, PNG and WebP pictures", "too many pixels"…
    each_refused("site images", send, lambda r: r.status_code == 400 and "picture" in r.text)
    assert not SiteImage.objects.exists()


def test_an_import_refuses_each_hostile_file(as_user, home):
    client = as_user("officer")

    def send(name, content):
        return client.post("/staff/units/import/", {"file": SimpleUploadedFile(name, content)})

    each_refused("imports", send, lambda r: r.status_code == 400 and "alert-danger" in r.text)
    assert not ImportJob.objects.exists()


def test_the_ewp_import_refuses_each_hostile_file(as_user, home):
    from hamkor.agreements.models import Agreement

    client = as_user("officer")

    def send(name, content):
        upload = SimpleUploadedFile(name, content)
        return client.post(reverse("ewp:iia_import"), {"file": upload})

    each_refused("EWP import", send, lambda r: r.status_code == 400 and "alert-danger" in r.text)
    assert not Agreement.objects.exists()


@pytest.mark.parametrize("case", HOSTILE_NAMES)
def test_a_sound_file_under_a_hostile_name_is_kept_under_a_safe_one(case, as_user, agreement):
    client = as_user("officer")
    upload = SimpleUploadedFile(HOSTILE_NAMES[case], SOUND_PNG())

    client.post(_document_add_url(agreement), {"file": upload, "kind": "signed"})

    version = DocumentVersion.objects.get()
    for stored in (version.file.name, version.filename):
        assert ".." not in stored and "\\" not in stored and "\x00" not in stored
        assert "\u202e" not in stored
    assert "/" not in version.filename and len(version.filename) <= 255
    assert version.file.storage.exists(version.file.name)
    response = client.get(reverse("core:document_download", args=[version.pk]))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert "/" not in disposition and "\x00" not in disposition and "\u202e" not in disposition
    assert disposition.rstrip('"').endswith(".png")
