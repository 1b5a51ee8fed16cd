"""News items, static pages (a small tree) and the images their texts show.

Texts have a column per content language (uz, ru, en); Uzbek Cyrillic is transliterated from
Uzbek Latin when a page is rendered, and an empty language falls back to Uzbek Latin.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from hamkor.core.models import BaseModel, translated
from hamkor.core.transitions import ProtectedStatusMixin

CONTENT_LANGUAGES = ("uz", "ru", "en")


class SiteImage(BaseModel):
    """A picture for the public site, checked and re-encoded on upload (no metadata kept).

    It is served at an unguessable public address (``key``) that the texts of news and
    pages may name in ``<img src>``; nothing else is served from uploads.
    """

    class Format(models.TextChoices):
        JPEG = "jpeg", "JPEG"
        PNG = "png", "PNG"
        WEBP = "webp", "WebP"

    key = models.UUIDField(_("public key"), default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(_("file"), upload_to="website/images/", editable=False)
    format = models.CharField(_("format"), max_length=4, choices=Format.choices, editable=False)
    width = models.PositiveIntegerField(_("width (px)"), editable=False)
    height = models.PositiveIntegerField(_("height (px)"), editable=False)
    size = models.PositiveIntegerField(_("size (bytes)"), editable=False)
    original_name = models.CharField(_("original file name"), max_length=255, editable=False)
    alt_uz = models.CharField(_("description in Uzbek"), max_length=300)
    alt_ru = models.CharField(_("description in Russian"), max_length=300, blank=True)
    alt_en = models.CharField(_("description in English"), max_length=300, blank=True)

    alt = translated("alt")
    new_title = _("New image")
    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("site image")
        verbose_name_plural = _("site images")
        ordering = ("-created_at", "-pk")

    def __str__(self) -> str:
        return self.alt or self.original_name

    @property
    def filename(self) -> str:
        extension = "jpg" if self.format == self.Format.JPEG else self.format
        return f"{self.key.hex}.{extension}"

    @property
    def url(self) -> str:
        """The public address, the one ``<img src>`` in a text may name."""
        return reverse("website:siteimage_file", kwargs={"name": self.filename})


class PublishingMixin(ProtectedStatusMixin, models.Model):
    """A draft or published text, changed by the named steps ``publish`` and ``withdraw``."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    status = FSMField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        protected=True,
    )

    class Meta:
        abstract = True

    @transition(
        field=status,
        source=Status.DRAFT,
        target=Status.PUBLISHED,
        custom={"label": _("Publish"), "button": "btn-success"},
    )
    def publish(self):
        """Shown to the public (a news item from its publication time)."""

    @transition(
        field=status,
        source=Status.PUBLISHED,
        target=Status.DRAFT,
        custom={"label": _("Withdraw to draft"), "button": "btn-outline-danger"},
    )
    def withdraw(self):
        """Back to a draft: the public no longer sees it."""


class NewsItem(PublishingMixin, BaseModel):
    """A news item of the department. Published with a publication time in the future, it is
    scheduled: the public sees it from that time on (the public query compares with now, so
    nothing has to run at that moment)."""

    slug = models.SlugField(
        _("address"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("The last part of the public address; made from the title when empty."),
    )
    title_uz = models.CharField(_("title in Uzbek"), max_length=300)
    title_ru = models.CharField(_("title in Russian"), max_length=300, blank=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    summary_uz = models.TextField(_("summary in Uzbek"), max_length=600, blank=True)
    summary_ru = models.TextField(_("summary in Russian"), max_length=600, blank=True)
    summary_en = models.TextField(_("summary in English"), max_length=600, blank=True)
    body_uz = models.TextField(_("text in Uzbek"), blank=True)
    body_ru = models.TextField(_("text in Russian"), blank=True)
    body_en = models.TextField(_("text in English"), blank=True)
    image = models.ForeignKey(
        SiteImage,
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="news_items",
        help_text=_("Shown in the list of news and at the top of the item."),
    )
    publish_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        help_text=_("Tashkent time. Empty: the moment it is published."),
    )

    title = translated("title")
    summary = translated("summary")
    body = translated("body")
    translated_fields = ("title", "summary", "body")
    new_title = _("New news item")
    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ("-publish_at", "-pk")
        permissions = [("transition_newsitem", _("Can publish and withdraw news"))]
        indexes = [models.Index(fields=["status", "publish_at"], name="website_news_public_idx")]

    def __str__(self) -> str:
        return self.title

    @property
    def only_in_uzbek(self) -> bool:
        """Whether the active language's page shows this item's Uzbek text for want of its
        own version (no title in Russian or English): the page says so."""
        language = (translation.get_language() or "uz").lower()
        if language.startswith("uz"):
            return False  # Uzbek Cyrillic is the Latin text transliterated
        return not getattr(self, f"title_{language.split('-')[0]}", "")

    @property
    def state(self) -> str:
        """``draft``, ``scheduled`` (published, its time not come) or ``published``."""
        if self.status == self.Status.DRAFT:
            return "draft"
        if self.publish_at and self.publish_at > timezone.now():
            return "scheduled"
        return "published"

    def get_public_url(self) -> str:
        return reverse("public:news_detail", kwargs={"key": self.slug or str(self.pk)})


class Page(PublishingMixin, BaseModel):
    """A static page of the public site ("For foreign students and guests", "Visa support").

    Pages form a small tree (at most three levels): the public menu is its published part,
    siblings in ``position`` order. ``path`` is the ancestors' addresses and the page's own,
    kept by the service when a page moves.
    """

    MAX_DEPTH = 3

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent page"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Empty for a page of the top of the menu."),
    )
    slug = models.SlugField(
        _("address"),
        max_length=80,
        blank=True,
        help_text=_("The page's part of the public address; made from the title when empty."),
    )
    path = models.CharField(_("full address"), max_length=300, unique=True, editable=False)
    position = models.PositiveSmallIntegerField(
        _("position in the menu"), default=10, help_text=_("Smaller numbers come first.")
    )
    title_uz = models.CharField(_("title in Uzbek"), max_length=200)
    title_ru = models.CharField(_("title in Russian"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    body_uz = models.TextField(_("text in Uzbek"), blank=True)
    body_ru = models.TextField(_("text in Russian"), blank=True)
    body_en = models.TextField(_("text in English"), blank=True)
    checklist = models.BooleanField(
        _("checklist"),
        default=False,
        help_text=_(
            "The page's lists are shown with boxes to tick, and the page offers to be printed "
            "(a checklist for visiting professors)."
        ),
    )

    title = translated("title")
    body = translated("body")
    translated_fields = ("title", "body")
    new_title = _("New page")
    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ("path",)
        permissions = [("transition_page", _("Can publish and withdraw pages"))]

    def __str__(self) -> str:
        return self.title

    @property
    def depth(self) -> int:
        return self.path.count("/") + 1 if self.path else 1

    def get_public_url(self) -> str:
        return reverse("public:page_detail", kwargs={"path": self.path})
