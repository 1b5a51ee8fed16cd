"""The annual report's tables of one year: by country, by faculty, by programme, by project.

Each answers a :class:`~hamkor.reports.series.Table` in the active language, read the way
the dashboard's series read (:mod:`hamkor.reports.series`): mobilities carried out (in
progress or completed) that began in the period, agreements signed by every party in it,
receipts of funded projects dated in it, in US dollars at the rate of their day. Each costs a
fixed number of queries whatever the amount of data.

* **By country**: an outgoing mobility counts for its host's country, an incoming one for
  the country of the institution that sent the guest.
* **By faculty**: a mobility counts for the faculty of its home unit (the unit that sends or
  hosts), else of its person's unit; a department counts for its faculty. An agreement
  counts once for each faculty in its scope; one without a faculty in its scope counts as
  the whole university's. With the period's faculty, everything is that faculty's.
* **By programme**: mobilities by their programme of funding; grant income by project and
  by the project's funding programme.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _

from hamkor.accounts.models import OrgUnit
from hamkor.agreements import figures as agreements
from hamkor.core.countries import collation_key, country_name
from hamkor.grants import figures as grants
from hamkor.grants.models import Project
from hamkor.grants.money.selectors import receipts_converted_by
from hamkor.mobility.models import Mobility
from hamkor.reports.achievements import Period
from hamkor.reports.series import Row, Table, mobilities_carried_out

OUTGOING, INCOMING = Mobility.Direction.OUTGOING, Mobility.Direction.INCOMING
# The row of what no faculty owns.
NO_FACULTY = "-"


def _directions() -> tuple[tuple[str, str], ...]:
    return ((OUTGOING, _("Outgoing")), (INCOMING, _("Incoming")))


def mobilities_by_country(period: Period) -> Table:
    """Mobilities by the partner's country, outgoing and incoming; the most first."""
    pairs = (
        mobilities_carried_out(period)
        .order_by()
        .values_list("direction", "receiving_institution__country", "sending_institution__country")
    )
    counts: Counter = Counter()
    for direction, host, sender in pairs:
        counts[(host if direction == OUTGOING else sender, direction)] += 1
    countries = {country for country, _direction in counts}
    rows = [
        Row(code, country_name(code), (counts[(code, OUTGOING)], counts[(code, INCOMING)]))
        for code in countries
    ]
    rows.sort(key=lambda row: (-row.total, collation_key(row.label)))
    return Table(
        "mobilities_by_country",
        _("Mobilities by partner country"),
        _("Country"),
        _directions(),
        tuple(rows),
    )


def _faculty_of(units: dict[int, OrgUnit], unit_id: int | None) -> int | None:
    unit = units.get(unit_id)
    if unit is None:
        return None
    return unit.parent_id if unit.parent_id in units else unit.pk


def by_faculty(period: Period) -> Table:
    """Mobilities (outgoing, incoming) and agreements signed, by faculty."""
    units = {unit.pk: unit for unit in OrgUnit.objects.filter(institution__is_home=True)}
    forced = period.faculty_id
    counts: dict[object, Counter] = defaultdict(Counter)
    mobilities = (
        mobilities_carried_out(period)
        .order_by()
        .values_list("direction", "home_unit", "person__org_unit")
    )
    for direction, home_unit, person_unit in mobilities:
        faculty = forced or _faculty_of(units, home_unit) or _faculty_of(units, person_unit)
        counts[faculty or NO_FACULTY][direction] += 1
    scopes: dict[int, set] = defaultdict(set)
    signed = agreements.signed_in(**period.span).order_by().values_list("pk", "scope_units")
    for agreement, unit in signed:
        scopes[agreement].add(forced or _faculty_of(units, unit))
    for faculties in scopes.values():
        for faculty in faculties - {None} or {NO_FACULTY}:
            counts[faculty]["agreements"] += 1
    shown = [forced] if forced else [u.pk for u in units.values() if u.kind == OrgUnit.Kind.FACULTY]
    shown += [key for key in counts if key not in shown and key != NO_FACULTY]
    rows = sorted(
        (Row(pk, units[pk].name, _faculty_values(counts[pk])) for pk in shown if pk in units),
        key=lambda row: collation_key(row.label),
    )
    if counts.get(NO_FACULTY):
        rows.append(Row(NO_FACULTY, _("The whole university"), _faculty_values(counts[NO_FACULTY])))
    columns = (
        *_directions(),
        ("agreements", _("Agreements signed")),
    )
    return Table(
        "by_faculty",
        _("Mobilities and agreements by faculty"),
        _("Faculty"),
        columns,
        tuple(rows),
        additive=False,
    )


def _faculty_values(counter: Counter) -> tuple[int, int, int]:
    return (counter[OUTGOING], counter[INCOMING], counter["agreements"])


def mobilities_by_programme(period: Period) -> Table:
    """Mobilities by their programme of funding, in the programmes' order."""
    counts = Counter(
        mobilities_carried_out(period).order_by().values_list("programme", "direction")
    )
    present = {programme for programme, _direction in counts}
    rows = tuple(
        Row(value, str(label), (counts[(value, OUTGOING)], counts[(value, INCOMING)]))
        for value, label in Mobility.Programme.choices
        if value in present
    )
    return Table(
        "mobilities_by_programme",
        _("Mobilities by programme"),
        _("Programme"),
        _directions(),
        rows,
    )


def grant_income(period: Period) -> tuple[Table, Table, int]:
    """Grant income in US dollars by project and by funding programme, the most first, and
    the number of receipts left out for want of an exchange rate."""
    receipts = grants.receipts_in(**period.span)
    totals = receipts_converted_by(receipts, "USD", key=lambda receipt: receipt.project_id)
    projects = Project.objects.filter(pk__in=totals).select_related("programme")
    by_project, by_programme = [], defaultdict(Decimal)
    programmes = {}
    for project in projects:
        usd = totals[project.pk].total.quantize(Decimal("1"))
        by_project.append(Row(project.pk, str(project), (usd,)))
        by_programme[project.programme_id] += usd
        programmes[project.programme_id] = project.programme.name
    left_out = sum(len(total.left_out) for total in totals.values())
    column = (("usd", _("US dollars")),)
    project_table = Table(
        "grant_income_by_project",
        _("Grant income by project, in US dollars"),
        _("Project"),
        column,
        tuple(sorted(by_project, key=lambda row: (-row.total, collation_key(row.label)))),
    )
    programme_rows = (Row(pk, programmes[pk], (usd,)) for pk, usd in by_programme.items())
    programme_table = Table(
        "grant_income_by_programme",
        _("Grant income by programme, in US dollars"),
        _("Programme"),
        column,
        tuple(sorted(programme_rows, key=lambda row: (-row.total, collation_key(row.label)))),
    )
    return project_table, programme_table, left_out


def years_with_data() -> list[int]:
    """The years in which something the report counts happened, the newest first: what the
    report's page offers (any other year may still be asked for)."""
    from django.db.models.functions import ExtractYear

    from hamkor.agreements.models import Agreement
    from hamkor.events.models import Event
    from hamkor.grants.models import Receipt

    sources = (
        Agreement.objects.filter(signed_on__isnull=False).annotate(y=ExtractYear("signed_on")),
        Mobility.objects.filter(~Q(status=Mobility.Status.CANCELLED)).annotate(
            y=ExtractYear("planned_start")
        ),
        Event.objects.annotate(y=ExtractYear("start")),
        Receipt.objects.annotate(y=ExtractYear("received_on")),
    )
    years: set[int] = set()
    for queryset in sources:
        years.update(queryset.order_by().values_list("y", flat=True).distinct())
    return sorted((year for year in years if year), reverse=True)
