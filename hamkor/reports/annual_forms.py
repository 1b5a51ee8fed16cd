"""The annual report's page: which year, language, format and faculty."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamkor.accounts.faculties import home_units
from hamkor.accounts.models import OrgUnit
from hamkor.core.forms import Form
from hamkor.reports.annual import FIRST_YEAR, LANGUAGES, LAST_YEAR
from hamkor.reports.annual_job import FORMATS

FORMAT_LABELS = {"pdf": _("PDF document"), "xlsx": _("Excel workbook (XLSX)")}
YEARS_LIST = "annual-report-years"


class AnnualReportForm(Form):
    year = forms.IntegerField(
        label=pgettext_lazy("calendar year", "Year"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        widget=forms.NumberInput(attrs={"list": YEARS_LIST, "inputmode": "numeric"}),
        help_text=_("The years with records are offered; any other year gives an empty report."),
    )
    language = forms.ChoiceField(label=_("Language of the report"), choices=())
    export_format = forms.ChoiceField(
        label=_("Format"), choices=[(f, FORMAT_LABELS[f]) for f in FORMATS]
    )
    faculty = forms.ModelChoiceField(
        label=_("Faculty"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("The whole university"),
    )

    def __init__(self, *args, coordinator_unit: OrgUnit | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        names = dict(settings.LANGUAGES)
        self.fields["language"].choices = [(code, names.get(code, code)) for code in LANGUAGES]
        faculty = self.fields["faculty"]
        faculty.queryset = home_units().filter(kind=OrgUnit.Kind.FACULTY)
        if coordinator_unit is not None:
            # A coordinator's report is their faculty's: shown, not chosen.
            faculty.queryset = OrgUnit.objects.filter(pk=coordinator_unit.pk)
            faculty.initial = coordinator_unit.pk
            faculty.disabled = True
            faculty.empty_label = None
            faculty.help_text = _("Your report covers your faculty.")
