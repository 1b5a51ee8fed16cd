"""Hostile files, built in code as an attacker would (nothing binary is kept in the
repository): each is small on disk and is either not what its name says, or huge once
unpacked or decoded (``test_hostile_files.py`` feeds them to every upload point)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from hamkor.core.tests.sample_files import (
    EXECUTABLE,
    HTML_PAGE,
    RELS,
    WORD_DOCUMENT,
    WORD_MAIN,
    content_types,
    docm_bytes,
    office_zip,
    pdf_bytes,
    png_bytes,
    xlsx_bytes,
)

SHEET_NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SVG_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(1)</script></svg>"
)
BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'.encode()
        for n in range(1, 10)
    )
    + b"]>"
)


def workbook_bytes(rows) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bomb(
    rows: int,
    row_xml: bytes = b'<row><c t="n"><v>1</v></c></row>',
    dimension: bytes = b'<dimension ref="A1"/>',
) -> bytes:
    """A real .xlsx whose first sheet holds ``rows`` rows, written without the rows in memory.

    Its ``dimension`` claims one cell, as an attacker's would.
    """
    template = zipfile.ZipFile(io.BytesIO(workbook_bytes([["code"]])))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as bomb:
        for member in template.infolist():
            if member.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(member, template.read(member))
                continue
            with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
                sheet.write(
                    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="'
                    + SHEET_NS
                    + b'">'
                    + dimension
                    + b'<sheetData><row><c t="inlineStr"><is><t>code</t></is></c></row>'
                )
                block = row_xml * 10_000
                for _ in range(rows // 10_000):
                    sheet.write(block)
                sheet.write(b"</sheetData></worksheet>")
    return output.getvalue()


def docx_zip_bomb(megabytes: int = 200) -> bytes:
    """A .docx whose document unpacks to ``megabytes`` of text."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", content_types(WORD_MAIN))
        bomb.writestr("_rels/.rels", RELS)
        with bomb.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(WORD_DOCUMENT[: WORD_DOCUMENT.index("<w:body>")].encode())
            part.write(b"<w:body><w:p><w:r><w:t>")
            block = b"A" * 1_000_000
            for _ in range(megabytes):
                part.write(block)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return output.getvalue()


def _replaced(content: bytes, part: str, data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(content))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            archive.writestr(
                member.filename, data if member.filename == part else source.read(member)
            )
    return output.getvalue()


def xml_bomb_docx() -> bytes:
    document = BILLION_LAUGHS + WORD_DOCUMENT.split("?>", 1)[1].replace("Signed", "&lol9;").encode()
    return office_zip(
        {
            "[Content_Types].xml": content_types(WORD_MAIN),
            "_rels/.rels": RELS,
            "word/document.xml": document.decode(),
        }
    )


def xml_bomb_xlsx() -> bytes:
    sheet = (
        BILLION_LAUGHS + b'<worksheet xmlns="' + SHEET_NS + b'"><dimension ref="A1"/>'
        b'<sheetData><row><c t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData>'
        b"</worksheet>"
    )
    return _replaced(xlsx_bytes(), "xl/worksheets/sheet1.xml", sheet)


def xlsm_bytes() -> bytes:
    """An .xlsx with a macro project added: an .xlsm renamed."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes()))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in source.infolist():
            archive.writestr(member.filename, source.read(member))
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    return output.getvalue()


def huge_png(side: int = 40_000) -> bytes:
    """A PNG whose header claims ``side`` × ``side`` pixels (gigabytes once decoded)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * (side * 3 + 1) * 16)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


GIF_JS = b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00;*/=1;alert(1);//"
JPEG_HTML = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + HTML_PAGE
PDF_HEADED_SCRIPT = b"%PDF-1.4\n" + HTML_PAGE
HTML_THEN_PDF = HTML_PAGE + b"\n%PDF-1.4\n%%EOF\n"


def corpus() -> dict[str, tuple[str, bytes]]:
    """Every hostile file: its id, the name it is uploaded under, its content."""
    return {
        "gif-js polyglot": ("photo.png", GIF_JS),
        "jpeg-html polyglot": ("photo.jpg", JPEG_HTML),
        "pdf header on a script": ("scan.pdf", PDF_HEADED_SCRIPT),
        "html then pdf": ("scan.pdf", HTML_THEN_PDF),
        "pdf-zip polyglot": ("scan.docx", office_zip({"a.txt": "x"}) + pdf_bytes()[:200]),
        "xlsx zip bomb": ("places.xlsx", zip_bomb(2_000_000)),
        "docx zip bomb": ("letter.docx", docx_zip_bomb()),
        "xlsx xml bomb": ("places.xlsx", xml_bomb_xlsx()),
        "docx xml bomb": ("letter.docx", xml_bomb_docx()),
        "html as png": ("photo.png", HTML_PAGE),
        "html as pdf": ("scan.pdf", HTML_PAGE),
        "svg as jpg": ("photo.jpg", SVG_SCRIPT),
        "svg as pdf": ("scan.pdf", SVG_SCRIPT),
        "executable as pdf": ("scan.pdf", EXECUTABLE + b"\x00" * 4096),
        "huge png": ("photo.png", huge_png()),
        "docm as docx": ("letter.docx", docm_bytes()),
        "xlsm as xlsx": ("places.xlsx", xlsm_bytes()),
    }


# Sound files under hostile names: accepted, the name never reaching a path or a header raw.
HOSTILE_NAMES = {
    "traversal": "../../etc/passwd.png",
    "windows traversal": "..\\..\\windows\\win.ini.png",
    "nul": "photo\x00.exe.png",
    "rtl override": "gpj.\u202eexe.png",
    "very long": "a" * 1000 + ".png",
}
SOUND_PNG = png_bytes
