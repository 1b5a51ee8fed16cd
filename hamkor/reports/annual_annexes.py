"""The annual report's annexes: the records behind each achievement, in plain columns.

An annex is a :class:`Listing`: headers and rows of plain values (text, whole numbers,
amounts, dates), in the active language, that both the PDF and the workbook write. Its rows
are :func:`hamkor.reports.achievements.achievement_records` of the figure, each kind of
record read with what its columns need in one or two queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from hamkor.core.countries import collation_key, country_name
from hamkor.partners.models import Institution
from hamkor.reports.achievements import ACHIEVEMENTS, Period, achievement_records

# Figures whose records another annex already lists.
SAME_RECORDS = {"agreement_countries": "agreements_signed"}


@dataclass(frozen=True)
class Listing:
    """A table of records: ``headers`` and ``rows`` of plain values; ``kinds`` names the
    columns that hold dates (``"date"``) or amounts (``"number"``), for their formats."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple, ...]
    kinds: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.rows

    def kind(self, index: int) -> str:
        return self.kinds[index] if index < len(self.kinds) else "text"


def _names(institutions) -> str:
    return "; ".join(sorted((i.display_name for i in institutions), key=collation_key))


def _countries(institutions) -> str:
    names = {country_name(i.country) for i in institutions if i.country}
    return ", ".join(sorted(names, key=collation_key))


def _agreements(records: QuerySet) -> Listing:
    partners = Institution.objects.filter(is_home=False)
    rows = records.order_by("signed_on", "reference").prefetch_related(
        Prefetch("institutions", queryset=partners, to_attr="partners")
    )
    return Listing(
        "",
        "",
        (_("Reference number"), _("Kind"), _("Partners"), _("Countries"), _("Signed on")),
        tuple(
            (
                a.reference,
                a.get_kind_display(),
                _names(a.partners),
                _countries(a.partners),
                a.signed_on,
            )
            for a in rows
        ),
        ("text", "text", "text", "text", "date"),
    )


def _mobilities(records: QuerySet) -> Listing:
    rows = records.select_related(
        "person", "sending_institution", "receiving_institution"
    ).order_by("person__last_name", "person__first_name", "planned_start", "pk")

    def partner(mobility):
        if mobility.direction == mobility.Direction.OUTGOING:
            return mobility.receiving_institution
        return mobility.sending_institution

    return Listing(
        "",
        "",
        (
            _("Person"),
            _("Direction"),
            _("Kind"),
            _("Programme"),
            _("Partner institution"),
            _("Country"),
            _("Start"),
            _("End"),
        ),
        tuple(
            (
                m.person.full_name,
                m.get_direction_display(),
                m.get_kind_display(),
                m.get_programme_display(),
                partner(m).display_name,
                country_name(partner(m).country),
                m.actual_start or m.planned_start,
                m.actual_end or m.planned_end,
            )
            for m in rows
        ),
        ("text",) * 6 + ("date", "date"),
    )


def _participants(records: QuerySet) -> Listing:
    rows = records.select_related("event", "person").order_by(
        "person__last_name", "person__first_name", "event__start", "pk"
    )
    return Listing(
        "",
        "",
        (_("Person"), _("Event"), _("Kind"), _("Country"), _("Start"), _("End")),
        tuple(
            (
                p.person.full_name if p.person else p.name,
                p.event.title,
                p.event.get_kind_display(),
                country_name(p.event.country) if p.event.country else "",
                p.event.start,
                p.event.end,
            )
            for p in rows
        ),
        ("text",) * 4 + ("date", "date"),
    )


def _events(records: QuerySet) -> Listing:
    rows = records.order_by("start", "pk").prefetch_related("partners")
    return Listing(
        "",
        "",
        (_("Event"), _("Format"), _("Partners"), _("Date")),
        tuple((e.title, e.get_format_display(), _names(e.partners.all()), e.start) for e in rows),
        ("text", "text", "text", "date"),
    )


def _projects(records: QuerySet) -> Listing:
    rows = records.select_related("programme").order_by("starts_on", "title")
    return Listing(
        "",
        "",
        (_("Project"), _("Programme"), _("Our role"), _("Starts on"), _("Ends on")),
        tuple(
            (str(p), p.programme.name, p.get_our_role_display(), p.starts_on, p.ends_on)
            for p in rows
        ),
        ("text", "text", "text", "date", "date"),
    )


def _receipts(records: QuerySet) -> Listing:
    rows = records.select_related("project").order_by("received_on", "pk")
    return Listing(
        "",
        "",
        (_("Received on"), _("Project"), _("Payer"), _("Amount"), _("Currency")),
        tuple((r.received_on, str(r.project), r.payer, r.amount, r.currency) for r in rows),
        ("date", "text", "text", "number", "text"),
    )


def _institutions(records: QuerySet) -> Listing:
    rows = sorted(
        records,
        key=lambda i: (collation_key(country_name(i.country)), collation_key(i.display_name)),
    )
    return Listing(
        "",
        "",
        (_("Institution"), _("Country"), _("City")),
        tuple((i.display_name, country_name(i.country), i.city) for i in rows),
    )


LISTINGS: dict[str, Callable[[QuerySet], Listing]] = {
    "agreements.agreement": _agreements,
    "mobility.mobility": _mobilities,
    "events.participant": _participants,
    "events.event": _events,
    "grants.project": _projects,
    "grants.receipt": _receipts,
    "partners.institution": _institutions,
}


def annexes(period: Period) -> list[Listing]:
    """One annex per achievement (those sharing their records with another listed once),
    titled "Annex N. <the figure's label>"."""
    listed = []
    for achievement in ACHIEVEMENTS:
        if achievement.key in SAME_RECORDS:
            continue
        listing = LISTINGS[achievement.model_label](achievement_records(achievement.key, period))
        number = len(listed) + 1
        title = _("Annex %(number)s. %(title)s") % {
            "number": number,
            "title": achievement.label,
        }
        listed.append(Listing(achievement.key, title, listing.headers, listing.rows, listing.kinds))
    return listed
