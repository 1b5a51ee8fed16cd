"""Widgets shared by forms and filters."""

import json

from django.forms.widgets import Input, NullBooleanSelect, Select
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hamkor.core.validators import is_number


class AnyYesNoSelect(NullBooleanSelect):
    """A yes/no filter whose empty choice reads "Any" rather than "Unknown"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = (("unknown", _("Any")), ("true", _("Yes")), ("false", _("No")))


class SearchInput(Input):
    """A search box: lists refresh as the user types in one (see core/object_list.html)."""

    input_type = "search"


class AutocompleteSelect(Select):
    """A select of one row of a large table, searched as the user types (Tom Select).

    Only the chosen row is rendered as an option; the others come from the picker endpoint
    of ``source`` (see ``hamkor.core.autocomplete``). ``depends`` maps a parameter of the
    endpoint to the name of another field of the form whose value narrows the choice (the
    agreements of the chosen partner, in force on the chosen dates).
    """

    # The text of the empty option, which the picker shows as its placeholder instead.
    empty_label = ""

    def __init__(self, source: str, attrs=None, depends: dict[str, str] | None = None):
        super().__init__(attrs)
        self.source = source
        self.depends = depends or {}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs["data-tom-select"] = self.source
        widget_attrs["data-autocomplete"] = reverse("core:autocomplete", args=[self.source])
        widget_attrs.setdefault("data-placeholder", _("Type to search…"))
        widget_attrs["data-no-results"] = _("No results found")
        widget_attrs["data-error"] = _("The search failed; try again.")
        if self.depends:
            widget_attrs["data-autocomplete-params"] = json.dumps(self.depends)
        return context

    def optgroups(self, name, value, attrs=None):
        from hamkor.core.autocomplete import label_for

        chosen = [str(item) for item in value if is_number(str(item))]
        queryset = getattr(self.choices, "queryset", None)
        options = [("", self.empty_label)]  # no choice yet: the picker shows its placeholder
        if queryset is not None and chosen:
            # The chosen row even when outside the field's rows: the form says why it is refused.
            for obj in queryset.model._base_manager.filter(pk__in=chosen):
                options.append((str(obj.pk), label_for(self.source, obj)))
        every = self.choices
        self.choices = options
        try:
            return super().optgroups(name, value, attrs)
        finally:
            self.choices = every


# Foreign keys to these models get the picker in every form and filter (see BootstrapMixin).
PICKER_SOURCES = {
    "partners.institution": "institution",
    "mobility.person": "person",
    "agreements.agreement": "agreement",
}


def use_picker(field) -> None:
    """Give a choice field over a large table the search-as-you-type picker."""
    from django.forms import ModelChoiceField, ModelMultipleChoiceField

    if not isinstance(field, ModelChoiceField) or isinstance(field, ModelMultipleChoiceField):
        return
    if field.widget.is_hidden:
        return
    widget = field.widget
    if not isinstance(widget, AutocompleteSelect):
        source = widget.attrs.get("data-tom-select") or PICKER_SOURCES.get(
            field.queryset.model._meta.label_lower
        )
        if source is None:
            return
        widget = AutocompleteSelect(source, attrs=dict(widget.attrs))
    widget.choices = field.choices
    widget.is_required = field.required
    field.widget = widget
