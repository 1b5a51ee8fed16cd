"""Bulk import: read a spreadsheet, validate each row with the model's import form, apply.

A row is validated by the same form and saved by the same service as a single edit. The
preview lists each rejected row with its reasons; applying happens only when every row is
valid, and then in one transaction, so an import is applied whole or not at all.
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
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from hamkor.core import files
from hamkor.core.services import object_save

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


@dataclass
class RowResult:
    number: int  # the row's number as the spreadsheet shows it
    values: dict
    action: str = ""  # "create" or "update"
    errors: list[str] = field(default_factory=list)
    # The validated form, without its fields and data (see ``_lighten``): what applying
    # needs (``save(commit=False)``, ``save_m2m()``, ``cleaned_data``, ``instance``).
    form: object = None


PREVIEW_ROWS = 50
MAX_STORED_REJECTED = 1000  # rejected rows a preview keeps (a background job's page)


@dataclass
class ImportResult:
    """Every row with its form when kept for applying; else the counts, the first rows and
    the rejected ones (at most ``MAX_STORED_REJECTED``): what a preview shows."""

    rows: list[RowResult]
    unknown_columns: list[str]
    columns: list[tuple[str, str]] = field(default_factory=list)  # (name, label) read
    kept: bool = True
    summary: dict = field(default_factory=dict)  # when not kept: total, counts, rows

    @property
    def preview(self) -> list[tuple[RowResult, list]]:
        """The first rows with their values in the columns' order, as the preview shows them."""
        first = self.rows[:PREVIEW_ROWS] if self.kept else self.summary["first"]
        return [(row, [row.values.get(name, "") for name, _label in self.columns]) for row in first]

    @property
    def rejected(self) -> list[RowResult]:
        if not self.kept:
            return self.summary["rejected"]
        return [row for row in self.rows if row.errors]

    @property
    def total(self) -> int:
        return len(self.rows) if self.kept else self.summary["total"]

    @property
    def rejected_count(self) -> int:
        return len(self.rejected) if self.kept else self.summary["rejected_count"]

    @property
    def is_valid(self) -> bool:
        return bool(self.total) and not self.rejected_count

    def count(self, action: str) -> int:
        if not self.kept:
            return self.summary[action]
        return sum(1 for row in self.rows if row.action == action and not row.errors)


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
    return [str(_clean(h)).strip() for h in first[1]], rows


def _table_rows(content: bytes) -> Iterator[tuple[int, list]]:
    # The time of reading only: checking the rows read happens between them.
    spent, resumed = 0.0, time.monotonic()
    raw = _read_xlsx(content) if content.startswith(XLSX_MAGIC) else _read_csv(content)
    kept = 0
    for read, (number, row) in enumerate(raw, start=1):
        if read % 500 == 0 and spent + time.monotonic() - resumed > MAX_SECONDS:
            raise ImportFileError(_("The file takes too long to read."))
        if any(_clean(cell) != "" for cell in row):
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


def _clean(value):
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


def padded(cells, width: int) -> list:
    """The row cut or filled to the header's width (spreadsheets drop trailing blanks)."""
    cells = list(cells)[:width]
    return cells + [""] * (width - len(cells))


def column_names(form_class) -> dict[str, str]:
    """Every header that names a field: its name, and its label in each language."""
    names = {}
    for name, form_field in form_class.base_fields.items():
        names[name.casefold()] = name
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                names[str(form_field.label or name).casefold()] = name
    return names


def validate(
    *, content: bytes, form_class, lookup, progress=None, keep_rows=True, lookup_many=None
) -> ImportResult:
    """Validate every row; ``lookup(values)`` finds the existing record a row updates.

    ``lookup_many(list of values)``, when given, finds them for a batch of rows in one
    query (a list of records or ``None``, in the rows' order). The file is read as it is
    checked; ``keep_rows=False`` keeps only what a preview shows (the memory of a check
    does not grow with the file), else each row keeps its form for :func:`apply`.
    ``progress(done, total)``, when given, is told how many rows are checked (a background
    job's progress bar)."""
    headers, body = iter_table(content)
    names = column_names(form_class)
    mapped = [names.get(header.casefold()) for header in headers]
    unknown = [h for h, m in zip(headers, mapped, strict=True) if h and m is None]
    if not any(mapped):
        expected = ", ".join(str(f.label or n) for n, f in form_class.base_fields.items())
        raise ImportFileError(
            _(
                "No column of this file is recognised. The first row must name the columns: "
                "%(expected)s."
            )
            % {"expected": expected}
        )
    labels = {name: str(f.label or name) for name, f in form_class.base_fields.items()}
    columns = [(name, labels[name]) for name in dict.fromkeys(m for m in mapped if m)]
    result = ImportResult(rows=[], unknown_columns=unknown, columns=columns, kept=keep_rows)
    summary = result.summary
    summary.update(total=0, create=0, update=0, rejected_count=0, first=[], rejected=[])
    expected_total = estimated_rows(content) if progress is not None else 0
    cache = ChoiceCache()
    for batch in _batches(body, LOOKUP_BATCH):
        if progress is not None:
            progress(summary["total"], max(expected_total, summary["total"]))
        values_list = [
            {
                name: _clean(cell)
                for name, cell in zip(mapped, padded(cells, len(mapped)), strict=True)
                if name
            }
            for _number, cells in batch
        ]
        if lookup_many is not None:
            instances = lookup_many(values_list)
        else:
            instances = [lookup(values) for values in values_list]
        for (number, _cells), values, instance in zip(batch, values_list, instances, strict=True):
            row = _validate_row(form_class, number, values, instance, cache)
            _count(result, row, keep_rows)
    if progress is not None:
        progress(summary["total"], summary["total"])
    return result


LOOKUP_BATCH = 500  # rows whose existing records are found in one query


def _batches(rows: Iterator, size: int) -> Iterator[list]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _validate_row(form_class, number, values, instance, cache) -> RowResult:
    form = form_class(data=values, instance=instance)
    cache.attach(form)
    row = RowResult(number=number, values=values, form=form)
    row.action = "update" if instance is not None else "create"
    if not form.is_valid():
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            row.errors += [f"{label}: {e}" if label else str(e) for e in errors]
    _lighten(form)
    return row


def _lighten(form) -> None:
    """Drop what a validated form no longer needs: its copies of the fields and widgets,
    the data and the initial values (most of its weight). ``save(commit=False)``,
    ``save_m2m()``, ``cleaned_data`` and ``instance`` still work."""
    form.fields = {}
    form.data = {}
    form.initial = {}
    form.__dict__.pop("_bound_fields_cache", None)


def _count(result: ImportResult, row: RowResult, keep_rows: bool) -> None:
    summary = result.summary
    summary["total"] += 1
    if keep_rows:
        result.rows.append(row)
        return
    row.form = None
    if row.errors:
        summary["rejected_count"] += 1
        if len(summary["rejected"]) < MAX_STORED_REJECTED:
            summary["rejected"].append(row)
    else:
        summary[row.action] += 1
    if len(summary["first"]) < PREVIEW_ROWS:
        summary["first"].append(row)
    else:
        row.values = {}


class ChoiceCache:
    """One import's answers of its choice fields (a unit by its code, an institution by
    its name): a value the file repeats is looked up once, not once a row.

    A ``ModelChoiceField`` (not multiple) is cached by its queryset's model and conditions
    and the value;
    another field opts in with ``cache_in_imports = True`` (its ``clean`` depends on the
    value only)."""

    def __init__(self):
        self.answers: dict = {}

    def attach(self, form) -> None:
        from django.forms import ModelChoiceField, ModelMultipleChoiceField

        for name, form_field in form.fields.items():
            if isinstance(form_field, ModelMultipleChoiceField):
                continue
            if isinstance(form_field, ModelChoiceField):
                query = form_field.queryset.query
                # The model and the conditions (without compiling the SQL, a row's cost).
                scope = (name, query.model, str(query.where), form_field.to_field_name)
                form_field.to_python = self.cached(form_field.to_python, scope)
            elif getattr(form_field, "cache_in_imports", False):
                form_field.clean = self.cached(form_field.clean, (name, type(form_field)))

    def cached(self, method, scope):
        def answer(value):
            try:
                key = (scope, value)
                hash(key)
            except TypeError:
                return method(value)
            if key not in self.answers:
                try:
                    self.answers[key] = (method(value), None)
                except ValidationError as exc:
                    self.answers[key] = (None, exc)
            found, error = self.answers[key]
            if error is not None:
                # A new exception each time: raising the same one again grows its traceback.
                raise ValidationError(error.error_list)
            return found

        return answer


def preview_data(result: ImportResult) -> dict:
    """What the preview shows, as JSON a background job keeps (see :class:`StoredPreview`)."""

    def row_data(row: RowResult) -> dict:
        return {"number": row.number, "action": row.action, "errors": row.errors}

    return {
        "total": result.total,
        "created": result.count("create"),
        "updated": result.count("update"),
        "unknown_columns": result.unknown_columns,
        "columns": result.columns,
        "rejected_count": result.rejected_count,
        "rejected": [row_data(row) for row in result.rejected[:MAX_STORED_REJECTED]],
        "preview": [
            {**row_data(row), "values": [_json_value(value) for value in values]}
            for row, values in result.preview
        ],
    }


def _json_value(value) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else str(value)


class StoredPreview:
    """A preview kept by a background job, read by the same template as a fresh one."""

    def __init__(self, data: dict):
        self.total = data["total"]
        self.unknown_columns = data["unknown_columns"]
        self.columns = [tuple(column) for column in data["columns"]]
        self.rejected_count = data["rejected_count"]
        self.rejected = [_stored_row(row) for row in data["rejected"]]
        self.preview = [(_stored_row(row), row["values"]) for row in data["preview"]]
        self._counts = {"create": data["created"], "update": data["updated"]}

    def count(self, action: str) -> int:
        return self._counts[action]

    @property
    def is_valid(self) -> bool:
        return bool(self.total) and not self.rejected_count


def _stored_row(data: dict) -> RowResult:
    return RowResult(number=data["number"], values={}, action=data["action"], errors=data["errors"])


def apply(*, result: ImportResult, actor, apply_rows) -> tuple[int, int]:
    """``apply_rows(rows, actor)`` in one transaction; refused when any row is invalid.

    ``apply_rows`` is the domain's service: it saves the rows and answers how many records
    it created and updated. A ``ValidationError`` it raises rolls every row back.
    """
    if not result.is_valid:
        raise ValidationError(_("The import has rejected rows; nothing was applied."))
    with transaction.atomic():
        return apply_rows(result.rows, actor)


def save_rows(rows: list[RowResult], actor, *, reason: str) -> tuple[int, int]:
    """Each row's form saved through ``object_save``: the default of a model's import."""
    for row in rows:
        with row_context(row):
            instance = row.form.save(commit=False)
            # An update is based on the record as read when the file was checked: an edit
            # saved since refuses the row (and so the whole import), never lost under it.
            object_save(
                instance=instance,
                actor=actor,
                reason=reason,
                expected_version=getattr(instance, "version", None)
                if row.action == "update"
                else None,
            )
            row.form.save_m2m()
    return (
        sum(1 for row in rows if row.action == "create"),
        sum(1 for row in rows if row.action == "update"),
    )


@contextmanager
def row_context(row: RowResult):
    """A refusal raised while saving ``row`` names the row (a rule only the whole set can
    break, such as uniqueness within the file)."""
    try:
        yield
    except ValidationError as exc:
        raise ValidationError(
            _("Row %(row)d: %(error)s") % {"row": row.number, "error": "; ".join(exc.messages)}
        ) from exc


def template_workbook(*, form_class, example: dict | None = None) -> bytes:
    """An .xlsx with the expected columns (labels in the active language) and an example."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "import"
    fields = list(form_class.base_fields.items())
    sheet.append([str(f.label or name) for name, f in fields])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    if example:
        sheet.append([example.get(name, "") for name, _f in fields])
    for index, (name, f) in enumerate(fields, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = max(
            14, len(str(f.label or name)) + 4
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
