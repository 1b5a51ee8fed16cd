"""The demo's scanned documents (signed copies, grant agreements, certificates received).

``hamkor demo-data`` draws each with WeasyPrint, as the product draws its own PDFs. The tests
load the demo data once per run and never look at these scans beyond their being PDFs; for
them ``hamkor demo-data --plain-pdfs`` writes each as a one-page PDF of its text lines in a
standard font, in a few microseconds instead of some 80 ms (decision 0016).
"""

from __future__ import annotations

import contextvars
import html as html_module
import re
from contextlib import contextmanager

from django.core.files.base import ContentFile

from hamkor.core.pdf import pdf_from_html

_PLAIN = contextvars.ContextVar("hamkor_demo_plain_pdfs", default=False)
_BLOCK_END = re.compile(r"(?i)</(?:h[1-6]|p|div|li)>|<br\s*/?>")
_TAG = re.compile(r"<[^>]+>")


@contextmanager
def plain_pdfs(enabled: bool = True):
    """Within this block the demo's scans are plain PDFs of their text."""
    token = _PLAIN.set(enabled)
    try:
        yield
    finally:
        _PLAIN.reset(token)


def demo_pdf(html: str, name: str) -> ContentFile:
    """The scan of ``html`` as an upload named ``name``: drawn, or plain when asked."""
    content = plain_pdf(text_lines(html)) if _PLAIN.get() else pdf_from_html(html)
    return ContentFile(content, name=name)


def text_lines(html: str) -> list[str]:
    """The visible lines of a small HTML document, one per heading or paragraph."""
    body = re.sub(r"(?is)<(style|head)\b.*?</\1>", "", html)
    lines = (_TAG.sub("", part) for part in _BLOCK_END.split(body) if part)
    return [" ".join(html_module.unescape(line).split()) for line in lines if line.strip()]


def _pdf_text(line: str) -> bytes:
    encoded = line.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def plain_pdf(lines: list[str]) -> bytes:
    """A valid one-page A4 PDF showing ``lines`` in Helvetica (Windows-1252; others as ?)."""
    stream = (
        b"BT /F1 12 Tf 16 TL 60 780 Td "
        + b"".join(b"(" + _pdf_text(line) + b") Tj T* " for line in lines)
        + b"ET"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
