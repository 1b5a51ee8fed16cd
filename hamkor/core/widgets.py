"""Widgets shared by forms and filters."""

from django.forms.widgets import NullBooleanSelect
from django.utils.translation import gettext_lazy as _


class AnyYesNoSelect(NullBooleanSelect):
    """A yes/no filter whose empty choice reads "Any" rather than "Unknown"."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = (("unknown", _("Any")), ("true", _("Yes")), ("false", _("No")))
