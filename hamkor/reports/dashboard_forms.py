"""The dashboard's filters: the period and the faculty."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import home_units
from hamkor.accounts.models import OrgUnit
from hamkor.core.forms import DateInput, Form
from hamkor.reports.achievements import Period, PeriodError


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
