"""What the dashboard shows: key figures against the previous period, the charts' tables
and the partner map, for one period and faculty.

The figures are the achievements' (:mod:`hamkor.reports.achievements`), the tables the
series' (:mod:`hamkor.reports.series`): this module only chooses among them, finds the
previous period to compare with, and shapes the numbers for the page, its charts and the
tables' downloads. Everything costs a fixed number of queries whatever the amount of data.

The previous period has the same length and ends the day before the period starts. A period
of whole months (whole years among them) steps back by that many months, so that 2022-2025
compares with 2018-2021 whatever the leap days; any other period steps back by its number of
days. The day of the partners in force steps back the same way.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass, replace
from decimal import Decimal

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _

from hamkor.core.countries import collation_key, countries, country_name
from hamkor.core.dates import format_long_date
from hamkor.reports import series
from hamkor.reports.achievements import BY_KEY, Period

# The figures the dashboard opens with: the most telling of the achievements.
KEY_FIGURES = (
    "agreements_signed",
    "agreement_countries",
    "partner_universities_active",
    "students_abroad_certified",
    "professors_taught_qs1000",
    "visiting_professors",
    "webinars_with_partners",
    "grant_income_usd",
)

# How each chart draws its table: "stacked" bars, bars "grouped" into a stack per
# direction, "horizontal" bars (one series) or plain "bars" (one series).
CHART_STYLES = {
    "agreements_by_year": "stacked",
    "mobilities_by_year": "grouped",
    "partner_countries": "horizontal",
    "events_by_year": "stacked",
    "grant_income_by_year": "bars",
}


# --- The previous period -------------------------------------------------------------------


def _whole_months(period: Period) -> int | None:
    """The number of calendar months ``period`` covers, when it starts on a month's first day
    and ends on a month's last; otherwise None."""
    last_day = calendar.monthrange(period.end.year, period.end.month)[1]
    if period.start.day != 1 or period.end.day != last_day:
        return None
    return (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1


def _months_back(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return datetime.date(year, month + 1, min(day.day, last_day))


def previous_period(period: Period) -> Period:
    """The period of the same length that ends the day before ``period`` starts."""
    months = _whole_months(period)
    if months is not None:
        start = _months_back(period.start, months)
        on = _months_back(period.on, months)
    else:
        days = (period.end - period.start).days + 1
        start = period.start - datetime.timedelta(days=days)
        on = period.on - datetime.timedelta(days=days)
    return replace(period, start=start, end=period.start - datetime.timedelta(days=1), on=on)


def period_label(period: Period) -> str:
    """``2018–2021`` or ``2021`` for whole years, else the two days with their months in
    words (a short date reads differently in English and in Uzbek)."""
    if (period.start.month, period.start.day, period.end.month, period.end.day) == (1, 1, 12, 31):
        if period.start.year == period.end.year:
            return str(period.start.year)
        return f"{period.start.year}–{period.end.year}"
    return f"{format_long_date(period.start)} – {format_long_date(period.end)}"


# --- Key figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyFigure:
    key: str
    label: str
    value: int | Decimal
    previous: int | Decimal
    # The previous period's label, for the words beside the change.
    previous_label: str

    @property
    def change(self) -> int | Decimal:
        return self.value - self.previous

    @property
    def direction(self) -> str:
        """``up``, ``down`` or ``same``: the arrow and the words shown."""
        if self.change > 0:
            return "up"
        return "down" if self.change < 0 else "same"

    @property
    def money(self) -> bool:
        return self.key == "grant_income_usd"

    @property
    def shown(self) -> str:
        """The value as the card shows it; money with its currency."""
        if self.money:
            return _("%(amount)s USD") % {"amount": _number(self.value)}
        return _number(self.value)

    @property
    def change_words(self) -> str:
        values = {"previous": _number(self.previous), "period": self.previous_label}
        if self.direction == "up":
            return _("up from %(previous)s in %(period)s") % values
        if self.direction == "down":
            return _("down from %(previous)s in %(period)s") % values
        return _("the same as in %(period)s") % values

    @property
    def change_sign(self) -> str:
        """``+12``, ``−3`` (a minus sign, not a hyphen) or ``±0``."""
        magnitude = _number(abs(self.change))
        if self.direction == "up":
            return f"+{magnitude}"
        return f"\u2212{magnitude}" if self.direction == "down" else "\u00b10"


def _number(value) -> str:
    """A whole number with the language's thousands separator (dollars without cents)."""
    if isinstance(value, Decimal):
        value = int(value.to_integral_value())
    return formats.number_format(value, force_grouping=True)


def _figure(key: str, period: Period):
    achievement = BY_KEY[key]
    value = achievement.value(achievement.records(period))
    # The countries are a list of codes: the figure is how many.
    return len(value) if isinstance(value, list) else value


def key_figures(period: Period) -> list[KeyFigure]:
    """The key figures for ``period``, each with its value in the previous period."""
    before = previous_period(period)
    label = period_label(before)
    return [
        KeyFigure(
            key=key,
            label=str(BY_KEY[key].label),
            value=_figure(key, period),
            previous=_figure(key, before),
            previous_label=label,
        )
        for key in KEY_FIGURES
    ]


# --- Charts and their tables ---------------------------------------------------------------

TABLES = {chart.__name__: chart for chart in series.CHARTS}


def chart_tables(period: Period) -> list[series.Table]:
    """The table of each chart, in the series' order."""
    return [chart(period) for chart in series.CHARTS]


def table_rows(table: series.Table) -> tuple[list[str], list[list]]:
    """The headers and rows of ``table`` as the page and the downloads show them: the row's
    heading, each column, and the total when there is more than one column. A year stays a
    number; a country is its name in the active language."""
    with_total = len(table.columns) > 1
    headers = [table.row_heading, *(label for _key, label in table.columns)]
    if with_total:
        headers.append(_("Total"))
    rows = []
    for row in table.rows:
        heading = row.key if isinstance(row.key, int) else row.label
        cells = [heading, *row.values]
        if with_total:
            cells.append(row.total)
        rows.append(cells)
    return headers, rows


def table_totals(table: series.Table) -> list | None:
    """The totals row of ``table`` (each column, then the whole when the rows carry a total
    column); None for the top countries, whose sum would leave out the others."""
    if table.key == "partner_countries":
        return None
    totals = list(table.totals)
    if len(table.columns) > 1:
        totals.append(sum(totals))
    return totals


def chart_data(table: series.Table, language: str) -> dict:
    """What the page's script draws for ``table`` (read back through ``json_script``)."""
    datasets = []
    for index, (key, label) in enumerate(table.columns):
        dataset = {"label": label, "data": [float(row.values[index]) for row in table.rows]}
        if CHART_STYLES[table.key] == "grouped":
            # "outgoing:student_study": one stack per direction, side by side.
            dataset["stack"] = key.split(":")[0]
        datasets.append(dataset)
    return {
        "key": table.key,
        "title": table.title,
        "style": CHART_STYLES[table.key],
        "language": language,
        "labels": [row.label for row in table.rows],
        "datasets": datasets,
    }


# --- The partner map -----------------------------------------------------------------------


@dataclass(frozen=True)
class MapCountry:
    code: str
    name: str
    institutions: int
    url: str


def partner_map(period: Period, *, linked: bool = True) -> list[MapCountry]:
    """The countries of partner institutions with an agreement in force on the period's day,
    the most partners first, then by name in the active language; each links to the partner
    institutions list filtered by that country, for a reader who may open it (``linked``)."""
    counts = series.partners_by_country_in_force(period.on, period.faculty_id)
    listed = reverse("partners:institution_list")
    found = [
        MapCountry(code, country_name(code), n, f"{listed}?country={code}" if linked else "")
        for code, n in counts.items()
        if code
    ]
    return sorted(found, key=lambda country: (-country.institutions, collation_key(country.name)))


# The map's colours: a country falls in the first band whose upper bound holds its number
# of partner institutions (light to dark blue; None: no upper bound).
MAP_BANDS = ((1, "#c6dbef"), (3, "#6baed6"), (6, "#2171b5"), (None, "#08306b"))


@dataclass(frozen=True)
class MapBand:
    low: int
    high: int | None
    colour: str

    @property
    def label(self) -> str:
        if self.high is None:
            return _("%(low)s or more") % {"low": self.low}
        if self.low == self.high:
            return str(self.low)
        return f"{self.low}–{self.high}"


def map_bands() -> list[MapBand]:
    bands, low = [], 1
    for high, colour in MAP_BANDS:
        bands.append(MapBand(low, high, colour))
        low = (high or 0) + 1
    return bands


def band_of(institutions: int, bands: list[MapBand]) -> int:
    """The index of the band ``institutions`` falls in."""
    for index, band in enumerate(bands):
        if band.high is None or institutions <= band.high:
            return index
    return len(bands) - 1


def map_data(countries_found: list[MapCountry]) -> dict:
    """What the page's script gives the map: each country's band and the bands' colours, the
    numbers, the addresses and every country's name in the active language (the map's own
    names are English)."""
    bands = map_bands()
    return {
        "bands": {
            country.code: str(band_of(country.institutions, bands)) for country in countries_found
        },
        "colours": {str(index): band.colour for index, band in enumerate(bands)},
        "values": {country.code: country.institutions for country in countries_found},
        "urls": {country.code: country.url for country in countries_found if country.url},
        "names": {code: str(name) for code, name in countries},
        "institutions": _("Partner institutions"),
    }
