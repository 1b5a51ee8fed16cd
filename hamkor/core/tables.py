"""The table base: a linked first column, actions kept out of exports, rows rendered fast."""

from __future__ import annotations

import inspect
from functools import partialmethod

import django_tables2 as tables
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.template import Context, Template
from django.template.base import render_value_in_context
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_tables2.columns import ManyToManyColumn, TemplateColumn
from django_tables2.columns.linkcolumn import BaseLinkColumn
from django_tables2.utils import signature


class BaseTable(tables.Table):
    """Columns listed in ``Meta.fields`` become list and export columns alike.

    The column named ``actions`` (if any) is shown on screen only.
    """

    export_exclude: tuple[str, ...] = ("actions",)

    class Meta:
        attrs = {"class": "table table-hover table-sm align-middle mb-0"}
        empty_text = _("Nothing matches these filters.")
        template_name = "core/tables/table.html"
        # The list view reads ?per_page itself and allows only the offered sizes, and cuts
        # the page itself (ObjectListView.paginate): django-tables2 reads no page size.
        per_page_field = "per_page"


def body_rows(table: tables.Table) -> list[tuple[str, str]]:
    """The page's rows as ``(<tr> attributes, its cells' HTML)``: what django-tables2's
    ``row.items`` renders (``core/tables/table.html`` shows them), worked out once a column
    rather than once a cell.

    django-tables2 inspects a cell's render method, recomputes its column's attributes,
    compiles a ``TemplateColumn``'s template and rebuilds the choices of a field with
    choices (250 countries) on every cell; here each of these happens once a column, and a
    cell costs its accessor and its render method. ``test_tables`` compares the two.
    """
    cells = [_Cell(table, column) for column in table.columns]
    rows = []
    for row in table.paginated_rows:
        html = "".join(cell.html(row) for cell in cells)
        rows.append((row.attrs.as_html(), mark_safe(html)))
    return rows


class _Cell:
    """One column's cells: what can be known before reading a row."""

    def __init__(self, table: tables.Table, bound_column):
        self.table = table
        self.bound_column = bound_column
        self.column = column = bound_column.column
        self.accessor = tables.A(bound_column.accessor)
        self.default = bound_column.default
        self.link = bound_column.link
        self.render = bound_column.render
        self.args, self.catch_all = signature(self.render)
        self.displays: dict = {}
        context = getattr(table, "context", None)
        self.context = Context() if context is None else context
        attrs = {**table.attrs, **column.attrs}
        cell_attrs = attrs.get("cell", {})
        dynamic = any(callable(value) for value in attrs.get("td", cell_attrs).values())
        self.td = None if dynamic else bound_column.attrs["td"].as_html()
        self.template = None
        own_render = getattr(self.render, "__func__", None) is TemplateColumn.render
        if isinstance(column, TemplateColumn) and column.template_code and own_render:
            self.template = Template(column.template_code)
        # Whether a cell's content depends on its value, not only on whether it is empty.
        self.needs_value = bool(
            self.catch_all or "value" in self.args or self.link or self.template is not None
        )

    def html(self, row) -> str:
        content = self.content(row)
        bound_column = self.bound_column
        if self.td is None:
            bound_column.current_value, bound_column.current_record = content, row.record
            td = bound_column.attrs["td"].as_html()
        else:
            td = self.td
        # ``{{ cell }}``: localised (numbers, dates) and escaped as the template did.
        return f"<td {td}>{render_value_in_context(content, self.context)}</td>"

    def content(self, row):
        """django-tables2's ``BoundRow.get_cell``, with the column's constants kept."""
        record = row.record
        value = None
        penultimate, remainder = self.accessor.penultimate(record)
        if isinstance(penultimate, models.Model):
            try:
                field = self.accessor.get_field(record)
                if not self.needs_value:
                    # The label of a choice is never empty when its key is not: a render
                    # method that does not show the value needs only the key's emptiness.
                    if self._has_choices(penultimate, remainder, field):
                        value, remainder = getattr(penultimate, field.attname), None
                else:
                    display = self._display(penultimate, remainder, field)
                    if display is not None:
                        value, remainder = display(), None
            except FieldDoesNotExist:
                pass
        if remainder:
            try:
                value = self.accessor.resolve(record)
            except Exception:
                if isinstance(self.column, BaseLinkColumn) and self.column.text is not None:
                    return self._call(row, None)
        many = isinstance(self.column, ManyToManyColumn)
        if value in self.column.empty_values or (many and not value.exists()):
            return self.default
        return self._call(row, value)

    def _has_choices(self, obj, name: str, field) -> bool:
        key = (type(obj), name, "choices")
        if key not in self.displays:
            # A country field builds its choices on each read: read them once a column.
            self.displays[key] = bool(getattr(field, "choices", ()))
        return self.displays[key]

    def _display(self, obj, name: str, field):
        """``obj.get_<name>_display`` as a function, the field's choices read once."""
        model = type(obj)
        key = (model, name)
        if not self._has_choices(obj, name, field):
            return None
        if key not in self.displays:
            method = inspect.getattr_static(model, f"get_{name}_display", None)
            standard = isinstance(method, partialmethod) and (
                method.func is models.Model._get_FIELD_display
            )
            if not standard:
                self.displays[key] = None
            else:
                self.displays[key] = dict(make_hashable(field.flatchoices))
        choices = self.displays[key]
        if choices is None:
            method = getattr(obj, f"get_{name}_display", None)
            return method
        raw = getattr(obj, field.attname)
        return lambda: force_str(choices.get(make_hashable(raw), raw), strings_only=True)

    def _call(self, row, value):
        kwargs = {
            "value": value,
            "record": row.record,
            "column": self.column,
            "bound_column": self.bound_column,
            "bound_row": row,
            "table": self.table,
        }
        if self.template is not None:
            content = self._render_template(kwargs)
        else:
            if not self.catch_all:
                if any(arg not in kwargs for arg in self.args):
                    content = None
                    return self.link(content, **kwargs) if self.link else content
                wanted = {name: kwargs[name] for name in self.args}
            else:
                wanted = kwargs
            content = self.render(**wanted)
        return self.link(content, **kwargs) if self.link else content

    def _render_template(self, kwargs):
        """``TemplateColumn.render`` with its template compiled once, not once a cell."""
        table = self.table
        parent_context = getattr(table, "context", Context())
        context = self.column.get_context_data(**kwargs)
        with parent_context.update(context):
            parent_context["request"] = getattr(table, "request", None)
            return self.template.render(parent_context)


def status_badge(record, classes: dict[str, str]) -> str:
    """A record's status as a badge: its label in the page's language, coloured by
    ``classes`` (status → Bootstrap classes; the label carries the meaning, not the colour)."""
    return format_html(
        '<span class="badge {}">{}</span>',
        classes.get(record.status, "text-bg-light"),
        record.get_status_display(),
    )
