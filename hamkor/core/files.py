"""What an uploaded file really is, judged by its content and never by its name.

Only five kinds of file may be attached to records: PDF, DOCX, XLSX, JPEG and PNG. A name
proves nothing (an executable renamed ``scan.pdf`` is still an executable), so each type is
recognised by its signature, and the two Office formats by the parts their zip must hold.
Macro-enabled Office files (docm, xlsm) and templates are refused: they are not documents
the office needs, and macros are how such files carry malware.

A signature alone would let a polyglot through (an HTML page behind a JPEG's first bytes, a
PDF header on a script), so a picture must open as one (Pillow, its pixel count checked from
the header before anything is decoded: a decompression bomb is refused unread), a PDF must
end as one does, and an Office file must unpack to a bounded size (a zip bomb is refused
from the archive's index) with no document type declaration in its XML parts (the
"billion laughs" entity expansion; Office itself never writes one).
"""

from __future__ import annotations

import warnings
import zipfile
from pathlib import PurePath
from typing import BinaryIO
from xml.etree import ElementTree

PDF = "pdf"
DOCX = "docx"
XLSX = "xlsx"
JPEG = "jpeg"
PNG = "png"

# The MIME type each accepted type is served with.
CONTENT_TYPES: dict[str, str] = {
    PDF: "application/pdf",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    JPEG: "image/jpeg",
    PNG: "image/png",
}

# The name extensions a downloaded file of each type may carry; the first is the usual one.
EXTENSIONS: dict[str, tuple[str, ...]] = {
    PDF: (".pdf",),
    DOCX: (".docx",),
    XLSX: (".xlsx",),
    JPEG: (".jpg", ".jpeg"),
    PNG: (".png",),
}

# For the file input's ``accept``: a hint to the browser, not a check.
ACCEPT = ",".join(extension for extensions in EXTENSIONS.values() for extension in extensions)

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_JPEG_SIGNATURE = b"\xff\xd8\xff"
_PDF_SIGNATURE = b"%PDF-"
_ZIP_SIGNATURE = b"PK\x03\x04"
_HEAD_SIZE = len(_PNG_SIGNATURE)

_CONTENT_TYPES_PART = "[Content_Types].xml"
_CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# A real [Content_Types].xml is a few kilobytes; a larger one is not read (zip bombs).
_CONTENT_TYPES_MAX_SIZE = 256 * 1024

# A PDF ends with ``%%EOF``, give or take a few bytes of padding after it.
_PDF_TAIL = 1024
# A scan of an A3 page at 600 dpi has some 70 million pixels.
MAX_IMAGE_PIXELS = 100_000_000
# An Office file's index: members, bytes once unpacked, and how well a large member packs
# (text compresses 5 to 20 times; a zip bomb a thousand times).
MAX_MEMBERS = 1_000
MAX_UNPACKED = 200_000_000
MAX_RATIO = 100
# How much of each XML part is read for a document type declaration (it comes first).
_XML_HEAD = 64 * 1024

# The main part of each Office type and the content type it must be declared with. A docm
# names the same part ``application/vnd.ms-word.document.macroEnabled.main+xml``, a dotx
# ``...wordprocessingml.template.main+xml``: neither matches.
_OFFICE_MAIN_PARTS = {
    DOCX: (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    ),
    XLSX: (
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    ),
}


def detect_file_type(fileobj: BinaryIO) -> str | None:
    """``"pdf"``, ``"docx"``, ``"xlsx"``, ``"jpeg"`` or ``"png"`` from the content, else None.

    Reads the first bytes and, for a zip, its directory and ``[Content_Types].xml`` only.
    The file is rewound to its start afterwards, whatever the answer.
    """
    try:
        fileobj.seek(0)
        head = fileobj.read(_HEAD_SIZE)
        if head.startswith(_PDF_SIGNATURE):
            return PDF if _ends_as_pdf(fileobj) else None
        if head.startswith(_PNG_SIGNATURE):
            return PNG if _opens_as_picture(fileobj, "PNG") else None
        if head.startswith(_JPEG_SIGNATURE):
            return JPEG if _opens_as_picture(fileobj, "JPEG") else None
        if head.startswith(_ZIP_SIGNATURE):
            fileobj.seek(0)
            return _office_type(fileobj)
        return None
    finally:
        fileobj.seek(0)


def _ends_as_pdf(fileobj: BinaryIO) -> bool:
    fileobj.seek(0, 2)
    fileobj.seek(max(fileobj.tell() - _PDF_TAIL, 0))
    return b"%%EOF" in fileobj.read(_PDF_TAIL)


def _opens_as_picture(fileobj: BinaryIO, kind: str) -> bool:
    """Pillow reads the file as a picture of ``kind`` of at most ``MAX_IMAGE_PIXELS``."""
    from PIL import Image

    fileobj.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(fileobj, formats=[kind]) as picture:
                width, height = picture.size
                if width * height > MAX_IMAGE_PIXELS:
                    return False
                picture.verify()
    except Exception:  # Pillow raises many kinds for a file that is not a picture
        return False
    return True


def archive_unpacks_too_much(
    members: list[zipfile.ZipInfo],
    *,
    max_members: int = MAX_MEMBERS,
    max_unpacked: int = MAX_UNPACKED,
    max_ratio: float = MAX_RATIO,
) -> bool:
    """A zip bomb, told from the archive's index before anything is unpacked."""
    unpacked = sum(member.file_size for member in members)
    packed_ratio = max(
        (m.file_size / max(m.compress_size, 1) for m in members if m.file_size > 1_000_000),
        default=0,
    )
    return len(members) > max_members or unpacked > max_unpacked or packed_ratio > max_ratio


def declares_a_doctype(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """The XML part declares a document type (where entities, and their bombs, live)."""
    with archive.open(member) as part:
        head = part.read(_XML_HEAD).lower()
    return b"<!doctype" in head or b"<!entity" in head


def _office_type(fileobj: BinaryIO) -> str | None:
    try:
        with zipfile.ZipFile(fileobj) as archive:
            members = archive.infolist()
            if archive_unpacks_too_much(members):
                return None
            names = set(archive.namelist())
            if _CONTENT_TYPES_PART not in names:
                return None
            if any(
                declares_a_doctype(archive, member)
                for member in members
                if member.filename.lower().endswith((".xml", ".rels"))
            ):
                return None
            # A macro project anywhere makes the file macro-enabled, whatever it declares.
            if any(PurePath(name).name.lower() == "vbaproject.bin" for name in names):
                return None
            info = archive.getinfo(_CONTENT_TYPES_PART)
            if info.file_size > _CONTENT_TYPES_MAX_SIZE:
                return None
            declared = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError,
            RuntimeError, EOFError, ValueError):  # fmt: skip
        # Damaged, encrypted or compressed with a method Python cannot read.
        return None
    # Python's expat refuses entity expansion attacks and never fetches external entities.
    if b"vbaproject" in declared.lower() or b"macroenabled" in declared.lower():
        return None
    try:
        root = ElementTree.fromstring(declared)
    except ElementTree.ParseError:
        return None
    for file_type, (part, content_type) in _OFFICE_MAIN_PARTS.items():
        if part in names and _declared_type(root, part) == content_type:
            return file_type
    return None


def _declared_type(root: ElementTree.Element, part: str) -> str | None:
    """The content type ``[Content_Types].xml`` gives ``part``: its override, else its default."""
    for override in root.iter(f"{_CONTENT_TYPES_NS}Override"):
        if override.get("PartName", "").lstrip("/").lower() == part.lower():
            return override.get("ContentType")
    extension = PurePath(part).suffix.lstrip(".").lower()
    for default in root.iter(f"{_CONTENT_TYPES_NS}Default"):
        if default.get("Extension", "").lower() == extension:
            return default.get("ContentType")
    return None


def download_filename(filename: str, file_type: str) -> str:
    """``filename`` with an extension that matches ``file_type``.

    A PNG uploaded as ``scan.pdf`` is accepted (it is a PNG), but it must not reach the
    user's disk under a name that makes it open with the wrong program, nor a PDF as
    ``invoice.exe``.
    """
    path = PurePath(filename or "document")
    extensions = EXTENSIONS[file_type]
    suffix = path.suffix.lower()
    if suffix in extensions:
        return path.name
    # A wrong one of our own extensions is replaced; anything else is kept and followed.
    known = {extension for others in EXTENSIONS.values() for extension in others}
    return f"{path.stem if suffix in known else path.name}{extensions[0]}"
