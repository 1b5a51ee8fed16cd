"""The department's public profile: who leads it, when it receives, how to reach it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from hamkor.core.models import BaseModel, translated


class DepartmentProfile(BaseModel):
    """The international department of the home university, as its public page shows it.

    Texts have a column per content language; Uzbek Cyrillic is transliterated from Uzbek.
    """

    institution = models.OneToOneField(
        "partners.Institution",
        verbose_name=_("university"),
        on_delete=models.PROTECT,
        related_name="department_profile",
    )
    name_uz = models.CharField(_("name in Uzbek"), max_length=200)
    name_ru = models.CharField(_("name in Russian"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    mission_uz = models.TextField(_("mission in Uzbek"), blank=True)
    mission_ru = models.TextField(_("mission in Russian"), blank=True)
    mission_en = models.TextField(_("mission in English"), blank=True)
    head_name_uz = models.CharField(_("head of department in Uzbek"), max_length=200, blank=True)
    head_name_ru = models.CharField(_("head of department in Russian"), max_length=200, blank=True)
    head_name_en = models.CharField(_("head of department in English"), max_length=200, blank=True)
    head_title_uz = models.CharField(_("head's title in Uzbek"), max_length=200, blank=True)
    head_title_ru = models.CharField(_("head's title in Russian"), max_length=200, blank=True)
    head_title_en = models.CharField(_("head's title in English"), max_length=200, blank=True)
    reception_uz = models.CharField(_("reception days in Uzbek"), max_length=200, blank=True)
    reception_ru = models.CharField(_("reception days in Russian"), max_length=200, blank=True)
    reception_en = models.CharField(_("reception days in English"), max_length=200, blank=True)
    phone = models.CharField(_("department phone"), max_length=40, blank=True)
    email = models.EmailField(_("department e-mail"), blank=True)
    university_phone = models.CharField(_("university phone"), max_length=40, blank=True)
    university_email = models.EmailField(_("university e-mail"), blank=True)
    address_uz = models.CharField(_("address in Uzbek"), max_length=300, blank=True)
    address_ru = models.CharField(_("address in Russian"), max_length=300, blank=True)
    address_en = models.CharField(_("address in English"), max_length=300, blank=True)

    history = HistoricalRecords()

    name = translated("name")
    mission = translated("mission")
    head_name = translated("head_name")
    head_title = translated("head_title")
    reception = translated("reception")
    address = translated("address")

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
