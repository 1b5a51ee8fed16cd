"""An opportunity the department announces: a programme, scholarship, grant competition or
summer school that students or staff may apply to until its deadline.

Texts have a column per content language like the news (Uzbek Cyrillic transliterated from
Uzbek Latin, an empty language showing the Uzbek text). The stored status is draft or
published; a published opportunity whose deadline has passed is *closed* (computed, so that
nothing has to run at the deadline).
"""

from __future__ import annotations

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from hamkor.core.models import BaseModel, translated
from hamkor.website.content.models import PublishingMixin


class Opportunity(PublishingMixin, BaseModel):
    """Published and before its deadline, it is listed on ``/<lang>/opportunities/``; past
    the deadline it leaves the list and its page says it is closed."""

    class Kind(models.TextChoices):
        EXCHANGE = "exchange", _("Exchange programme")
        SCHOLARSHIP = "scholarship", _("Scholarship")
        GRANT = "grant", _("Grant competition")
        SUMMER_SCHOOL = "summer_school", _("Summer school")
        INTERNSHIP = "internship", _("Internship")
        OTHER = "other", _("Other")

    class Audience(models.TextChoices):
        STUDENTS = "students", _("Students")
        STAFF = "staff", pgettext_lazy("audience", "Staff")
        BOTH = "both", _("Students and staff")

    slug = models.SlugField(
        _("address"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("The last part of the public address; made from the title when empty."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    audience = models.CharField(
        _("who may apply"), max_length=10, choices=Audience.choices, default=Audience.BOTH
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
    deadline = models.DateTimeField(
        _("deadline"), help_text=_("Tashkent time: the last moment an application is accepted.")
    )
    url = models.URLField(
        _("official page"),
        max_length=500,
        blank=True,
        help_text=_("The programme's own page, where the rules and the application are."),
    )
    partner = models.ForeignKey(
        "partners.Institution",
        verbose_name=_("partner institution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="opportunities",
    )

    title = translated("title")
    summary = translated("summary")
    body = translated("body")
    translated_fields = ("title", "summary", "body")
    new_title = _("New opportunity")
    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")
        ordering = ("deadline", "pk")
        permissions = [("transition_opportunity", _("Can publish and withdraw opportunities"))]
        indexes = [models.Index(fields=["status", "deadline"], name="website_opportunity_open_idx")]

    def __str__(self) -> str:
        return self.title

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        return self.deadline > (now or timezone.now())

    @property
    def state(self) -> str:
        """``draft``, ``open`` (published, deadline to come) or ``closed``."""
        if self.status == self.Status.DRAFT:
            return "draft"
        return "open" if self.is_open() else "closed"

    def days_left(self, now: datetime.datetime | None = None) -> int | None:
        """Calendar days in Tashkent from today to the deadline's day (0: closes today);
        None once closed."""
        now = now or timezone.now()
        if not self.is_open(now):
            return None
        return (timezone.localtime(self.deadline).date() - timezone.localtime(now).date()).days

    def get_public_url(self) -> str:
        return reverse("public:opportunity_detail", kwargs={"key": self.slug or str(self.pk)})
