"""Form plumbing: Bootstrap classes on every widget, and the project's form renderer."""

from __future__ import annotations

import datetime
import decimal
import functools
from collections.abc import Iterable
from pathlib import Path

from django import forms
from django.core import validators
from django.forms.models import ModelChoiceIterator
from django.forms.renderers import TemplatesSetting
from django.template import Context
from django.template.base import render_value_in_context
from django.template.loader import get_template
from django.utils.functional import Promise
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

from hamkor.core.validators import (
    TEXT_MAX_LENGTH,
    validate_not_negative,
    validate_office_date,
)
from hamkor.core.widgets import use_picker

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"
ATTRS = "django/forms/widgets/attrs.html"


class FormRenderer(TemplatesSetting):
    """Renders ``{{ form }}`` with Bootstrap 5 markup and errors beside each field.

    A ``<select>`` is written in Python, as Django's own templates write it: through the
    templates, each option costs two template inclusions, and the 250 countries of a
    filter took 30 ms a page.
    """

    form_template_name = "core/forms/div.html"
    field_template_name = "core/forms/field.html"

    def render(self, template_name, context, request=None):
        if template_name == SELECT and _django_select_templates():
            html = render_select(context["widget"])
            if html is not None:
                return html
        return super().render(template_name, context, request)


@functools.cache
def _django_select_templates() -> bool:
    """Whether the select templates in use are Django's own (no project overrides them)."""
    own = Path(forms.__file__).parent / "templates"
    return all(
        Path(get_template(name).origin.name).is_relative_to(own) for name in (SELECT, OPTION, ATTRS)
    )


_PLAIN = Context()  # the autoescaping context a template renders a variable in


def _text(value) -> str:
    return render_value_in_context(value, _PLAIN)


def _as_string(value) -> str:
    """``value|stringformat:'s'``, escaped as a template escapes it."""
    text = "%s" % (str(value) if isinstance(value, tuple) else value)
    return _text(mark_safe(text) if isinstance(value, SafeData) else text)


def _attrs(attrs: dict) -> str:
    return "".join(
        f" {_text(name)}" + ("" if value is True else f'="{_as_string(value)}"')
        for name, value in attrs.items()
        if value is not False
    )


def render_select(widget: dict) -> str | None:
    """What ``django/forms/widgets/select.html`` renders for ``widget`` (the widget's
    context), or None when an option has a template of its own."""
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION:
                return None
            parts.append(
                f'\n  <option value="{_as_string(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts).strip()


class RememberedSelect(forms.Select):
    """A ``<select>`` over fixed choices, written once for each language, name, attributes,
    selection and list of choices, and then kept.

    A list filter's selects (250 countries, a dozen statuses) are the same on every page
    but for the chosen option; writing them cost each page an option dictionary and its
    escaping per choice. The choices themselves are part of the key, so a list that changes
    (a new academic year) is written afresh; choices read from a table are not kept.
    """

    def render(self, name, value, attrs=None, renderer=None):
        if isinstance(self.choices, ModelChoiceIterator):
            return super().render(name, value, attrs, renderer)
        try:
            key = (
                get_language(),
                type(renderer),
                self.template_name,
                name,
                _frozen(self.build_attrs(self.attrs, attrs)),
                tuple(self.format_value(value)),
                _frozen(self.choices),
            )
            html = _REMEMBERED.get(key)
        except TypeError:  # an attribute or a choice that cannot be a key
            return super().render(name, value, attrs, renderer)
        if html is None:
            html = super().render(name, value, attrs, renderer)
            if len(_REMEMBERED) >= 256:
                _REMEMBERED.clear()
            _REMEMBERED[key] = html
        return html


_REMEMBERED: dict[tuple, str] = {}


def _frozen(value):
    """``value`` (attributes, choices, groups of choices) as a key, by content: labels as
    text, a safe label apart from the same text to escape; anything else is not kept."""
    if isinstance(value, SafeData):
        return ("safe", str(value))
    if isinstance(value, Promise):
        return str(value)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float | decimal.Decimal | datetime.date):
        return (type(value).__name__, value)  # True, 1 and 1.0 are written differently
    if isinstance(value, dict):
        return tuple((name, _frozen(item)) for name, item in value.items())
    if isinstance(value, Iterable):  # a list, a tuple, django-filter's choice iterator
        return tuple(_frozen(item) for item in value)
    raise TypeError(f"not kept: {type(value).__name__}")


def remember_select(field) -> None:
    """Give a plain choice field the :class:`RememberedSelect`."""
    widget = field.widget
    if type(widget) is not forms.Select or isinstance(field, forms.ModelChoiceField):
        return
    remembered = RememberedSelect(attrs=widget.attrs, choices=widget.choices)
    remembered.is_required = widget.is_required
    remembered.is_localized = widget.is_localized
    field.widget = remembered


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def apply_bounds(field) -> None:
    """The bounds every field of a kind shares (see ``hamkor.core.validators``): a long text
    has a length, a date a plausible year, an amount no minus sign."""
    if isinstance(field, forms.CharField) and field.max_length is None:
        field.max_length = TEXT_MAX_LENGTH
        field.validators.append(validators.MaxLengthValidator(TEXT_MAX_LENGTH))
        field.widget.attrs.setdefault("maxlength", str(TEXT_MAX_LENGTH))
    elif isinstance(field, forms.DateField) and not isinstance(field, forms.DateTimeField):
        if validate_office_date not in field.validators:
            field.validators.append(validate_office_date)
    elif isinstance(field, forms.DecimalField) and field.min_value is None:
        if validate_not_negative not in field.validators:
            field.validators.append(validate_not_negative)
        field.widget.attrs.setdefault("min", "0")


class BootstrapMixin:
    """Gives each widget its Bootstrap class, large tables their picker, every field its
    bounds, and marks fields with errors as invalid."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            use_picker(field)
            remember_select(field)
            apply_bounds(field)
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            elif isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                css = ""
            else:
                css = "form-control"
            if css:
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self):
        # Marked after validation, not in __init__: reading errors there would validate the
        # form before a subclass narrows a queryset.
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()


class ModelForm(BootstrapMixin, forms.ModelForm):
    """Base of every edit form in Hamkor."""


class Form(BootstrapMixin, forms.Form):
    """Base of every plain form in Hamkor."""
