"""Upload forms of documents; the checks of the file itself are in hamkor.core.documents."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from hamkor.core.files import ACCEPT
from hamkor.core.forms import Form
from hamkor.core.models import Document


class DocumentVersionForm(Form):
    """A new version of an existing document."""

    file = forms.FileField(label=_("File"), widget=forms.FileInput(attrs={"accept": ACCEPT}))
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class DocumentUploadForm(DocumentVersionForm):
    """A new document attached to a record, with its first version."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Document.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)

    def __init__(self, *args, kinds: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = kinds


def form_errors(form: forms.Form) -> str:
    """A form's errors as one line for a message: "File: This field is required." """
    parts = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        text = " ".join(str(error) for error in errors)
        parts.append(f"{label}: {text}" if label else text)
    return " ".join(parts)
