"""Forms of the reception: the public booking, and the office's hours and holidays."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hamkor.core.forms import DateInput, Form, ModelForm
from hamkor.website.reception.models import Holiday, ReceptionHours
from hamkor.website.spam import GuardedForm


class BookingForm(GuardedForm):
    """The visitor's booking: the slot is chosen among the radio buttons of the page."""

    slot = forms.CharField(
        label=_("Time"),
        max_length=16,
        error_messages={"required": _("Choose a time among those shown.")},
    )
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("We send the confirmation and the cancellation link here.")
    )
    phone = forms.CharField(label=_("Phone"), max_length=40)
    purpose = forms.CharField(
        label=_("Purpose of the visit"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_slot(self) -> datetime.datetime:
        value = self.cleaned_data["slot"]
        try:
            moment = datetime.datetime.strptime(value, "%Y-%m-%dT%H:%M")
        except ValueError:
            raise forms.ValidationError(_("Choose a time among those shown.")) from None
        return timezone.make_aware(moment)


class ReceptionHoursForm(ModelForm):
    class Meta:
        model = ReceptionHours
        fields = ["weekday", "starts_at", "ends_at", "slot_minutes", "capacity"]
        widgets = {
            "starts_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "ends_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }


class HolidayForm(ModelForm):
    class Meta:
        model = Holiday
        fields = ["date", "every_year", "name_uz", "name_ru", "name_en"]
        widgets = {"date": DateInput}


class BookingStepForm(Form):
    """The office's marks ask nothing."""


class DayForm(Form):
    day = forms.DateField(label=_("Day"), required=False, widget=DateInput)
