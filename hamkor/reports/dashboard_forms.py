"""The dashboard's filters: the period and the faculty.

In the address the period is ``?from=…&to=…``, as on the achievements page and in
``hamkor achievements --from --to``. The dashboard first named them ``start`` and ``end``: an
address with those (a bookmark) is answered with a redirect to the new names
(:func:`renamed_query`).
"""

from __future__ import annotations

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import home_units
from hamkor.accounts.models import OrgUnit
from hamkor.core.forms import DateInput, Form
from hamkor.reports.achievement_forms import ADDRESS_NAMES
from hamkor.reports.achievements import Period, PeriodError

# The names the period had in the dashboard's address before it took the command's.
OLD_NAMES = {"start": "from", "end": "to"}


def renamed_query(query: QueryDict) -> QueryDict | None:
    """``query`` with the old names of the period replaced by the current ones, or None when
    it has none. A current name already given wins over its old one."""
    if not any(old in query for old in OLD_NAMES):
        return None
    renamed = query.copy()
    for old, new in OLD_NAMES.items():
        values = renamed.pop(old, None)
        if values is not None and new not in renamed:
            renamed.setlist(new, values)
    return renamed


class DashboardForm(Form):
    """From, to and faculty, read from the address; an empty field keeps the default
    (the last four calendar years, every faculty).

    ``faculty`` is a unit chosen for the user (a coordinator's own): the faculty field is
    then left out and the period always has that faculty.
    """

    start = forms.DateField(label=_("From"), required=False, widget=DateInput)
    end = forms.DateField(label=_("To"), required=False, widget=DateInput)
    faculty = forms.ModelChoiceField(
        label=_("Faculty"),
        queryset=OrgUnit.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All faculties"),
    )

    def add_prefix(self, field_name: str) -> str:
        return ADDRESS_NAMES.get(field_name, field_name)

    def __init__(self, data=None, *, faculty: OrgUnit | None = None):
        super().__init__(data)
        self.forced_faculty = faculty
        if faculty is not None:
            del self.fields["faculty"]
        else:
            self.fields["faculty"].queryset = home_units().filter(kind=OrgUnit.Kind.FACULTY)

    def clean(self):
        cleaned = super().clean()
        try:
            self.period = Period.default(
                start=cleaned.get("start"),
                end=cleaned.get("end"),
                faculty=self.forced_faculty or cleaned.get("faculty"),
            )
        except PeriodError as exc:
            self.add_error("end", str(exc))
        return cleaned
