"""Form plumbing: Bootstrap classes on every widget, and the project's form renderer."""

from __future__ import annotations

import functools
from pathlib import Path

from django import forms
from django.core import validators
from django.forms.renderers import TemplatesSetting
from django.template import Context
from django.template.base import render_value_in_context
from django.template.loader import get_template
from django.utils.safestring import SafeData, mark_safe

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
