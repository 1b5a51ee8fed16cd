"""The staff form of an opportunity."""

from __future__ import annotations

from django import forms

from hamkor.core.forms import ModelForm
from hamkor.website.content.forms import HELP_TEXTS, body_widgets
from hamkor.website.opportunities.models import Opportunity


class OpportunityForm(ModelForm):
    class Meta:
        model = Opportunity
        fields = [
            "kind", "audience", "deadline", "url", "partner",
            "title_uz", "title_ru", "title_en", "summary_uz", "summary_ru", "summary_en",
            "body_uz", "body_ru", "body_en", "slug",
        ]  # fmt: skip
        widgets = {
            **body_widgets(),
            "deadline": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "summary_uz": forms.Textarea(attrs={"rows": 2}),
            "summary_ru": forms.Textarea(attrs={"rows": 2}),
            "summary_en": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = HELP_TEXTS
