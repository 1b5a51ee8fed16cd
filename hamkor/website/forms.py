"""The staff form of the department's profile: every text in each language, the head's photo."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hamkor.core.forms import ModelForm
from hamkor.website.content.forms import BODY_HELP
from hamkor.website.content.images import MAX_BYTES
from hamkor.website.models import DepartmentProfile

LANGUAGES = ("uz", "uz_cyrl", "ru", "en")


def _columns(*names: str) -> list[str]:
    return [f"{name}_{language}" for name in names for language in LANGUAGES]


RICH = _columns(*DepartmentProfile.rich_fields)
CYRILLIC_HELP = _("Optional: when empty, the Uzbek (Latin) text is shown transliterated.")


class DepartmentProfileForm(ModelForm):
    head_photo_upload = forms.FileField(
        label=_("New photo of the head"),
        required=False,
        help_text=_(
            "JPEG, PNG or WebP, up to %(size)s MB. It is narrowed and stored without its "
            "metadata (camera, place) and replaces the photo chosen above."
        )
        % {"size": MAX_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png,.webp"}),
    )

    class Meta:
        model = DepartmentProfile
        fields = [
            *_columns("name", "mission", "head_name", "head_title"),
            "head_photo",
            *_columns("reception"),
            "reception_hours", "phone", "email", "university_phone", "university_email",
            *_columns("address"),
            "map_url",
            *RICH,
        ]  # fmt: skip
        widgets = {
            **{f"mission_{language}": forms.Textarea(attrs={"rows": 2}) for language in LANGUAGES},
            **{
                field: forms.Textarea(attrs={"rows": 8, "class": "font-monospace rich-text"})
                for field in RICH
            },
        }
        help_texts = {field: BODY_HELP for field in RICH if field.endswith("_uz")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name.endswith("_uz_cyrl") and not field.help_text:
                field.help_text = CYRILLIC_HELP
