"""Form plumbing: Bootstrap classes on every widget, and the project's form renderer."""

from __future__ import annotations

from django import forms
from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    """Renders ``{{ form }}`` with Bootstrap 5 markup and errors beside each field."""

    form_template_name = "core/forms/div.html"
    field_template_name = "core/forms/field.html"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class BootstrapMixin:
    """Gives each widget its Bootstrap class and marks fields with errors as invalid."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            elif isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                css = ""
            else:
                css = "form-control"
            if self.is_bound and name in self.errors:
                css += " is-invalid"
            if css:
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class ModelForm(BootstrapMixin, forms.ModelForm):
    """Base of every edit form in Hamkor."""


class Form(BootstrapMixin, forms.Form):
    """Base of every plain form in Hamkor."""
