"""Small real files of each kind, built in code, for the document tests."""

from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib

REFUSED_TYPE = (
    "Only PDF, DOCX, XLSX, JPEG and PNG files can be attached; this file is not one of them."
)

# Files built here are real ones of their kind, not just their first bytes.


@functools.cache
def pdf_bytes() -> bytes:
    from weasyprint import HTML

    return HTML(string="<p>Memorandum of understanding</p>").write_pdf()


def png_bytes() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8 bits, RGB
    pixels = zlib.compress(b"\x00\xff\x00\x00")  # filter byte, one red pixel
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def jpeg_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(buffer, format="JPEG")
    return buffer.getvalue()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = "Places"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
WORD_MACRO = "application/vnd.ms-word.document.macroEnabled.main+xml"
WORD_TEMPLATE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def office_zip(parts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def content_types(main_type: str, *, vba: bool = False) -> str:
    extra = (
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        if vba
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{extra}"
        f'<Override PartName="/word/document.xml" ContentType="{main_type}"/>'
        "</Types>"
    )


RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org'
    '/officeDocument/2006/relationships/officeDocument"/></Relationships>'
)
WORD_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Signed</w:t></w:r></w:p></w:body></w:document>"
)


def docx_bytes() -> bytes:
    return office_zip(
        {
            "[Content_Types].xml": content_types(WORD_MAIN),
            "_rels/.rels": RELS,
            "word/document.xml": WORD_DOCUMENT,
        }
    )


def docm_bytes() -> bytes:
    return office_zip(
        {
            "[Content_Types].xml": content_types(WORD_MACRO, vba=True),
            "_rels/.rels": RELS,
            "word/document.xml": WORD_DOCUMENT,
            "word/vbaProject.bin": "\x00macro",
        }
    )


EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
