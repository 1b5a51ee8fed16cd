"""Widgets shared by forms and filters."""

from django.forms.widgets import Input, NullBooleanSelect
from django.utils.translation import gettext_lazy as _


class AnyYesNoSelect(NullBooleanSelect):
    """A yes/no filter whose empty choice reads "Any" rather than "Unknown"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = (("unknown", _("Any")), ("true", _("Yes")), ("false", _("No")))


class SearchInput(Input):
    """A search box: lists refresh as the user types in one (see core/object_list.html)."""

    input_type = "search"
