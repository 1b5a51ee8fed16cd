"""What a document may be, judged by its content, never by its name."""

from __future__ import annotations

import io

import pytest

from hamkor.core.files import detect_file_type, download_filename
from hamkor.core.tests.sample_files import (
    EXECUTABLE,
    HTML_PAGE,
    WORD_DOCUMENT,
    WORD_MAIN,
    WORD_TEMPLATE,
    content_types,
    docm_bytes,
    docx_bytes,
    jpeg_bytes,
    office_zip,
    pdf_bytes,
    png_bytes,
    xlsx_bytes,
)

# What is accepted: judged by content


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (pdf_bytes, "pdf"),
        (docx_bytes, "docx"),
        (xlsx_bytes, "xlsx"),
        (jpeg_bytes, "jpeg"),
        (png_bytes, "png"),
    ],
)
def test_detect_file_type_knows_each_allowed_type_by_content(build, expected):
    fileobj = io.BytesIO(build())
    assert detect_file_type(fileobj) == expected
    assert fileobj.tell() == 0


@pytest.mark.parametrize(
    "content",
    [
        EXECUTABLE,
        HTML_PAGE,
        b"",
        office_zip({"readme.txt": "not an office file"}),
        office_zip({"[Content_Types].xml": content_types(WORD_MAIN), "other.xml": "<a/>"}),
        docm_bytes(),
        office_zip(
            {
                "[Content_Types].xml": content_types(WORD_TEMPLATE),
                "word/document.xml": WORD_DOCUMENT,
            }
        ),
        # A docm whose content types were edited to look like a docx still has its macros.
        office_zip(
            {
                "[Content_Types].xml": content_types(WORD_MAIN),
                "word/document.xml": WORD_DOCUMENT,
                "word/vbaProject.bin": "\x00macro",
            }
        ),
        b"PK\x03\x04 a damaged zip",
    ],
    ids=["exe", "html", "empty", "zip", "no-main-part", "docm", "dotx", "disguised-docm", "bad"],
)
def test_detect_file_type_refuses_everything_else(content):
    fileobj = io.BytesIO(content)
    assert detect_file_type(fileobj) is None
    assert fileobj.tell() == 0


def test_download_filename_carries_the_extension_of_the_content():
    assert download_filename("scan.PDF", "pdf") == "scan.PDF"
    assert download_filename("photo.jpeg", "jpeg") == "photo.jpeg"
    assert download_filename("scan.pdf", "png") == "scan.png"
    assert download_filename("invoice.exe", "pdf") == "invoice.exe.pdf"
    assert download_filename("signed", "docx") == "signed.docx"
