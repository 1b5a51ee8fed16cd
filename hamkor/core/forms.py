"""Form plumbing: Bootstrap classes on every widget, and the project's form renderer."""

from __future__ import annotations

from django import forms
from django.core import validators
from django.forms.renderers import TemplatesSetting

from hamkor.core.validators import (
    TEXT_MAX_LENGTH,
    validate_not_negative,
    validate_office_date,
)
from hamkor.core.widgets import use_picker


class FormRenderer(TemplatesSetting):
    """Renders ``{{ form }}`` with Bootstrap 5 markup and errors beside each field."""

    form_template_name = "core/forms/div.html"
    field_template_name = "core/forms/field.html"


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
