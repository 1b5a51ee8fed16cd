"""The department's public profile: who leads it, when it receives, how to reach it."""

from __future__ import annotations

from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hamkor.core.models import BaseModel, translated


class DepartmentProfile(BaseModel):
    """The international department of the home university, as its public page shows it.

    Every text has a column per language: Uzbek (Latin) is required or the fallback, Uzbek
    Cyrillic is optional (empty: the Latin text transliterated), Russian and English fall
    back to Uzbek when empty. History, activities and tasks are rich text, sanitised when
    saved and again when shown (:mod:`hamkor.website.content.richtext`).
    """

    institution = models.OneToOneField(
        "partners.Institution",
        verbose_name=_("university"),
        on_delete=models.PROTECT,
        related_name="department_profile",
    )
    name_uz = models.CharField(_("name in Uzbek"), max_length=200)
    name_uz_cyrl = models.CharField(_("name in Uzbek (Cyrillic)"), max_length=200, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    mission_uz = models.TextField(_("mission in Uzbek"), blank=True)
    mission_uz_cyrl = models.TextField(_("mission in Uzbek (Cyrillic)"), blank=True)
    mission_ru = models.TextField(_("mission in Russian"), blank=True)
    mission_en = models.TextField(_("mission in English"), blank=True)
    head_name_uz = models.CharField(_("head of department in Uzbek"), max_length=200, blank=True)
    head_name_uz_cyrl = models.CharField(
        _("head of department in Uzbek (Cyrillic)"), max_length=200, blank=True
    )
    head_name_ru = models.CharField(_("head of department in Russian"), max_length=200, blank=True)
    head_name_en = models.CharField(_("head of department in English"), max_length=200, blank=True)
    head_title_uz = models.CharField(_("head's title in Uzbek"), max_length=200, blank=True)
    head_title_uz_cyrl = models.CharField(
        _("head's title in Uzbek (Cyrillic)"), max_length=200, blank=True
    )
    head_title_ru = models.CharField(_("head's title in Russian"), max_length=200, blank=True)
    head_title_en = models.CharField(_("head's title in English"), max_length=200, blank=True)
    head_photo = models.ForeignKey(
        "website.SiteImage",
        verbose_name=_("head's photo"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    reception_uz = models.CharField(_("reception days in Uzbek"), max_length=200, blank=True)
    reception_uz_cyrl = models.CharField(
        _("reception days in Uzbek (Cyrillic)"), max_length=200, blank=True
    )
    reception_ru = models.CharField(_("reception days in Russian"), max_length=200, blank=True)
    reception_en = models.CharField(_("reception days in English"), max_length=200, blank=True)
    reception_hours = models.CharField(
        _("reception hours"),
        max_length=60,
        blank=True,
        help_text=_("For example 9:00–17:00 (Tashkent time)."),
    )
    phone = models.CharField(_("department phone"), max_length=40, blank=True)
    email = models.EmailField(_("department e-mail"), blank=True)
    university_phone = models.CharField(_("university phone"), max_length=40, blank=True)
    university_email = models.EmailField(_("university e-mail"), blank=True)
    address_uz = models.CharField(_("address in Uzbek"), max_length=300, blank=True)
    address_uz_cyrl = models.CharField(_("address in Uzbek (Cyrillic)"), max_length=300, blank=True)
    address_ru = models.CharField(_("address in Russian"), max_length=300, blank=True)
    address_en = models.CharField(_("address in English"), max_length=300, blank=True)
    map_url = models.URLField(
        _("map link"),
        max_length=500,
        blank=True,
        validators=[URLValidator(schemes=["https"])],
        help_text=_(
            "The address of the building on a map site (for example openstreetmap.org), "
            "starting with https://. The page shows it as a link; no map is loaded."
        ),
    )
    history_uz = models.TextField(_("history in Uzbek"), blank=True)
    history_uz_cyrl = models.TextField(_("history in Uzbek (Cyrillic)"), blank=True)
    history_ru = models.TextField(_("history in Russian"), blank=True)
    history_en = models.TextField(_("history in English"), blank=True)
    activities_uz = models.TextField(_("activities in Uzbek"), blank=True)
    activities_uz_cyrl = models.TextField(_("activities in Uzbek (Cyrillic)"), blank=True)
    activities_ru = models.TextField(_("activities in Russian"), blank=True)
    activities_en = models.TextField(_("activities in English"), blank=True)
    tasks_uz = models.TextField(_("tasks in Uzbek"), blank=True)
    tasks_uz_cyrl = models.TextField(_("tasks in Uzbek (Cyrillic)"), blank=True)
    tasks_ru = models.TextField(_("tasks in Russian"), blank=True)
    tasks_en = models.TextField(_("tasks in English"), blank=True)

    history = HistoricalRecords()

    name = translated("name")
    mission = translated("mission")
    head_name = translated("head_name")
    head_title = translated("head_title")
    reception = translated("reception")
    address = translated("address")
    history_text = translated("history")
    activities = translated("activities")
    tasks = translated("tasks")
    # The texts a translation may be missing of; the rich ones among them.
    translated_fields = (
        "name", "mission", "head_name", "head_title", "reception", "address",
        "history", "activities", "tasks",
    )  # fmt: skip
    rich_fields = ("history", "activities", "tasks")

    class Meta(BaseModel.Meta):
        verbose_name = _("department profile")
        verbose_name_plural = _("department profile")
        ordering = ("institution",)

    def __str__(self) -> str:
        return self.name


# The inquiries' and the reception's models live beside their services; imported here so
# that Django finds them in the app's models module.
# The site's content (news, pages, images) lives in its own package.
from hamkor.website.content.models import NewsItem, Page, SiteImage  # noqa: E402, F401
from hamkor.website.inquiries.models import Inquiry  # noqa: E402, F401
from hamkor.website.opportunities.models import Opportunity  # noqa: E402, F401
from hamkor.website.reception.models import Booking, Holiday, ReceptionHours  # noqa: E402, F401
