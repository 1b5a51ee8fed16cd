"""Printed documents: HTML rendered to PDF, and the QR code of a public verification page.

Invitation letters and event certificates carry a QR code of the public page that confirms
the university issued them; both are written here once.
"""

from __future__ import annotations

import io

import qrcode
import qrcode.image.svg
from django.conf import settings
from weasyprint import HTML


def qr_svg(url: str, *, box_size: int = 10) -> str:
    """``url`` as a QR code, an inline SVG element."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=box_size)
    return image.to_string(encoding="unicode")


def pdf_from_html(html: str) -> bytes:
    """The PDF of a complete HTML document (static files resolved from the project)."""
    buffer = io.BytesIO()
    HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(buffer)
    return buffer.getvalue()
