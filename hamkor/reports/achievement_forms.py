"""The period form of the achievements pages: from, to, on and faculty, in the address.

The fields are named as the command's options (``?from=2022-01-01&to=2025-12-31&on=…&
faculty=<code>``), so that a page's address says what the command would be asked. Empty
fields take :meth:`Period.default`'s values. A coordinator limited to a faculty sees that
faculty's figures only: the field shows it and cannot be changed.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty, home_units
from hamkor.accounts.models import OrgUnit
from hamkor.core.forms import DateInput, Form
from hamkor.reports.achievements import Period, PeriodError

# The form's fields and the names they have in the address.
ADDRESS_NAMES = {"start": "from", "end": "to", "on": "on", "faculty": "faculty"}


class PeriodForm(Form):
    start = forms.DateField(label=_("From"), required=False, widget=DateInput)
    end = forms.DateField(label=_("To"), required=False, widget=DateInput)
    on = forms.DateField(
        label=_("Partners in force on"),
        required=False,
        widget=DateInput,
        help_text=_("For the foreign universities with an agreement in force."),
    )
    faculty = forms.ModelChoiceField(
        label=_("Faculty"),
        queryset=OrgUnit.objects.none(),
        to_field_name="code",
        required=False,
        empty_label=_("All faculties"),
    )

    def __init__(self, data, *, user, today=None):
        self.default = Period.default(today=today)
        self.limited_to = coordinator_faculty(user)
        super().__init__(data)
        faculty = self.fields["faculty"]
        if self.limited_to is UNLIMITED:
            faculty.queryset = home_units()
        else:
            faculty.queryset = OrgUnit.objects.filter(pk=self.limited_to)
            faculty.disabled = True
            faculty.empty_label = None
        self.period: Period | None = None

    def add_prefix(self, field_name: str) -> str:
        return ADDRESS_NAMES.get(field_name, field_name)

    @property
    def may_read(self) -> bool:
        """A coordinator without a faculty reads no faculty's figures."""
        return self.limited_to is not None

    def clean(self):
        data = super().clean()
        if self.errors or not self.may_read:
            return data
        if self.limited_to is not UNLIMITED:
            data["faculty"] = OrgUnit.objects.get(pk=self.limited_to)
        try:
            self.period = Period.default(
                start=data.get("start"),
                end=data.get("end"),
                on=data.get("on"),
                faculty=data.get("faculty"),
                today=self.default.on,
            )
        except PeriodError as exc:
            raise forms.ValidationError(str(exc)) from exc
        # The fields left empty show the days the period took.
        shown = self.data.copy()
        for name, day in (
            ("from", self.period.start),
            ("to", self.period.end),
            ("on", self.period.on),
        ):
            if not shown.get(name):
                shown[name] = day.isoformat()
        self.data = shown
        return data


def period_query(period: Period) -> str:
    """The address's query of ``period``: every value written out."""
    values = {"from": period.start, "to": period.end, "on": period.on}
    if period.faculty is not None:
        values["faculty"] = period.faculty.code
    return urlencode({key: str(value) for key, value in values.items()})
