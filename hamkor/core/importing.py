"""Bulk import: read a spreadsheet, validate each row with the model's import form, apply.

A row is validated by the same form and saved by the same service as a single edit. The
preview lists each rejected row with its reasons; applying happens only when every row is
valid, and then in one transaction, so an import is applied whole or not at all.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from hamkor.core.services import object_save

XLSX_MAGIC = b"PK\x03\x04"
MAX_ROWS = 20_000


class ImportFileError(ValidationError):
    """The file cannot be read as a table at all."""


@dataclass
class RowResult:
    number: int  # the row's number as the spreadsheet shows it
    values: dict
    action: str = ""  # "create" or "update"
    errors: list[str] = field(default_factory=list)
    form: object = None


@dataclass
class ImportResult:
    rows: list[RowResult]
    unknown_columns: list[str]

    @property
    def rejected(self) -> list[RowResult]:
        return [row for row in self.rows if row.errors]

    @property
    def is_valid(self) -> bool:
        return bool(self.rows) and not self.rejected

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action and not row.errors)


def read_table(content: bytes) -> tuple[list[str], list[tuple[int, list]]]:
    """Headers and numbered rows of an .xlsx or .csv file, recognised by content."""
    if not content.strip():
        raise ImportFileError(_("The file is empty."))
    rows = _read_xlsx(content) if content.startswith(XLSX_MAGIC) else _read_csv(content)
    rows = [(n, row) for n, row in rows if any(_clean(cell) != "" for cell in row)]
    if not rows:
        raise ImportFileError(_("The file has no rows."))
    headers, body = rows[0][1], rows[1:]
    if len(body) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
    return [str(_clean(h)).strip() for h in headers], body


def _read_xlsx(content: bytes) -> list[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:
        raise ImportFileError(_("This is not a readable .xlsx file.")) from exc
    sheet = workbook.worksheets[0]
    return [(n, list(row)) for n, row in enumerate(sheet.iter_rows(values_only=True), start=1)]


def _read_csv(content: bytes) -> list[tuple[int, list]]:
    if b"\x00" in content[:4096]:
        raise ImportFileError(_("This is neither an .xlsx nor a .csv file."))
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(_("The .csv file is not in UTF-8."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(enumerate(csv.reader(io.StringIO(text), dialect), start=1))


def _clean(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date()
    if isinstance(value, str):
        return value.strip()
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


def validate(*, content: bytes, form_class, lookup) -> ImportResult:
    """Validate every row; ``lookup(values)`` finds the existing record a row updates."""
    headers, body = read_table(content)
    names = column_names(form_class)
    mapped = [names.get(header.casefold()) for header in headers]
    unknown = [h for h, m in zip(headers, mapped, strict=True) if h and m is None]
    rows = []
    for number, cells in body:
        values = {
            name: _clean(cell)
            for name, cell in zip(mapped, padded(cells, len(mapped)), strict=True)
            if name
        }
        instance = lookup(values)
        form = form_class(data=values, instance=instance)
        row = RowResult(number=number, values=values, form=form)
        row.action = "update" if instance is not None else "create"
        if not form.is_valid():
            for name, errors in form.errors.items():
                label = form.fields[name].label if name in form.fields else ""
                row.errors += [f"{label}: {e}" if label else str(e) for e in errors]
        rows.append(row)
    return ImportResult(rows=rows, unknown_columns=unknown)


def apply(*, result: ImportResult, actor, reason: str) -> tuple[int, int]:
    """Save every row in one transaction; refuse when any row is invalid."""
    if not result.is_valid:
        raise ValidationError(_("The import has rejected rows; nothing was applied."))
    with transaction.atomic():
        for row in result.rows:
            instance = row.form.save(commit=False)
            try:
                object_save(instance=instance, actor=actor, reason=reason)
                row.form.save_m2m()
            except ValidationError as exc:
                # A rule that only the whole set can break (uniqueness within the file).
                raise ValidationError(
                    _("Row %(row)d: %(error)s")
                    % {"row": row.number, "error": "; ".join(exc.messages)}
                ) from exc
    return result.count("create"), result.count("update")


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
