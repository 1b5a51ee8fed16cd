"""Form plumbing: Bootstrap classes on every widget, and the project's form renderer."""

from __future__ import annotations

from django import forms
from django.forms.renderers import TemplatesSetting

from hamkor.core.widgets import use_picker


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
        for field in self.fields.values():
            use_picker(field)
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
