from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamkor.core.forms import ModelForm
from hamkor.webhooks.events import event_choices
from hamkor.webhooks.models import Webhook
from hamkor.webhooks.sending import address_check


class WebhookForm(ModelForm):
    events = forms.MultipleChoiceField(
        label=pgettext_lazy("webhook", "Events"),
        choices=event_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Hamkor sends each of these to the address as it happens."),
    )

    class Meta:
        model = Webhook
        fields = ["name", "url", "events", "is_active"]
        help_texts = {
            "url": _("Where Hamkor posts the events (https://…). Local and private addresses "
                     "are refused."),
        }  # fmt: skip

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            address_check(url)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from exc
        return url
