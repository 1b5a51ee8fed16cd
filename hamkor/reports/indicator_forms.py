"""Forms of the reports app: a year's totals, the reason to reopen it, a strategy target."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hamkor.accounts.faculties import home_units
from hamkor.accounts.models import OrgUnit
from hamkor.core.forms import Form, ModelForm
from hamkor.reports.models import Target, UniversityYear


class UniversityYearForm(ModelForm):
    class Meta:
        model = UniversityYear
        fields = [
            "year",
            "students_total",
            "international_students",
            "faculty_total",
            "international_faculty",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class UniversityYearReopenForm(Form):
    reason = forms.CharField(
        label=_("Why is the year reopened?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class TargetForm(ModelForm):
    class Meta:
        model = Target
        fields = ["key", "year", "value", "faculty", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["faculty"].queryset = home_units().filter(kind=OrgUnit.Kind.FACULTY)
