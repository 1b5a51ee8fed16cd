"""List and export columns of events, participants and publications."""

from __future__ import annotations

import django_tables2 as tables
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamkor.core.exporting import (
    BOOL,
    CHOICE,
    COUNTRY,
    DATE,
    DATETIME,
    NUMBER,
    TRANSLATED,
    Column,
    Export,
)
from hamkor.core.tables import BaseTable
from hamkor.events.models import Event, Participant, Publication
from hamkor.partners.tables import CountryColumn


def events_with_list_columns(queryset: QuerySet[Event]) -> QuerySet[Event]:
    """``queryset`` with the number of confirmed participants, in the same query."""
    return queryset.annotate(
        participants_count=Count(
            "participants",
            filter=Q(participants__registration=Participant.Registration.CONFIRMED),
            distinct=True,
        )
    )


def _person_or_name(row: dict) -> str:
    if row["name"]:
        return row["name"]
    parts = (row["person__last_name"], row["person__first_name"], row["person__middle_name"])
    return " ".join(part for part in parts if part)


class EventExport(Export):
    columns = (
        Column(_("Title"), "title", TRANSLATED),
        Column(_("Kind"), "kind", CHOICE),
        Column(_("Organisation"), "organisation", CHOICE),
        Column(_("Format"), "format", CHOICE),
        Column(pgettext_lazy("period", "Start"), "start", DATE),
        Column(pgettext_lazy("period", "End"), "end", DATE),
        Column(_("City"), "city"),
        Column(_("Country"), "country", COUNTRY),
        Column(_("Partner institutions"), fields=("pk",), compute=lambda row: row["partner_names"]),
        Column(_("Languages"), "languages"),
        Column(_("Recording or programme"), "link"),
        Column(_("Faculty or unit"), "home_unit__name", TRANSLATED),
        Column(_("Participants"), "participants_count", NUMBER),
        Column(_("Public registration open"), "registration_open", BOOL),
        Column(_("Capacity"), "capacity", NUMBER),
    )

    def prepare(self, rows: list[dict]) -> None:
        """The partners of a chunk's events, one query."""
        names: dict[int, list[str]] = {}
        through = Event.partners.through.objects.filter(
            event_id__in=[row["pk"] for row in rows]
        ).select_related("institution")
        for link in through.order_by("institution__name"):
            names.setdefault(link.event_id, []).append(str(link.institution))
        for row in rows:
            row["partner_names"] = "; ".join(names.get(row["pk"], []))


class ParticipantExport(Export):
    """The participants export (the event's registrations too): contact details are
    personal data of the registrants, for who may change the event's participants."""

    columns = (
        Column(
            _("Name"),
            fields=("name", "person__last_name", "person__first_name", "person__middle_name"),
            compute=_person_or_name,
        ),
        Column(_("Event"), "event__title", TRANSLATED),
        Column(pgettext_lazy("period", "Start"), "event__start", DATE),
        Column(_("Role"), "role", CHOICE),
        Column(_("Hours"), "hours", NUMBER),
        Column(_("Institution or affiliation"), "affiliation"),
        Column(
            _("E-mail"),
            fields=("email", "person__email"),
            # Only for the participants the user may change (a coordinator: their
            # faculty's events); ``prepare`` marks them.
            compute=lambda row: (row["email"] or row["person__email"]) if row["_reach"] else None,
            permission="events.change_participant",
        ),
        Column(_("Registration"), "registration", CHOICE),
        Column(_("Registered"), "registered_at", DATETIME),
        Column(_("Certificate number"), "certificate_reference"),
        Column(_("Certificate issued"), "certificate_issued_on", DATE),
    )

    def prepare(self, rows: list[dict]) -> None:
        pks = [row["pk"] for row in rows]
        reach = set(
            Participant.objects.restrict(self.user, "change")
            .filter(pk__in=pks)
            .values_list("pk", flat=True)
        )
        for row in rows:
            row["_reach"] = row["pk"] in reach


class PublicationExport(Export):
    columns = (
        Column(_("Title"), "title"),
        Column(_("Authors"), "authors"),
        Column(_("Venue (journal or proceedings)"), "venue"),
        Column(pgettext_lazy("calendar year", "Year"), "year", NUMBER),
        Column(_("DOI"), "doi"),
        Column(_("Event"), "event__title", TRANSLATED),
    )


class EventTable(BaseTable):
    export_class = EventExport

    title = tables.Column(verbose_name=_("Title"), linkify=True, order_by=("title_en", "title_uz"))
    start = tables.DateColumn(verbose_name=pgettext_lazy("period", "Start"))
    country = CountryColumn(verbose_name=_("Country"))
    participants_count = tables.Column(verbose_name=_("Participants"))

    class Meta(BaseTable.Meta):
        model = Event
        fields = ("title", "kind", "organisation", "format", "start", "country", "city")
        sequence = (*fields, "participants_count")


class ParticipantTable(BaseTable):
    export_class = ParticipantExport

    participant = tables.Column(
        verbose_name=_("Name"),
        accessor="display_name",
        linkify=lambda record: record.get_absolute_url(),
        order_by=("name", "person__last_name"),
    )
    event = tables.Column(verbose_name=_("Event"), linkify=True, order_by=("event__start",))
    certificate_reference = tables.Column(verbose_name=_("Certificate"))

    class Meta(BaseTable.Meta):
        model = Participant
        fields = ("participant", "event", "role", "hours", "registration", "certificate_reference")
        sequence = ("participant", "event", "role", "hours", "registration")


class PublicationTable(BaseTable):
    export_class = PublicationExport

    title = tables.Column(verbose_name=_("Title"), linkify=True)
    event = tables.Column(verbose_name=_("Event"), linkify=True, order_by=("event__start",))

    class Meta(BaseTable.Meta):
        model = Publication
        fields = ("title", "venue", "year", "doi", "event")
