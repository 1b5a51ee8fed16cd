"""The annual report: one calendar year's achievements, charts, tables and annexes.

:func:`annual_report` builds the report's content in a language, as data that the PDF and the
workbook (:mod:`hamkor.reports.annual_files`) both write, so that the two never disagree:

* the achievements of the year (:mod:`hamkor.reports.achievements`, for 1 January to
  31 December; the partners in force counted on 31 December, or today in the current year);
* charts of the five years up to the chosen one (:mod:`hamkor.reports.series`), so that the
  year is seen against the years before it;
* the year's tables by country, faculty and programme (:mod:`hamkor.reports.annual_tables`);
* annexes: the records behind each achievement (:mod:`hamkor.reports.annual_annexes`).

The report is a list of sections, each made by one function of :data:`SECTIONS` from the
:class:`Scope` (the year, its period and the five-year trend). A new part of the report is a
new function appended there, as the strategy targets' "targets and actuals" are (between
the grants and the annexes).

With a faculty, every figure, table and annex is that faculty's only.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hamkor.accounts.models import OrgUnit
from hamkor.core.countries import collation_key, country_name
from hamkor.reports import series
from hamkor.reports.achievements import ACHIEVEMENTS, Period, achievements
from hamkor.reports.annual_annexes import Listing, annexes
from hamkor.reports.annual_tables import (
    by_faculty,
    grant_income,
    mobilities_by_country,
    mobilities_by_programme,
)
from hamkor.reports.charts_svg import BARS, HORIZONTAL, STACKED
from hamkor.reports.series import Table
from hamkor.reports.targets import targets_progress

# The years the charts show: the chosen one and the ones before it.
TREND_YEARS = 5
# The partner countries the chart shows; the table lists them all.
TOP_COUNTRIES = 15
FIRST_YEAR, LAST_YEAR = 1900, 2999
LANGUAGES = ("uz", "uz-cyrl", "ru", "en")


class ReportError(ValueError):
    """A report that cannot be asked for: a year out of range, an unknown language."""


@dataclass(frozen=True)
class Block:
    """A table of the report (numbers or records), drawn as a ``chart`` when one is named,
    written to its own sheet of the workbook, named ``sheet`` (short: a sheet name holds 31
    characters at most)."""

    table: Table | Listing
    sheet: str
    chart: str = ""
    note: str = ""
    # A chart whose numbers another block lists: printed without its table, and no sheet.
    chart_only: bool = False


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    blocks: tuple[Block, ...]
    intro: str = ""


@dataclass(frozen=True)
class Scope:
    """What a section is made from: the year, its period and the five-year trend."""

    year: int
    period: Period
    trend: Period


@dataclass
class AnnualReport:
    year: int
    language: str
    faculty: OrgUnit | None
    period: Period
    made_on: datetime.date
    sections: list[Section] = field(default_factory=list)


def year_checked(year) -> int:
    try:
        year = int(year)
    except (TypeError, ValueError):
        year = 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ReportError(
            _("The year must be a number from %(first)s to %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return year


def language_checked(language: str) -> str:
    if language not in LANGUAGES:
        raise ReportError(
            _("Unknown language “%(language)s”; choose one of: %(languages)s.")
            % {"language": language, "languages": ", ".join(LANGUAGES)}
        )
    return language


def scope_of(year: int, faculty: OrgUnit | None, *, today: datetime.date | None = None) -> Scope:
    today = today or timezone.localdate()
    end = datetime.date(year, 12, 31)
    on = min(end, today) if today.year == year else end
    return Scope(
        year=year,
        period=Period(start=datetime.date(year, 1, 1), end=end, on=on, faculty=faculty),
        trend=Period(
            start=datetime.date(year - TREND_YEARS + 1, 1, 1), end=end, on=on, faculty=faculty
        ),
    )


# --- Sections ------------------------------------------------------------------------------


def key_figures(scope: Scope) -> Section:
    values = achievements(scope.period)
    rows = []
    for achievement in ACHIEVEMENTS:
        value = values[achievement.key]
        if isinstance(value, list):
            value = ", ".join(sorted((country_name(code) for code in value), key=collation_key))
        rows.append((str(achievement.label), value))
    listing = Listing(
        "key_figures",
        _("Key figures of the year"),
        (_("Figure"), _("Value")),
        tuple(rows),
    )
    return Section(
        "achievements",
        _("Achievements of the year"),
        (Block(listing, _("Key figures")),),
        intro=_(
            "Each figure is computed from the records of the year; the annexes list the "
            "records behind it."
        ),
    )


def agreements_section(scope: Scope) -> Section:
    countries = series.partner_countries(scope.period, limit=None)
    top = Table(
        countries.key,
        countries.title,
        countries.row_heading,
        countries.columns,
        countries.rows[:TOP_COUNTRIES],
    )
    return Section(
        "agreements",
        _("Agreements and partners"),
        (
            Block(series.agreements_by_year(scope.trend), _("Agreements by year"), STACKED),
            Block(top, "", HORIZONTAL, chart_only=True),
            Block(
                _all_countries(countries),
                _("Partner countries"),
            ),
        ),
    )


def _all_countries(table: Table) -> Table:
    return Table(
        "partner_countries_all",
        _("Partner institutions with an agreement in force, by country"),
        table.row_heading,
        table.columns,
        table.rows,
    )


def mobility_section(scope: Scope) -> Section:
    return Section(
        "mobility",
        _("Mobility"),
        (
            Block(series.mobilities_by_year(scope.trend), _("Mobilities by year"), STACKED),
            Block(mobilities_by_country(scope.period), _("Mobilities by country")),
            Block(mobilities_by_programme(scope.period), _("Mobilities by programme")),
        ),
        intro=_(
            "Mobilities carried out: in progress or completed, counted in the year they began."
        ),
    )


def faculty_section(scope: Scope) -> Section:
    return Section("faculties", _("Faculties"), (Block(by_faculty(scope.period), _("By faculty")),))


def events_section(scope: Scope) -> Section:
    return Section(
        "events",
        _("Events"),
        (Block(series.events_by_year(scope.trend), _("Events by year"), STACKED),),
    )


def grants_section(scope: Scope) -> Section:
    by_project, by_programme, left_out = grant_income(scope.period)
    note = ""
    if left_out:
        note = ngettext(
            "%(count)s receipt lacks the exchange rate of its day and is not in the sums.",
            "%(count)s receipts lack the exchange rate of their day and are not in the sums.",
            left_out,
        ) % {"count": left_out}
    return Section(
        "grants",
        _("Grant projects"),
        (
            Block(series.grant_income_by_year(scope.trend), _("Grant income by year"), BARS),
            Block(by_project, _("Grant income by project"), note=note),
            Block(by_programme, _("Grant income by programme")),
        ),
    )


def targets_section(scope: Scope) -> Section | None:
    """The strategy targets of the year beside what was achieved; none set, no section."""
    rows = targets_progress(scope.year, scope.period.faculty)
    if not rows:
        return None
    listing = Listing(
        "targets",
        _("Targets and actuals"),
        (_("Figure"), _("Target"), _("Actual"), _("Reached, %"), _("State")),
        tuple(
            (
                row.label,
                row.value,
                row.actual if row.actual is not None else row.reason or "—",
                row.percent if row.percent is not None else "—",
                capfirst(row.state_label),
            )
            for row in rows
        ),
        ("text", "number", "number", "number", "text"),
    )
    return Section("targets", _("Strategy targets"), (Block(listing, _("Targets")),))


def annex_section(scope: Scope) -> Section:
    return Section(
        "annexes",
        _("Annexes"),
        tuple(
            Block(listing, _("Annex %(number)s") % {"number": number})
            for number, listing in enumerate(annexes(scope.period), start=1)
        ),
    )


# The report's parts in order: a function taking the Scope and answering a Section (or None
# to leave it out).
SECTIONS: list[Callable[[Scope], Section | None]] = [
    key_figures,
    agreements_section,
    mobility_section,
    faculty_section,
    events_section,
    grants_section,
    targets_section,
    annex_section,
]


def annual_report(
    *,
    year: int,
    language: str,
    faculty: OrgUnit | None = None,
    progress: Callable[[int, int], None] | None = None,
    today: datetime.date | None = None,
) -> AnnualReport:
    """The report of ``year`` in ``language`` (of ``faculty`` only, when given); ``progress``
    is told how many sections are done of how many."""
    year, language = year_checked(year), language_checked(language)
    scope = scope_of(year, faculty, today=today)
    report = AnnualReport(
        year=year,
        language=language,
        faculty=faculty,
        period=scope.period,
        made_on=today or timezone.localdate(),
    )
    with translation.override(language):
        for done, make in enumerate(SECTIONS, start=1):
            section = make(scope)
            if section is not None:
                report.sections.append(section)
            if progress:
                progress(done, len(SECTIONS))
    return report
