"""Documents attached to records, shown on agreements: what is accepted, kept and served."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from hamkor.agreements.models import Agreement
from hamkor.core.documents import (
    can_change_record,
    can_view_record,
    document_add,
    document_add_version,
    documents_context,
    documents_for,
)
from hamkor.core.files import CONTENT_TYPES
from hamkor.core.models import Document, DocumentVersion
from hamkor.core.tests.sample_files import (
    EXECUTABLE,
    HTML_PAGE,
    REFUSED_TYPE,
    docm_bytes,
    docx_bytes,
    jpeg_bytes,
    office_zip,
    pdf_bytes,
    png_bytes,
    xlsx_bytes,
)


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def stored_files(settings) -> list[Path]:
    return [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]


def message_texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def record_page(record) -> str:
    """Where an upload sends the user back: the record's page, or home while it has none."""
    try:
        return record.get_absolute_url()
    except NoReverseMatch:
        return reverse("workbench:home")


@pytest.fixture
def agreement(faculty_a):
    agreement = Agreement.objects.create(reference="MOU-2025-001", kind="mou", title="Test")
    agreement.scope_units.add(faculty_a)
    return agreement


def add_url(record) -> str:
    content_type = ContentType.objects.get_for_model(record)
    return reverse(
        "core:document_add", kwargs={"content_type_id": content_type.pk, "object_id": record.pk}
    )


@pytest.mark.parametrize(
    ("name", "build", "file_type"),
    [
        ("signed.pdf", pdf_bytes, "pdf"),
        ("draft.docx", docx_bytes, "docx"),
        ("quotas.xlsx", xlsx_bytes, "xlsx"),
        ("photo.jpg", jpeg_bytes, "jpeg"),
        ("stamp.png", png_bytes, "png"),
    ],
)
def test_officer_attaches_each_allowed_type(as_user, agreement, name, build, file_type):
    # Built once: two builds of an Office file differ by their timestamps (and so in size).
    content = build()
    response = as_user("officer").post(
        add_url(agreement), {"file": upload(name, content), "kind": "signed", "title": "Scan"}
    )
    assert response.status_code == 302
    assert response.url == record_page(agreement)
    document = Document.objects.get()
    assert document.record == agreement
    assert document.title == "Scan"
    version = document.current
    assert (version.filename, version.file_type, version.number) == (name, file_type, 1)
    assert version.size == len(content)
    with version.file.open("rb") as stored:
        assert stored.read() == content
    assert message_texts(response) == [f"{name} attached as Scan."]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("scan.pdf", EXECUTABLE),
        ("scan.pdf", HTML_PAGE),
        ("contract.docx", office_zip({"readme.txt": "not an office file"})),
        ("contract.docx", docm_bytes()),
        ("contract.docm", docm_bytes()),
    ],
    ids=["exe-named-pdf", "html-named-pdf", "plain-zip", "docm-named-docx", "docm"],
)
def test_a_file_of_another_type_is_refused_and_nothing_is_stored(
    as_user, agreement, settings, name, content
):
    response = as_user("officer").post(
        add_url(agreement), {"file": upload(name, content), "kind": "signed"}
    )
    assert response.status_code == 302
    assert message_texts(response) == [REFUSED_TYPE]
    assert not Document.objects.exists()
    assert not DocumentVersion.objects.exists()
    assert stored_files(settings) == []


def test_a_file_over_the_size_limit_is_refused(as_user, agreement, settings):
    settings.FILE_UPLOAD_MAX_SIZE = 1024
    big = upload("scan.png", png_bytes() + b"\x00" * 2048)
    response = as_user("officer").post(add_url(agreement), {"file": big, "kind": "signed"})
    assert response.status_code == 302
    [message] = message_texts(response)
    assert "larger than 1.0\xa0KB cannot be attached" in message
    assert not Document.objects.exists()
    assert stored_files(settings) == []


def test_a_form_without_a_file_is_refused_with_a_message(as_user, agreement):
    response = as_user("officer").post(add_url(agreement), {"kind": "signed"})
    assert response.status_code == 302
    assert message_texts(response) == ["File: This field is required."]
    assert not Document.objects.exists()


def test_upload_views_answer_get_with_405(as_user, agreement, officer):
    document = document_add(
        record=agreement, kind="draft", upload=upload("a.png", png_bytes()), actor=officer
    )
    client = as_user("officer")
    assert client.get(add_url(agreement)).status_code == 405
    url = reverse("core:document_version_add", kwargs={"pk": document.pk})
    assert client.get(url).status_code == 405


def test_the_form_may_send_the_user_back_to_the_page_it_was_on(as_user, agreement):
    client = as_user("officer")
    files = {"file": upload("a.png", png_bytes()), "kind": "draft"}
    response = client.post(add_url(agreement), {**files, "next": "/staff/?tab=documents"})
    assert response.url == "/staff/?tab=documents"
    files = {"file": upload("b.png", png_bytes()), "kind": "draft"}
    response = client.post(add_url(agreement), {**files, "next": "https://evil.example/"})
    assert response.url == record_page(agreement)


# How it is stored and kept


def test_the_stored_file_has_a_random_name_without_extension(agreement, officer, settings):
    document = document_add(
        record=agreement, kind="signed", upload=upload("MOU signed.pdf", pdf_bytes()), actor=officer
    )
    version = document.current
    path = Path(settings.MEDIA_ROOT) / version.file.name
    assert path.read_bytes() == pdf_bytes()
    assert re.fullmatch(r"[0-9a-f]{32}", path.name)
    assert path.suffix == ""
    assert "MOU" not in version.file.name
    assert stored_files(settings) == [path]


def test_adding_records_history_and_checksum(agreement, officer):
    import hashlib

    document = document_add(
        record=agreement, kind="signed", upload=upload("s.pdf", pdf_bytes()), actor=officer
    )
    entry = document.history.get()
    assert entry.history_change_reason == "core.document.added"
    assert entry.history_user == officer
    assert document.current.sha256 == hashlib.sha256(pdf_bytes()).hexdigest()
    assert document.current.uploaded_by == officer


def test_a_new_version_becomes_current_and_the_first_stays_downloadable(
    as_user, agreement, officer
):
    document = document_add(
        record=agreement, kind="signed", upload=upload("first.pdf", pdf_bytes()), actor=officer
    )
    first = document.current
    client = as_user("officer")
    url = reverse("core:document_version_add", kwargs={"pk": document.pk})
    response = client.post(url, {"file": upload("second.png", png_bytes()), "note": "Stamped"})
    assert response.status_code == 302
    assert message_texts(response) == ["second.png is now version 2 of Signed copy."]

    [listed] = documents_for(agreement)
    assert [v.number for v in listed.prefetched_versions] == [2, 1]
    assert listed.current.filename == "second.png"
    assert listed.current.note == "Stamped"
    assert listed.history.first().history_change_reason == "core.document.version_added"

    old = client.get(first.get_absolute_url())
    assert old.status_code == 200
    assert b"".join(old.streaming_content) == pdf_bytes()
    new = client.get(listed.current.get_absolute_url())
    assert b"".join(new.streaming_content) == png_bytes()


def test_a_refused_version_keeps_the_document_as_it_was(agreement, officer, settings):
    document = document_add(
        record=agreement, kind="signed", upload=upload("first.pdf", pdf_bytes()), actor=officer
    )
    with pytest.raises(ValidationError):
        document_add_version(document=document, upload=upload("x.pdf", HTML_PAGE), actor=officer)
    document.refresh_from_db()
    assert document.versions.count() == 1
    assert document.history.count() == 1
    assert len(stored_files(settings)) == 1


# Who may download and attach


def test_download_serves_the_exact_bytes_privately(as_user, agreement, officer):
    document = document_add(
        record=agreement, kind="signed", upload=upload("Signed MOU.pdf", pdf_bytes()), actor=officer
    )
    response = as_user("officer").get(document.current.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == CONTENT_TYPES["pdf"]
    assert response["Content-Disposition"] == 'attachment; filename="Signed MOU.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"


def test_download_names_the_file_by_its_content(as_user, agreement, officer):
    document = document_add(
        record=agreement, kind="signed", upload=upload("scan.pdf", png_bytes()), actor=officer
    )
    response = as_user("officer").get(document.current.get_absolute_url())
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="scan.png"'


def test_download_is_not_found_for_an_applicant(as_user, agreement, officer):
    document = document_add(
        record=agreement, kind="signed", upload=upload("s.pdf", pdf_bytes()), actor=officer
    )
    assert as_user("applicant").get(document.current.get_absolute_url()).status_code == 404


def test_download_sends_an_anonymous_visitor_to_log_in(client, agreement, officer):
    document = document_add(
        record=agreement, kind="signed", upload=upload("s.pdf", pdf_bytes()), actor=officer
    )
    response = client.get(document.current.get_absolute_url())
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_download_of_an_unknown_version_is_not_found(as_user):
    url = reverse("core:document_download", kwargs={"pk": 999999})
    assert as_user("officer").get(url).status_code == 404


def test_coordinator_of_another_faculty_reads_but_cannot_attach(
    as_user, agreement, officer, coordinator_b, settings
):
    document = document_add(
        record=agreement, kind="signed", upload=upload("s.pdf", pdf_bytes()), actor=officer
    )
    assert can_view_record(coordinator_b, agreement)
    assert not can_change_record(coordinator_b, agreement)
    client = as_user("coordinator_b")

    response = client.get(document.current.get_absolute_url())
    assert response.status_code == 200

    response = client.post(add_url(agreement), {"file": upload("a.png", png_bytes())})
    assert response.status_code == 403
    url = reverse("core:document_version_add", kwargs={"pk": document.pk})
    response = client.post(url, {"file": upload("b.png", png_bytes())})
    assert response.status_code == 403
    assert DocumentVersion.objects.count() == 1
    assert len(stored_files(settings)) == 1


def test_coordinator_attaches_to_their_faculty_agreement(as_user, agreement, coordinator):
    response = as_user("coordinator").post(
        add_url(agreement), {"file": upload("a.png", png_bytes()), "kind": "annex"}
    )
    assert response.status_code == 302
    assert Document.objects.get().versions.get().uploaded_by == coordinator


def test_leadership_reads_but_cannot_attach(as_user, agreement):
    response = as_user("leadership").post(
        add_url(agreement), {"file": upload("a.png", png_bytes()), "kind": "annex"}
    )
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_an_applicant_cannot_learn_that_a_record_exists(as_user, agreement):
    response = as_user("applicant").post(
        add_url(agreement), {"file": upload("a.png", png_bytes()), "kind": "annex"}
    )
    assert response.status_code == 404


def test_documents_cannot_be_attached_to_records_without_scoping(as_user, officer):
    content_type = ContentType.objects.get_for_model(Document)
    document = document_add(
        record=Agreement.objects.create(reference="MOU-2025-002", kind="mou", title="Other"),
        kind="draft",
        upload=upload("a.png", png_bytes()),
        actor=officer,
    )
    url = reverse(
        "core:document_add", kwargs={"content_type_id": content_type.pk, "object_id": document.pk}
    )
    response = as_user("officer").post(url, {"file": upload("b.png", png_bytes()), "kind": "annex"})
    assert response.status_code == 404


# The documents card


def render_card(user, record) -> str:
    request = RequestFactory().get("/staff/agreements/1/")
    request.user = user
    context = documents_context(user, record)
    return render_to_string(
        "core/partials/documents.html", {**context, "record": record}, request=request
    )


def test_card_lists_versions_and_offers_uploads_to_who_may_attach(agreement, officer):
    document = document_add(
        record=agreement, kind="signed", upload=upload("first.pdf", pdf_bytes()), actor=officer
    )
    document_add_version(document=document, upload=upload("second.png", png_bytes()), actor=officer)
    html = render_card(officer, agreement)
    versions = list(document.versions.all())
    assert f'href="{versions[0].get_absolute_url()}"' in html
    assert f'href="{versions[1].get_absolute_url()}"' in html
    assert "second.png" in html and "first.pdf" in html
    assert "1 earlier version" in html
    assert 'accept=".pdf,.docx,.xlsx,.jpg,.jpeg,.png"' in html
    assert add_url(agreement) in html
    assert reverse("core:document_version_add", kwargs={"pk": document.pk}) in html
    assert "<script" not in html and "style=" not in html


def test_card_for_a_reader_has_no_upload_forms(agreement, officer, leadership):
    document_add(
        record=agreement, kind="signed", upload=upload("s.pdf", pdf_bytes()), actor=officer
    )
    html = render_card(leadership, agreement)
    assert "s.pdf" in html
    assert "<form" not in html


def test_card_queries_do_not_grow_with_documents(agreement, officer, django_assert_max_num_queries):
    for n in range(5):
        document_add(
            record=agreement, kind="annex", upload=upload(f"{n}.png", png_bytes()), actor=officer
        )
    with django_assert_max_num_queries(8):
        render_card(officer, agreement)
