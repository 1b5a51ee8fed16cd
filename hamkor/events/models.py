"""International events (conferences, seminars, webinars, …), who took part, what came of them.

An event is organised by us (alone or with partners) or attended elsewhere. Its participants
are our staff or guests from the person registry, or people typed in; each may receive a
certificate, uploaded (a document of kind "certificate") or generated as a PDF for events we
organise. Our open events take registrations from the public website, with a capacity and a
waiting list.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from hamkor.accounts.faculties import UNLIMITED, coordinator_faculty, in_faculty
from hamkor.core.countries import CldrCountries
from hamkor.core.indexes import column_indexes
from hamkor.core.models import BaseModel, RestrictedQuerySet, translated
from hamkor.core.urls_helpers import reverse_pk
from hamkor.events.doi import validate_doi


def _faculty_scope(queryset, user, action: str, path: str):
    """Coordinators change their faculty's events (and their parts); they read them all."""
    faculty = coordinator_faculty(user)
    if action == "view" or faculty is UNLIMITED:
        return queryset
    if faculty is None:
        return queryset.none()
    return queryset.filter(in_faculty(path, faculty))


class EventQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        return _faculty_scope(self, user, action, "home_unit")

    def organised(self):
        return self.exclude(organisation=Event.Organisation.ATTENDED)


class Event(BaseModel):
    """A conference, seminar, webinar or visit the office records.

    The end is never before the start. Public registration is offered only for events we
    organise; a capacity of none means no limit.
    """

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        SEMINAR = "seminar", _("Seminar")
        FORUM = "forum", _("Forum")
        SYMPOSIUM = "symposium", _("Symposium")
        WEBINAR = "webinar", _("Webinar")
        WORKSHOP = "workshop", _("Workshop")
        SUMMER_SCHOOL = "summer_school", _("Summer school")
        DELEGATION = "delegation", _("Delegation visit")

    class Organisation(models.TextChoices):
        OURS = "ours", _("Organised by us")
        WITH_PARTNERS = "with_partners", _("Organised by us with partners")
        ATTENDED = "attended", _("Attended elsewhere")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    organisation = models.CharField(_("organisation"), max_length=20, choices=Organisation.choices)
    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    title_uz = models.CharField(_("title (Uzbek)"), max_length=300, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=300, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=300, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    starts_at = models.TimeField(
        _("starts at"), null=True, blank=True, help_text=_("Tashkent time, for the calendar.")
    )
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), countries=CldrCountries, blank=True)
    venue = models.CharField(_("venue or host"), max_length=300, blank=True)
    partners = models.ManyToManyField(
        "partners.Institution",
        verbose_name=_("partner institutions"),
        blank=True,
        related_name="events",
    )
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("For example: English, Russian.")
    )
    link = models.URLField(_("recording or programme"), blank=True)
    home_unit = models.ForeignKey(
        "accounts.OrgUnit",
        verbose_name=_("our faculty or unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    agreements = models.ManyToManyField(
        "agreements.Agreement",
        verbose_name=_("agreements signed at the event"),
        blank=True,
        related_name="events",
    )
    registration_open = models.BooleanField(
        _("public registration open"),
        default=False,
        help_text=_("Shown on the public website, for events we organise."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    waiting_list = models.BooleanField(_("waiting list when full"), default=True)
    description = models.TextField(_("description"), blank=True)

    title = translated("title")
    new_title = _("New event")
    history = HistoricalRecords()
    objects = EventQuerySet.as_manager()
    owned_relations = ("participants", "publications")

    class Meta(BaseModel.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ("-start", "-id")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="event_end_after_start"
            ),
        ]
        indexes = [
            *column_indexes(
                "event",
                ("start", "id"),
                ("title_en", "title_uz"),
                "kind",
                "organisation",
                "format",
                "country",
                "city",
            )
        ]

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} {self.start}"

    @property
    def is_ours(self) -> bool:
        return self.organisation != self.Organisation.ATTENDED

    @property
    def is_past(self) -> bool:
        from django.utils import timezone

        return self.end < timezone.localdate()

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if not (self.title_uz or self.title_ru or self.title_en):
            errors["title_en"] = _("Give the title in at least one language.")
        if self.registration_open and self.organisation == self.Organisation.ATTENDED:
            errors["registration_open"] = _("Registration is offered only for events we organise.")
        if errors:
            raise ValidationError(errors)


class ParticipantQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        return _faculty_scope(self, user, action, "event__home_unit")

    def taking_part(self):
        """Not cancelled and not waiting: who is (or was) at the event."""
        return self.filter(registration=Participant.Registration.CONFIRMED)


class Participant(BaseModel):
    """One person at one event: a person of the registry (our staff, a guest) or someone
    typed in by name. A person, or an e-mail, is at an event once."""

    class Role(models.TextChoices):
        ORGANISER = "organiser", _("Organiser")
        SPEAKER = "speaker", _("Speaker")
        PRESENTER = "presenter", _("Presenter")
        ATTENDEE = "attendee", _("Attendee")
        MODERATOR = "moderator", _("Moderator")

    class Registration(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        "mobility.Person",
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="event_participations",
        help_text=_("Our staff or a guest from the registry; else type the name below."),
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        blank=True,
        help_text=_("As it is printed on the certificate, in any script."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    affiliation = models.CharField(_("institution or affiliation"), max_length=300, blank=True)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.ATTENDEE)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, null=True, blank=True)
    language = models.CharField(
        _("certificate language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    registration = models.CharField(
        _("registration"),
        max_length=10,
        choices=Registration.choices,
        default=Registration.CONFIRMED,
    )
    registered_at = models.DateTimeField(_("registered"), null=True, blank=True, editable=False)
    certificate_reference = models.CharField(
        _("certificate number"), max_length=30, blank=True, editable=False
    )
    certificate_token = models.CharField(max_length=40, blank=True, editable=False)
    certificate_issued_on = models.DateField(
        _("certificate issued"), null=True, blank=True, editable=False
    )
    certificate_sent_at = models.DateTimeField(
        _("certificate sent"), null=True, blank=True, editable=False
    )

    history = HistoricalRecords()
    objects = ParticipantQuerySet.as_manager()
    document_kinds = ("certificate", "other")
    new_title = _("New participant")

    class Meta(BaseModel.Meta):
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ("event", "name", "id")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=Q(person__isnull=False),
                name="event_participant_person_once",
            ),
            models.CheckConstraint(
                condition=Q(person__isnull=False) | ~Q(name=""),
                name="event_participant_person_or_name",
            ),
        ]
        indexes = [
            *column_indexes(
                "participant", "name", "role", "hours", "registration", "certificate_reference"
            )
        ]

    def __str__(self) -> str:
        return self.display_name or "?"

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        return self.person.full_name if self.person_id else ""

    @property
    def contact_email(self) -> str:
        return self.email or (self.person.email if self.person_id else "")

    @property
    def has_certificate(self) -> bool:
        return bool(self.certificate_reference)

    def get_absolute_url(self) -> str:
        return reverse_pk("events:participant_detail", self.pk)


class PublicationQuerySet(RestrictedQuerySet):
    def scope(self, user, action: str):
        return _faculty_scope(self, user, action, "event__home_unit")


class Publication(BaseModel):
    """A paper or proceedings that came of an event: title, venue, DOI when it has one."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="publications"
    )
    title = models.CharField(_("title"), max_length=500)
    authors = models.CharField(_("authors"), max_length=500, blank=True)
    venue = models.CharField(_("venue (journal or proceedings)"), max_length=300, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    doi = models.CharField(
        _("DOI"),
        max_length=200,
        blank=True,
        validators=[validate_doi],
        help_text=_("For example 10.1000/xyz123."),
    )

    history = HistoricalRecords()
    objects = PublicationQuerySet.as_manager()
    new_title = _("New publication")

    class Meta(BaseModel.Meta):
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        ordering = ("event", "title")
        indexes = [*column_indexes("publication", "title", "venue", "year", "doi")]

    def __str__(self) -> str:
        return self.title
