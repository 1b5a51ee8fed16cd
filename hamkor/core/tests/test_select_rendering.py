"""The project's form renderer writes a ``<select>`` in Python: exactly as Django's templates.

Every filter form and edit form has selects (the 250 countries among them); the renderer
skips the two template inclusions an option costs, and must not change a character.
"""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from hamkor.core.countries import countries
from hamkor.core.forms import FormRenderer, render_select
from hamkor.core.widgets import AnyYesNoSelect

CHOICES = [
    ("", "All"),
    ("a&b", 'Tom & "Jerry" <b>'),
    (3, 3),
    ("lazy", _("Status")),
    ("Group <1>", [("x", "X'"), ("y", mark_safe("<i>Y</i>"))]),
]


def both(widget: forms.Widget, name: str, value, attrs=None) -> tuple[str, str]:
    fast = widget.render(name, value, attrs, renderer=FormRenderer())
    templates = widget.render(name, value, attrs, renderer=TemplatesSetting())
    return fast, templates


@pytest.mark.parametrize(
    ("widget", "value"),
    [
        (forms.Select(choices=CHOICES), "a&b"),
        (forms.Select(choices=CHOICES), None),
        (forms.Select(choices=CHOICES, attrs={"class": "form-select", "required": True}), 3),
        (forms.Select(choices=CHOICES, attrs={"disabled": False, "data-x": mark_safe("&")}), ""),
        (forms.SelectMultiple(choices=CHOICES), ["x", "lazy"]),
        (forms.NullBooleanSelect(), True),
        (AnyYesNoSelect(), None),
        (forms.Select(choices=[]), None),
    ],
)
@pytest.mark.parametrize("language", ["en", "ru", "uz-cyrl"])
def test_a_select_is_written_as_djangos_templates_write_it(widget, value, language):
    with translation.override(language):
        fast, templates = both(widget, 'na"me', value, {"id": "id_name"})
    assert fast == templates
    assert "<select" in fast


@pytest.mark.parametrize("language", ["en", "ru", "uz", "uz-cyrl"])
def test_the_country_filter_is_unchanged(language):
    field = forms.ChoiceField(choices=[("", "All"), *countries])
    field.widget.attrs["class"] = "form-select form-select-sm"
    with translation.override(language):
        fast, templates = both(field.widget, "country", "UZ", {"id": "id_country"})
    assert fast == templates
    assert fast.count("<option") == len(list(countries)) + 1
    assert 'value="UZ" selected' in fast


class OwnOption(forms.Select):
    option_template_name = "django/forms/widgets/input.html"


def test_an_option_with_a_template_of_its_own_is_rendered_by_its_template():
    fast, templates = both(OwnOption(choices=[("a", "A")]), "name", "a")
    assert fast == templates


def test_the_renderer_writes_selects_itself():
    """The comparisons above compare two renderings, not the templates with themselves."""
    widget = forms.Select(choices=CHOICES)
    context = widget.get_context("name", "x", {"id": "id_name"})
    html = widget.render("name", "x", {"id": "id_name"}, renderer=TemplatesSetting())
    assert render_select(context["widget"]) == html
