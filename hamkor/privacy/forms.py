from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.core.forms import DateInput, Form, ModelForm
from hamkor.privacy.models import Consent, DataCategory


class DataCategoryForm(ModelForm):
    class Meta:
        model = DataCategory
        fields = [
            "name_uz",
            "name_ru",
            "name_en",
            "purpose_uz",
            "purpose_ru",
            "purpose_en",
            "legal_basis",
            "retention_years",
        ]
        widgets = {
            "purpose_uz": forms.Textarea(attrs={"rows": 3}),
            "purpose_ru": forms.Textarea(attrs={"rows": 3}),
            "purpose_en": forms.Textarea(attrs={"rows": 3}),
        }


class ConsentForm(Form):
    """A consent the office records for a person: only categories based on consent."""

    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=DataCategory.objects.filter(legal_basis=DataCategory.Basis.CONSENT),
    )
    given_on = forms.DateField(label=_("Given on"), widget=DateInput)
    text_version = forms.CharField(
        label=_("Version of the consent text"),
        max_length=50,
        help_text=_("As printed on the form the person signed, e.g. 2026-01."),
    )
    method = forms.ChoiceField(label=_("How obtained"), choices=Consent.Method.choices)

    def consent(self, person) -> Consent:
        data = self.cleaned_data
        given_at = timezone.make_aware(
            datetime.datetime.combine(data["given_on"], datetime.time(12))
        )
        return Consent(
            person=person,
            category=data["category"],
            given_at=given_at,
            text_version=data["text_version"],
            method=data["method"],
        )


class EraseForm(Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The request and its date, e.g. “written request of 5 March 2026”."),
    )
    confirm = forms.BooleanField(
        label=_("I understand that this cannot be undone."),
        required=True,
    )
