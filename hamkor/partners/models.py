"""Institutions: partners, prospects, and the home university itself."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from hamkor.core.models import BaseModel, RestrictedQuerySet, translated


class InstitutionQuerySet(RestrictedQuerySet):
    def home(self) -> Institution | None:
        return self.filter(is_home=True).first()


class Institution(BaseModel):
    """A higher-education institution, research centre, company or public body.

    The university running this installation is the one Institution with ``is_home``; its
    faculties and departments are its OrgUnits. Nothing in the code assumes which one it is.
    """

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        RESEARCH = "research", _("Research institute")
        COMPANY = "company", _("Company")
        GOVERNMENT = "government", _("Government body")
        NGO = "ngo", _("Non-governmental organisation")
        OTHER = "other", _("Other")

    name = models.CharField(_("name (original)"), max_length=300)
    name_uz = models.CharField(_("name in Uzbek"), max_length=300, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=300, blank=True)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.UNIVERSITY)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("web site"), blank=True)
    is_home = models.BooleanField(_("home university"), default=False)

    history = HistoricalRecords()
    objects = InstitutionQuerySet.as_manager()

    display_name = translated("name")

    class Meta(BaseModel.Meta):
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ("name",)
        constraints = [
            models.UniqueConstraint(
                fields=["is_home"], condition=Q(is_home=True), name="partners_institution_one_home"
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.name
