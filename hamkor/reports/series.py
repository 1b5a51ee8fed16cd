"""The numbers behind the dashboard's charts and the annual report's tables.

Each function answers a :class:`Table`: rows (years, countries) by columns (kinds,
directions), the same numbers a chart draws and the table beside it shows, in the page's
language. They read the records of the period the way the achievements do
(:mod:`hamkor.reports.achievements`), with the period's faculty when one is chosen, and each
costs a fixed number of queries whatever the amount of data.

What is counted:

* agreements signed by every party, by the year of their signing date and their kind;
* mobilities carried out (in progress or completed, not planned or cancelled), by the year
  they began (the actual start, else the planned one), their direction and kind;
* partner countries: the foreign institutions party to an agreement in force on the
  period's day ``on``, by country, the largest first;
* events, by the year they began and their kind;
* grant income: the receipts of funded projects in US dollars at the rate of the day each
  arrived, by year (a receipt whose rate is missing stays out, as in the achievements).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hamkor.agreements import figures as agreements
from hamkor.agreements.models import Agreement
from hamkor.core.countries import country_name
from hamkor.events import figures as events
from hamkor.events.models import Event
from hamkor.grants import figures as grants
from hamkor.grants.money.selectors import receipts_converted_by
from hamkor.mobility.models import Mobility, of_faculty
from hamkor.reports.achievements import Period

# "Year" alone is a student's year of study ("Kurs", "Курс") in the catalogue.
YEAR = pgettext_lazy("calendar year", "Year")


@dataclass(frozen=True)
class Row:
    key: object
    label: str
    values: tuple

    @property
    def total(self):
        return sum(self.values)


@dataclass(frozen=True)
class Table:
    """Rows by columns of numbers; ``columns`` are ``(key, label)`` pairs. ``additive``: the
    columns count the same thing (kinds of agreements), so a row's total means something;
    people beside agreements are not added up."""

    key: str
    title: str
    row_heading: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[Row, ...]
    additive: bool = True

    @property
    def empty(self) -> bool:
        return not any(row.total for row in self.rows)

    @property
    def totals(self) -> tuple:
        return tuple(sum(row.values[i] for row in self.rows) for i in range(len(self.columns)))


def years_of(period: Period) -> range:
    return range(period.start.year, period.end.year + 1)


def _by_year(
    key: str,
    title: str,
    counted: list[tuple[int, str, int]],
    choices,
    period: Period,
) -> Table:
    """A table of years (every year of the period, empty ones too) by the ``choices`` that
    occur in ``counted`` (``(year, choice, n)`` triples), in the choices' order."""
    labels = dict(choices)
    present = {choice for _year, choice, _n in counted}
    columns = tuple((value, str(labels[value])) for value in labels if value in present)
    cells = {(year, choice): n for year, choice, n in counted}
    rows = tuple(
        Row(year, str(year), tuple(cells.get((year, value), 0) for value, _label in columns))
        for year in years_of(period)
    )
    return Table(key, title, str(YEAR), columns, rows)


def _count_by_year(queryset: QuerySet, date_field, choice_field: str) -> list[tuple[int, str, int]]:
    return list(
        queryset.annotate(_year=ExtractYear(date_field))
        .order_by()
        .values_list("_year", choice_field)
        .annotate(n=Count("pk", distinct=True))
    )


def agreements_by_year(period: Period) -> Table:
    signed = agreements.signed_in(**period.span)
    return _by_year(
        "agreements_by_year",
        str(_("Agreements signed per year, by kind")),
        _count_by_year(signed, "signed_on", "kind"),
        Agreement.Kind.choices,
        period,
    )


def mobilities_carried_out(period: Period) -> QuerySet[Mobility]:
    """Mobilities in progress or completed that began in the period (and of its faculty)."""
    carried_out = (
        Mobility.objects.filter(status__in=(Mobility.Status.IN_PROGRESS, Mobility.Status.COMPLETED))
        .annotate(_began=Coalesce("actual_start", "planned_start"))
        .filter(_began__gte=period.start, _began__lte=period.end)
    )
    if period.faculty_id is not None:
        carried_out = carried_out.filter(of_faculty(period.faculty_id))
    return carried_out


def mobilities_by_year(period: Period) -> Table:
    """Columns are direction and kind together ("Outgoing: Student study")."""
    kinds = list(
        mobilities_carried_out(period)
        .annotate(_year=ExtractYear("_began"))
        .order_by()
        .values_list("_year", "direction", "kind")
        .annotate(n=Count("pk"))
    )
    directions = dict(Mobility.Direction.choices)
    choices = [
        (f"{direction}:{kind}", f"{directions[direction]}: {kind_label}")
        for direction in directions
        for kind, kind_label in Mobility.Kind.choices
    ]
    return _by_year(
        "mobilities_by_year",
        str(_("Mobilities per year, by direction and kind")),
        [(year, f"{direction}:{kind}", n) for year, direction, kind, n in kinds],
        choices,
        period,
    )


def partner_countries(period: Period, *, limit: int | None = 10) -> Table:
    """Foreign institutions with an agreement in force on the period's day, by country."""
    institutions = agreements.foreign_institutions_in_force(on=period.on, faculty=period.faculty_id)
    counts = Counter(institutions.values_list("country", flat=True))
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], country_name(pair[0])))
    rows = tuple(Row(code, country_name(code), (n,)) for code, n in ranked[:limit])
    return Table(
        "partner_countries",
        str(_("Top partner countries")),
        str(_("Country")),
        (("institutions", str(_("Partner institutions"))),),
        rows,
    )


def events_by_year(period: Period) -> Table:
    held = events.events_in(**period.span)
    return _by_year(
        "events_by_year",
        str(_("Events per year, by kind")),
        _count_by_year(held, "start", "kind"),
        Event.Kind.choices,
        period,
    )


def grant_income_by_year(period: Period) -> Table:
    receipts = grants.receipts_in(**period.span)
    totals = receipts_converted_by(receipts, "USD", key=lambda receipt: receipt.received_on.year)
    rows = tuple(
        Row(
            year,
            str(year),
            (totals[year].total.quantize(Decimal("1")) if year in totals else Decimal(0),),
        )
        for year in years_of(period)
    )
    return Table(
        "grant_income_by_year",
        str(_("Grant income per year, in US dollars")),
        str(YEAR),
        (("usd", str(_("US dollars"))),),
        rows,
    )


def partners_by_country_in_force(on: datetime.date, faculty: int | None = None) -> dict[str, int]:
    """The number of partner institutions with an agreement in force on ``on``, by country
    code: what the map colours."""
    institutions = agreements.foreign_institutions_in_force(on=on, faculty=faculty)
    return dict(Counter(institutions.values_list("country", flat=True)))


CHARTS = (
    agreements_by_year,
    mobilities_by_year,
    partner_countries,
    events_by_year,
    grant_income_by_year,
)
