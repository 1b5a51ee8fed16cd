"""Reading an import's file: the rows of an .xlsx or .csv, recognised by content, within
limits that make a hostile file cost a fraction of a second (:mod:`hamkor.core.importing`
validates and applies them).
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import re
import time
import zipfile
from collections.abc import Iterator

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hamkor.core import files

XLSX_MAGIC = b"PK\x03\x04"
MAX_ROWS = 20_000
MAX_BLANK_ROWS = 1_000  # empty rows skipped, at most, besides the rows read
MAX_COLUMNS = 200
MAX_LINE = 65_536  # characters in one line of a .csv
MAX_SECONDS = 60  # of reading the file
# An .xlsx of MAX_ROWS rows unpacks to a few tens of megabytes; a zip bomb to gigabytes.
MAX_UNPACKED = 200_000_000
MAX_RATIO = 100  # a sheet compresses 5 to 20 times; a bomb a thousand times
MAX_MEMBERS = 1_000
LOCAL_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")


class ImportFileError(ValidationError):
    """The file cannot be read as a table at all."""


def read_table(content: bytes) -> tuple[list[str], list[tuple[int, list]]]:
    """Headers and numbered rows of an .xlsx or .csv file, recognised by content.

    The file is read row by row and refused as soon as it passes a limit: more than
    ``MAX_ROWS`` rows, an archive that unpacks to more than ``MAX_UNPACKED`` bytes or
    compresses suspiciously well, a line longer than ``MAX_LINE``, more than
    ``MAX_SECONDS`` of reading. A hostile file costs a fraction of a second, not the server.
    """
    headers, body = iter_table(content)
    return headers, list(body)


def iter_table(content: bytes) -> tuple[list[str], Iterator[tuple[int, list]]]:
    """:func:`read_table` streamed: the headers, and the rows as they are read (the limits
    are checked as the rows come, so a refusal may come after some rows)."""
    if not content.strip():
        raise ImportFileError(_("The file is empty."))
    rows = _table_rows(content)
    first = next(rows, None)
    if first is None:
        raise ImportFileError(_("The file has no rows."))
    return [str(clean_cell(h)).strip() for h in first[1]], rows


def _table_rows(content: bytes) -> Iterator[tuple[int, list]]:
    # The time of reading only: checking the rows read happens between them.
    spent, resumed = 0.0, time.monotonic()
    raw = _read_xlsx(content) if content.startswith(XLSX_MAGIC) else _read_csv(content)
    kept = 0
    for read, (number, row) in enumerate(raw, start=1):
        if read % 500 == 0 and spent + time.monotonic() - resumed > MAX_SECONDS:
            raise ImportFileError(_("The file takes too long to read."))
        if any(clean_cell(cell) != "" for cell in row):
            kept += 1
            spent += time.monotonic() - resumed
            yield number, row
            resumed = time.monotonic()
        # The header and MAX_ROWS rows, with a few blank lines between them.
        if kept > MAX_ROWS + 1 or read > MAX_ROWS + 1 + MAX_BLANK_ROWS:
            raise ImportFileError(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})


DIMENSION = re.compile(rb"<dimension ref=\"[A-Z]+\d+(?::[A-Z]+(\d+))?\"")


def estimated_rows(content: bytes) -> int:
    """The rows below the header, as the file states them (a progress bar's total): the
    sheet's dimension in an .xlsx, the lines of a .csv."""
    if not content.startswith(XLSX_MAGIC):
        return max(content.count(b"\n") - 1, 0)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        name = next(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))
        with archive.open(name) as sheet:
            found = DIMENSION.search(sheet.read(65_536))
    except (zipfile.BadZipFile, StopIteration, OSError, ValueError, RuntimeError, EOFError):
        return 0
    return max(int(found.group(1) or 1) - 1, 0) if found else 0


def _check_archive(content: bytes) -> None:
    """Refuse a zip bomb before anything is unpacked: the sizes are in the archive's index."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFileError(_("This is not a readable .xlsx file.")) from exc
    if files.archive_unpacks_too_much(
        members, max_members=MAX_MEMBERS, max_unpacked=MAX_UNPACKED, max_ratio=MAX_RATIO
    ):
        raise ImportFileError(_("The .xlsx file unpacks to more than an import may hold."))
    try:
        bomb = any(
            files.declares_a_doctype(archive, member)
            for member in members
            if member.filename.endswith((".xml", ".rels"))
        )
    except (zipfile.BadZipFile, NotImplementedError, OSError, RuntimeError, EOFError) as exc:
        raise ImportFileError(_("This is not a readable .xlsx file.")) from exc
    if bomb:
        raise ImportFileError(_("This is not a readable .xlsx file."))
    for member in members:
        if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
            _check_sheet_states_its_size(archive, member)


def _check_sheet_states_its_size(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """openpyxl reads a whole sheet to find its size when the sheet does not state it (its
    ``<dimension>``, written by every spreadsheet program before the rows)."""
    head = b""
    with archive.open(member) as sheet:
        while b"sheetData" not in head and len(head) < 1_000_000:
            chunk = sheet.read(65_536)
            if not chunk:
                break
            head += chunk
    if b"dimension" not in head.partition(b"sheetData")[0]:
        raise ImportFileError(
            _(
                "The .xlsx file does not state the size of its sheets. Open it in a "
                "spreadsheet program and save it again."
            )
        )


def _read_xlsx(content: bytes) -> Iterator[tuple[int, list]]:
    from openpyxl import load_workbook

    _check_archive(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
    except Exception as exc:
        raise ImportFileError(_("This is not a readable .xlsx file.")) from exc
    try:
        # A sheet without its dimension would be read whole to find its last row: the bound
        # is given, and the reading stops there.
        rows = sheet.iter_rows(
            max_row=MAX_ROWS + MAX_BLANK_ROWS + 2, max_col=MAX_COLUMNS, values_only=True
        )
        for number, row in enumerate(rows, start=1):
            yield number, list(row)
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(_("This is not a readable .xlsx file.")) from exc
    finally:
        workbook.close()


def _read_csv(content: bytes) -> Iterator[tuple[int, list]]:
    if b"\x00" in content[:4096]:
        raise ImportFileError(_("This is neither an .xlsx nor a .csv file."))
    encoding = _csv_encoding(content)
    head = content[:8192].decode(encoding, errors="ignore")
    try:
        dialect = csv.Sniffer().sniff(head[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # Decoded as it is read, a line at a time: the text of the file is never held whole.
    text = io.TextIOWrapper(io.BytesIO(content), encoding=encoding, newline="")
    reader = csv.reader(_bounded_lines(text), dialect)
    try:
        for number, row in enumerate(reader, start=1):
            yield number, row[:MAX_COLUMNS]
    except csv.Error as exc:
        raise ImportFileError(
            _("The .csv file cannot be read: %(error)s") % {"error": exc}
        ) from exc


def _csv_encoding(content: bytes) -> str:
    """UTF-8 when the whole file decodes so (checked a piece at a time), else cp1251."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        for start in range(0, len(content), 1 << 20):
            decoder.decode(content[start : start + (1 << 20)])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        try:
            content.decode("cp1251")
        except UnicodeDecodeError as exc:
            raise ImportFileError(_("The .csv file is not in UTF-8.")) from exc
        return "cp1251"
    return "utf-8-sig"


def _bounded_lines(text) -> Iterator[str]:
    for line in text:
        if len(line) > MAX_LINE:
            raise ImportFileError(
                _("A line of the file is longer than %(max)d characters.") % {"max": MAX_LINE}
            )
        yield line


def clean_cell(value):
    """A cell as the forms read it: blank for None, whole numbers as int, a midnight datetime
    as its date, ``31.12.2000`` as a date, text stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date()
    if isinstance(value, str):
        value = value.strip()
        local = LOCAL_DATE.fullmatch(value)
        if local:  # 31.12.2000, as dates are written here
            day, month, year = (int(part) for part in local.groups())
            try:
                return datetime.date(year, month, day)
            except ValueError:
                return value  # the form says the date is invalid
        return value
    return value
