"""The demo's scans: drawn by WeasyPrint for ``make demo``, plain PDFs of their text for the
tests (``hamkor demo-data --plain-pdfs``); either is a PDF the upload checks accept."""

from __future__ import annotations

import io

from pypdf import PdfReader

from hamkor.core.files import detect_file_type
from hamkor.demo.documents import demo_pdf, plain_pdfs

HTML = (
    "<html><body style='font-family: DejaVu Sans'><h1>Certificate of participation</h1>"
    "<p>Rahmonov Aziz &amp; (guest)</p><p>Ghent University · 12.05.2024</p></body></html>"
)


def _read(upload) -> tuple[str | None, str]:
    content = upload.read()
    file_type = detect_file_type(io.BytesIO(content))
    text = PdfReader(io.BytesIO(content)).pages[0].extract_text()
    return file_type, text


def test_a_plain_scan_is_a_pdf_of_the_documents_lines():
    with plain_pdfs():
        upload = demo_pdf(HTML, "certificate.pdf")
    file_type, text = _read(upload)
    assert upload.name == "certificate.pdf" and file_type == "pdf"
    assert text.splitlines() == [
        "Certificate of participation",
        "Rahmonov Aziz & (guest)",
        "Ghent University · 12.05.2024",
    ]


def test_a_drawn_scan_is_a_pdf_with_the_same_text():
    upload = demo_pdf(HTML, "certificate.pdf")
    file_type, text = _read(upload)
    assert file_type == "pdf"
    assert "Rahmonov Aziz & (guest)" in text and "Ghent University" in text
