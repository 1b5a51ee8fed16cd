"""Institutions (partners, prospects, the directory, the home university), their people and
the office's dealings with them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from hamkor.core.countries import CldrCountries
from hamkor.core.indexes import column_indexes
from hamkor.core.models import BaseModel, RestrictedQuerySet, translated
from hamkor.core.search import SearchableModel


class InstitutionQuerySet(RestrictedQuerySet):
    def home(self) -> Institution | None:
        return self.filter(is_home=True).first()

    def partners(self) -> InstitutionQuerySet:
        """Institutions the office works with (or worked with), not the bare directory."""
        return self.exclude(partnership=Institution.Partnership.NONE).filter(is_home=False)


class Institution(SearchableModel, BaseModel):
    """A higher-education institution, research centre, company or public body.

    Most rows come from the world directory (``hamkor load-directory``) and are not partners
    (``partnership = none``); the office marks the ones it works with. The university running
    this installation is the one Institution with ``is_home``; its faculties and departments
    are its OrgUnits. Nothing in the code assumes which one it is.
    """

    class Kind(models.TextChoices):
        UNIVERSITY = "university", _("University")
        RESEARCH = "research", _("Research institute")
        COMPANY = "company", _("Company")
        GOVERNMENT = "government", _("Government body")
        NGO = "ngo", _("Non-governmental organisation")
        OTHER = "other", _("Other")

    class Partnership(models.TextChoices):
        NONE = "none", _("Not a partner")
        PROSPECT = "prospect", _("Prospect")
        ACTIVE = "active", _("Active partner")
        DORMANT = "dormant", _("Dormant")
        ENDED = "ended", _("Ended")

    name = models.CharField(_("name (original)"), max_length=300)
    name_uz = models.CharField(_("name in Uzbek"), max_length=300, blank=True)
    name_ru = models.CharField(_("name in Russian"), max_length=300, blank=True)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.UNIVERSITY)
    country = CountryField(_("country"), countries=CldrCountries)
    city = models.CharField(_("city"), max_length=120, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    website = models.URLField(_("web site"), max_length=300, blank=True)
    email_domains = models.CharField(
        _("e-mail domains"),
        max_length=300,
        blank=True,
        help_text=_("Separated by spaces, e.g. “uni.edu mail.uni.edu”."),
    )
    erasmus_code = models.CharField(_("Erasmus code"), max_length=20, blank=True)
    pic = models.CharField(
        _("PIC"),
        max_length=12,
        blank=True,
        help_text=_("Participant Identification Code of the EU portal."),
    )
    schac_code = models.CharField(
        _("SCHAC code"),
        max_length=100,
        blank=True,
        help_text=_("The institution's internet domain, used as hei_id by Erasmus Without Paper."),
    )
    ror_id = models.CharField(_("ROR id"), max_length=40, blank=True)
    partnership = models.CharField(
        _("partnership"), max_length=10, choices=Partnership.choices, default=Partnership.NONE
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_institutions",
    )
    notes = models.TextField(_("notes"), blank=True)
    is_home = models.BooleanField(_("home university"), default=False)
    directory_key = models.CharField(
        _("directory key"),
        max_length=200,
        blank=True,
        editable=False,
        help_text=_("Identifies the row of the world directory this institution came from."),
    )

    new_title = _("New institution")  # the add page's title, in the gender of each language
    history = HistoricalRecords(excluded_fields=["search_text"])
    # Deleted with the institution (see core.services.dependents); contacts and
    # interactions are records of their own and forbid deleting it.
    owned_relations = ("rankings",)
    objects = InstitutionQuerySet.as_manager()

    display_name = translated("name")

    class Meta(BaseModel.Meta):
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ("name",)
        permissions = [("merge_institution", _("Can merge duplicate institutions"))]
        constraints = [
            models.UniqueConstraint(
                fields=["is_home"],
                condition=Q(is_home=True),
                name="partners_institution_one_home",
            ),
            models.UniqueConstraint(
                fields=["erasmus_code"],
                condition=~Q(erasmus_code=""),
                name="partners_institution_unique_erasmus_code",
            ),
            models.UniqueConstraint(
                fields=["pic"], condition=~Q(pic=""), name="partners_institution_unique_pic"
            ),
            models.UniqueConstraint(
                fields=["directory_key"],
                condition=~Q(directory_key=""),
                name="partners_institution_unique_directory_key",
            ),
        ]
        indexes = [
            models.Index(fields=["country", "partnership"]),
            *column_indexes("inst", "name", "city", "kind", "partnership"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.name

    def clean(self):
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both the latitude and the longitude, or neither."))
        self.erasmus_code = " ".join(self.erasmus_code.split()).upper()

    def search_parts(self) -> list[str]:
        return [
            self.name, self.name_uz, self.name_ru, self.name_en, self.acronym, self.city,
            self.erasmus_code,
        ]  # fmt: skip

    @property
    def domains(self) -> list[str]:
        return self.email_domains.split()


class RankingEntry(BaseModel):
    """An institution's place in a published ranking edition, as published ("801-850").

    ``rank_low`` and ``rank_high`` are the numeric bounds of the published rank; "in the QS
    top 1000 of year Y" is ``rank_high <= 1000`` (a band that ends at 1000 counts), a query
    rather than a checkbox.
    """

    class Ranking(models.TextChoices):
        QS_WORLD = "qs_world", _("QS World University Rankings")
        QS_ASIA = "qs_asia", _("QS Asia University Rankings")
        QS_EECA = "qs_eeca", _("QS Emerging Europe and Central Asia")
        THE = "the", _("Times Higher Education World University Rankings")
        ARWU = "arwu", _("Academic Ranking of World Universities")
        OTHER = "other", _("Other ranking")

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="rankings",
    )
    ranking = models.CharField(_("ranking"), max_length=10, choices=Ranking.choices)
    year = models.PositiveSmallIntegerField(_("edition"))
    rank = models.CharField(_("rank as published"), max_length=20)
    rank_low = models.PositiveIntegerField(_("best rank"))
    rank_high = models.PositiveIntegerField(_("worst rank"), null=True, blank=True)
    score = models.DecimalField(
        _("overall score"), max_digits=5, decimal_places=1, null=True, blank=True
    )

    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("ranking entry")
        verbose_name_plural = _("ranking entries")
        ordering = ("institution", "ranking", "-year")
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "ranking", "year"],
                name="partners_rankingentry_one_per_edition",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_ranking_display()} {self.year}: {self.rank}"

    def clean(self):
        if self.rank_high is not None and self.rank_high < self.rank_low:
            raise ValidationError({"rank_high": _("The worst rank cannot be above the best.")})


class Contact(BaseModel):
    """A person at a partner institution the office deals with."""

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    unit = models.CharField(_("office or department"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_primary = models.BooleanField(_("main contact"), default=False)
    notes = models.TextField(_("notes"), blank=True)

    new_title = _("New contact")  # the add page's title, in the gender of each language
    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ("institution", "-is_primary", "full_name")
        indexes = [*column_indexes("contact", "full_name", "position", "unit", "email", "phone")]

    def __str__(self) -> str:
        return self.full_name


class Interaction(BaseModel):
    """A dated dealing with a partner: a meeting, an e-mail, a call, a visit, a video call.

    A follow-up date puts it on the responsible officer's home page until it is done.
    """

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        EMAIL = "email", _("E-mail")
        CALL = "call", _("Phone call")
        VISIT = "visit", _("Visit")
        VIDEO = "video", _("Video conference")

    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.CASCADE,
        related_name="interactions",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    date = models.DateField(_("date"))
    contacts = models.ManyToManyField(
        Contact, verbose_name=_("their participants"), blank=True, related_name="interactions"
    )
    participants = models.CharField(_("our participants"), max_length=300, blank=True)
    summary = models.TextField(_("summary"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible officer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interactions",
    )
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_done = models.BooleanField(_("follow-up done"), default=False)

    new_title = _("New interaction")  # the add page's title, in the gender of each language
    history = HistoricalRecords()

    class Meta(BaseModel.Meta):
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")
        ordering = ("-date", "-id")
        indexes = [*column_indexes("interaction", ("date", "id"), "kind", "follow_up_on")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.date:%d.%m.%Y}"

    def clean(self):
        if self.follow_up_on and self.date and self.follow_up_on < self.date:
            raise ValidationError(
                {"follow_up_on": _("The follow-up cannot be before the interaction.")}
            )
