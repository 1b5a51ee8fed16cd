"""Exports of a list: plain values read straight from the database, streamed.

Each model declares its export columns once, in an :class:`Export` next to its table (the
app's ``tables.py``). A row is read with ``values()`` in chunks, each value turned into what a
spreadsheet user expects (a date cell, a number, a word in the user's language, "Yes"/"No"),
and written by a streaming writer: CSV through ``StreamingHttpResponse``, XLSX by openpyxl's
write-only workbook into a temporary file. Memory stays flat in the number of rows.

Every text beginning with a character a spreadsheet reads as a formula (``= + - @``, tab,
carriage return) is neutralised: written as a text cell in XLSX, prefixed with ``'`` in CSV.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from types import SimpleNamespace

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model, QuerySet
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hamkor.core.countries import country_name
from hamkor.core.models import translated

TEXT, DATE, DATETIME, NUMBER, BOOL, CHOICE, COUNTRY, TRANSLATED = (
    "text",
    "date",
    "datetime",
    "number",
    "bool",
    "choice",
    "country",
    "translated",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CHUNK = 2000


@dataclass(frozen=True)
class Column:
    """One exported column.

    ``path`` is what ``values()`` reads (the column's name when not given). A computed
    column names the paths it reads in ``fields`` and turns the row into a value with
    ``compute(row)``. A ``permission`` column is left out for users without it.
    ``original`` (translated kind): the path itself holds the name in its original form,
    used when no per-language name is known.
    """

    label: str
    path: str = ""
    kind: str = TEXT
    fields: tuple[str, ...] = ()
    compute: Callable[[dict], object] | None = None
    permission: str = ""
    original: bool = False

    def paths(self) -> tuple[str, ...]:
        if self.compute is not None:
            return self.fields
        if self.kind == TRANSLATED:
            return name_paths(self.path, original=self.original)
        return (self.path,)


class Export:
    """The export columns of one list; subclass per model in the app's ``tables.py``."""

    columns: tuple[Column, ...] = ()

    def __init__(self, user):
        self.user = user
        self.selected = [
            column
            for column in self.columns
            if not column.permission or user.has_perm(column.permission)
        ]

    def headers(self) -> list[str]:
        return [str(column.label) for column in self.selected]

    def prepare(self, rows: list[dict]) -> None:
        """Add to a chunk of rows what ``values()`` cannot read (one query per chunk)."""

    def rows(self, queryset: QuerySet) -> Iterator[list]:
        """Each record as a list of plain values, read in chunks of ``CHUNK`` rows."""
        paths = list(dict.fromkeys(["pk", *(p for c in self.selected for p in c.paths())]))
        choices = {
            column.path: _choices(queryset.model, column.path)
            for column in self.selected
            if column.kind == CHOICE
        }
        chunk = []
        for row in queryset.prefetch_related(None).values(*paths).iterator(chunk_size=CHUNK):
            chunk.append(row)
            if len(chunk) == CHUNK:
                yield from self._convert(chunk, choices)
                chunk = []
        if chunk:
            yield from self._convert(chunk, choices)

    def _convert(self, chunk: list[dict], choices: dict) -> Iterator[list]:
        self.prepare(chunk)
        for row in chunk:
            yield [plain(column, row, choices) for column in self.selected]


def plain(column: Column, row: dict, choices: dict):
    """The value a spreadsheet user expects: ``None`` only for an empty cell."""
    if column.compute is not None:
        value = column.compute(row)
    elif column.kind == TRANSLATED:
        value = name_in_language(row, column.path, original=column.original)
    else:
        value = row[column.path]
    if value is None or value == "":
        return None
    if column.kind == CHOICE:
        return str(choices[column.path].get(value, value))
    if column.kind == COUNTRY:
        return country_name(value)
    if column.kind == BOOL:
        return _("Yes") if value else _("No")
    if column.kind == DATETIME:
        return timezone.localtime(value).replace(tzinfo=None, microsecond=0)
    if column.kind in (DATE, NUMBER):
        return value
    return str(value)


_TRANSLATED_NAME = translated("name")


def name_in_language(row: dict, path: str, *, original: bool = False) -> str:
    """The name read from ``<path>_uz/_ru/_en`` in the active language, as ``translated``
    answers it; with ``original``, ``<path>`` itself when no per-language name is known."""
    names = SimpleNamespace(
        **{f"name_{language}": row[f"{path}_{language}"] for language in ("uz", "ru", "en")}
    )
    value = _TRANSLATED_NAME.fget(names)
    return value or (row[path] if original else "")


def name_paths(path: str, *, original: bool = False) -> tuple[str, ...]:
    """What ``name_in_language`` reads."""
    named = tuple(f"{path}_{language}" for language in ("uz", "ru", "en"))
    return (*named, path) if original else named


def _choices(model: type[Model], path: str) -> dict:
    *relations, name = path.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return {}
    return dict(field.flatchoices)


# --- Writers -------------------------------------------------------------------------------


def neutralised(value: str) -> str:
    """CSV: a text a spreadsheet would read as a formula, prefixed to stay text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def csv_lines(headers: list[str], rows: Iterable[list]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(headers)  # the mark tells Excel the file is UTF-8
    for row in rows:
        yield writer.writerow([_csv_value(value) for value in row])


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int | float | decimal.Decimal):
        return str(value)
    return neutralised(str(value))


class _Line:
    """A file whose ``write`` hands the line back, so that csv.writer can be streamed."""

    def write(self, value: str) -> str:
        return value


def xlsx_file(headers: list[str], rows: Iterable[list], *, title: str):
    """A temporary file holding the workbook; openpyxl keeps written rows on disk."""
    return xlsx_sheets_file([(title, headers, rows)])


def xlsx_sheets_file(sheets: Iterable[tuple[str, list[str], Iterable[list]]]):
    """A workbook of several sheets, each ``(title, headers, rows)``, written like
    :func:`xlsx_file`'s one (bold headers, plain values, formulas neutralised)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31] or "export")
        header_cells = []
        for header in headers:
            cell = WriteOnlyCell(sheet, value=header)
            cell.font = bold
            cell.data_type = "s"
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in rows:
            sheet.append([_xlsx_value(sheet, value, WriteOnlyCell) for value in row])
    output = tempfile.TemporaryFile()  # noqa: SIM115 (the response closes it)
    workbook.save(output)
    output.seek(0)
    return output


def _xlsx_value(sheet, value, cell_class):
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, datetime.datetime):
        cell = cell_class(sheet, value=value)
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, datetime.date):
        cell = cell_class(sheet, value=value)
        cell.number_format = "yyyy-mm-dd"
        return cell
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell = cell_class(sheet, value=value)
        cell.data_type = "s"  # text, never a formula
        cell.quotePrefix = True
        return cell
    return value


# --- Responses -----------------------------------------------------------------------------


def export_logged(
    *, request, name: str, export_format: str, rows=None, filters=None, target=None
) -> None:
    """Note the export in the security log: who, what (``name``: the list's model label, or
    the report's), how many rows, with which filters.

    Every export a user starts passes here (a list's, a report's, a call's scores) before
    its file is written, inline or in the background.
    """
    from hamkor.security.log import Kind, record

    details = {"list": name, "format": export_format}
    if rows is not None:
        details["rows"] = rows
    if filters:
        details["filters"] = {key: str(value)[:200] for key, value in filters.items() if value}
    record(Kind.EXPORTED, request=request, target=target, **details)


def filename(model: type[Model], extension: str) -> str:
    """``mobilities-2026-12-06.xlsx``: the model's plural and the office's date."""
    with translation.override("en"):
        plural = slugify(str(model._meta.verbose_name_plural))
    return f"{plural}-{timezone.localdate().isoformat()}.{extension}"


def ordered_as_listed(table_class, queryset: QuerySet, request) -> QuerySet:
    """``queryset`` in the order the user sorted the list by (``?sort=``); the table only
    translates the column into its ordering, nothing is rendered through it."""
    sort = request.GET.get(table_class._meta.order_by_field or "sort")
    if not sort:
        return queryset
    table = table_class(queryset, request=request, order_by=sort)
    return table.data.data


def export_file(*, export: Export, rows: Iterable[list], model: type[Model], export_format: str):
    """The export written into an open temporary file (a background job's result)."""
    if export_format == "csv":
        output = tempfile.TemporaryFile()  # noqa: SIM115 (the caller closes it)
        for line in csv_lines(export.headers(), rows):
            output.write(line.encode("utf-8"))
        output.seek(0)
        return output
    with translation.override("en"):
        title = str(model._meta.verbose_name_plural)
    return xlsx_file(export.headers(), rows, title=title)


def export_response(*, export: Export, queryset: QuerySet, export_format: str):
    """The whole ``queryset`` as a streamed CSV or an XLSX file, in the active language."""
    language = translation.get_language()
    name = filename(queryset.model, export_format)
    if export_format == "csv":

        def lines():
            with translation.override(language):
                yield from csv_lines(export.headers(), export.rows(queryset))

        response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    else:
        with translation.override("en"):
            title = str(queryset.model._meta.verbose_name_plural)
        output = xlsx_file(export.headers(), export.rows(queryset), title=title)
        response = FileResponse(output, as_attachment=True, filename=name, content_type=XLSX_TYPE)
    response["Cache-Control"] = "private, no-store"
    return response
