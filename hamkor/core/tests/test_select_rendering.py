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
from hamkor.core.forms import Form, FormRenderer, RememberedSelect, render_select
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


# --- A select over fixed choices is kept once written: never stale -------------------------


class StatusForm(Form):
    status = forms.ChoiceField(
        choices=[("", "All"), ("draft", _("Draft")), ("active", _("Active"))], required=False
    )
    country = forms.ChoiceField(required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # In the reader's language, as a filter's choices are (built for each page).
        self.fields["country"].choices = list(countries)


def test_a_kept_select_is_what_django_writes():
    form = StatusForm({"status": "active", "country": "UZ"})
    assert isinstance(form.fields["status"].widget, RememberedSelect)
    for name in ("status", "country"):
        field = form[name]
        fresh = forms.Select(choices=field.field.choices, attrs=field.field.widget.attrs)
        assert str(field) == fresh.render(
            field.html_name, field.value(), {"id": field.auto_id}, renderer=FormRenderer()
        )


def test_a_kept_select_follows_the_selection_and_the_language():
    assert '<option value="active" selected>' in str(StatusForm({"status": "active"})["status"])
    assert '<option value="draft" selected>' in str(StatusForm({"status": "draft"})["status"])
    assert 'value="active" selected' not in str(StatusForm()["status"])
    with translation.override("ru"):
        russian = str(StatusForm()["country"])
    with translation.override("en"):
        english = str(StatusForm()["country"])
    assert ">Uzbekistan</option>" in english
    assert ">Узбекистан</option>" in russian


def test_a_kept_select_shows_a_new_choice_at_once():
    form = StatusForm()
    assert "2031" not in str(form["status"])
    form = StatusForm()
    form.fields["status"].choices = [*form.fields["status"].choices, ("2031", "2031/32")]
    assert '<option value="2031">2031/32</option>' in str(form["status"])


def test_a_select_over_a_table_is_not_kept(db, home):
    from hamkor.accounts.models import OrgUnit

    class UnitForm(Form):
        unit = forms.ModelChoiceField(queryset=OrgUnit.objects.order_by("pk"), required=False)

    assert "Kafedra X" not in str(UnitForm()["unit"])
    OrgUnit.objects.create(institution=home, kind="department", code="x", name_uz="Kafedra X")
    assert "Kafedra X" in str(UnitForm()["unit"])


def test_a_kept_filter_select_follows_its_choices_and_their_safety():
    import django_filters

    from hamkor.core.filters import SearchFilterSet
    from hamkor.partners.models import Institution

    def filterset(choices, data=None):
        class Years(SearchFilterSet):
            year = django_filters.ChoiceFilter(choices=choices)

            class Meta:
                model = Institution
                fields = ["year"]

        return Years(data, queryset=Institution.objects.none())

    plain = str(filterset([("1", "<b>2030</b>")]).form["year"])
    safe = str(filterset([("1", mark_safe("<b>2030</b>"))]).form["year"])
    assert "&lt;b&gt;2030&lt;/b&gt;" in plain
    assert "<b>2030</b>" in safe
    later = filterset([("1", "2030"), ("2", "2031")], {"year": "2"}).form["year"]
    assert '<option value="2" selected>2031</option>' in str(later)
