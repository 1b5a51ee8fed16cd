"""Bulk import: read a spreadsheet, validate each row with the model's import form, apply.

A row is validated by the same form and saved by the same service as a single edit. The
preview lists each rejected row with its reasons; applying happens only when every row is
valid, and then in one transaction, so an import is applied whole or not at all.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from hamkor.core.import_files import (  # noqa: F401 - callers catch importing.ImportFileError
    ImportFileError,
    clean_cell,
    estimated_rows,
    iter_table,
    read_table,
)
from hamkor.core.services import object_save


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
                name: clean_cell(cell)
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
