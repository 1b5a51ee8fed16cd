"""Staff forms of the site's content: texts in a plain text area, pictures by upload."""

from __future__ import annotations

from django import forms
from django.utils.functional import lazy
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from hamkor.core.forms import ModelForm
from hamkor.website.content.images import MAX_BYTES
from hamkor.website.content.models import NewsItem, Page, SiteImage

_BODY_HELP = _(
    "Allowed markup: <p>, <h2>–<h4>, <ul>/<ol> with <li>, <strong>, <em>, <blockquote>, "
    '<a href="https://…">, tables (<table>, <tr>, <th>, <td>) and pictures of the site '
    '(<img src="/site/images/…" alt="…">, copied from the list below). Anything else is '
    "removed on save."
)
# Django shows help texts as HTML: the markup named here must be shown, not applied.
BODY_HELP = lazy(lambda: escape(str(_BODY_HELP)), str)()
HELP_TEXTS = {
    "body_uz": BODY_HELP,
    "body_ru": _("The same markup as in the Uzbek text."),
    "body_en": _("The same markup as in the Uzbek text."),
}


def body_widgets() -> dict:
    """Monospaced text areas for the HTML of each language's text."""
    widgets = {}
    for language in ("uz", "ru", "en"):
        widgets[f"body_{language}"] = forms.Textarea(
            attrs={"rows": 12, "class": "font-monospace rich-text", "spellcheck": "true"}
        )
    return widgets


class NewsItemForm(ModelForm):
    class Meta:
        model = NewsItem
        fields = [
            "title_uz", "title_ru", "title_en", "summary_uz", "summary_ru", "summary_en",
            "body_uz", "body_ru", "body_en", "image", "publish_at", "slug",
        ]  # fmt: skip
        widgets = {
            **body_widgets(),
            "publish_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "summary_uz": forms.Textarea(attrs={"rows": 2}),
            "summary_ru": forms.Textarea(attrs={"rows": 2}),
            "summary_en": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = HELP_TEXTS


class PageForm(ModelForm):
    class Meta:
        model = Page
        fields = [
            "parent", "position", "slug", "title_uz", "title_ru", "title_en",
            "body_uz", "body_ru", "body_en", "checklist",
        ]  # fmt: skip
        widgets = body_widgets()
        help_texts = HELP_TEXTS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only pages that may hold one more level; never the page itself.
        parents = Page.objects.filter(path__regex=r"^[^/]+(/[^/]+)?$").order_by("path")
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk).exclude(
                path__startswith=self.instance.path + "/"
            )
        self.fields["parent"].queryset = parents
        self.fields["parent"].label_from_instance = lambda page: f"{page.path} — {page.title}"


class SiteImageForm(ModelForm):
    """A new picture: the file and its description in each language."""

    upload = forms.FileField(
        label=_("Picture"),
        help_text=_("JPEG, PNG or WebP, up to %(size)s MB; wider than 1600 px is narrowed.")
        % {"size": MAX_BYTES // (1024 * 1024)},
        widget=forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png,.webp"}),
    )

    class Meta:
        model = SiteImage
        fields = ["alt_uz", "alt_ru", "alt_en"]
        help_texts = {"alt_uz": _("What the picture shows, read out to blind visitors.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["upload"]  # a picture is replaced by uploading a new one
