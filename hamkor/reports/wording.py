"""The achievements as the public page words them: one sentence a figure, rounded down.

The department page says "more than 50 cooperation agreements and memorandums were signed
with universities in Russia, Turkey, …": a figure is rounded down to a multiple of its step
(``HAMKOR_ACHIEVEMENTS_ROUNDING``: a step per key, else the ``"default"`` one) and worded
"more than N". The wording stays honest:

* "more than N" only when N is below the figure: 50 agreements are "50", never "more than
  50"; 57 are "more than 50".
* A figure smaller than its step is not rounded to nothing: 7 agreements are "7", and
  $45,120.50 with a step of $50,000 is "more than $45,120".
* A step of 1 shows the figure exactly (an amount with cents is "more than" its dollars).
* A figure of zero is not stated: the page says nothing rather than "0 webinars".

``agreement_countries`` is worded inside the sentence of ``agreements_signed``, with the
countries named in the page's language; every other key has a sentence of its own.
Russian needs the plural form of the number shown (``ngettext``): "более 50 соглашений",
"21 соглашение".
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from babel.lists import format_list
from babel.numbers import format_decimal
from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from hamkor.core.countries import collation_key, country_name, locale_of
from hamkor.core.dates import format_long_date
from hamkor.reports.achievements import Period, achievements


@dataclass(frozen=True)
class Rounded:
    """A figure as the public reads it: ``number``, preceded by "more than" when ``more``."""

    number: int
    more: bool


def step_for(key: str) -> int:
    steps = settings.HAMKOR_ACHIEVEMENTS_ROUNDING
    return max(int(steps.get(key, steps.get("default", 1))), 1)


def rounded(value, step: int) -> Rounded:
    """``value`` rounded down to a multiple of ``step``, and whether it says less than it is
    (see the module's rules)."""
    value = Decimal(value)
    whole = int(value.to_integral_value(rounding=ROUND_FLOOR))
    shown = whole - whole % step if whole >= step else whole
    return Rounded(shown, Decimal(shown) < value)


def period_phrase(period: Period) -> str:
    """ "In 2024", "In 2022–2025" for whole calendar years; "From 5 March 2024 to 10 June
    2025" otherwise, the months in words."""
    start, end = period.start, period.end
    whole_years = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if whole_years and start.year == end.year:
        return _("In %(year)s") % {"year": start.year}
    if whole_years:
        return _("In %(first)s–%(last)s") % {"first": start.year, "last": end.year}
    return _("From %(start)s to %(end)s") % {
        "start": format_long_date(start),
        "end": format_long_date(end),
    }


def day_phrase(day: datetime.date) -> str:
    """ "Currently" for today, "On 5 March 2024" for another day."""
    if day == timezone.localdate():
        return _("Currently")
    return _("On %(day)s") % {"day": format_long_date(day)}


def countries_phrase(codes: list[str]) -> str:
    """The countries' names in the page's language, in its alphabetical order, joined as a
    list ("Russia, Türkiye and Indonesia")."""
    language = translation.get_language()
    names = sorted((country_name(code) for code in codes), key=lambda n: collation_key(n, language))
    return format_list(names, locale=locale_of())


def _number(value: int) -> str:
    return format_decimal(value, locale=locale_of())


def _plural(rounding: Rounded, exact, more, **params) -> str:
    """The sentence ``exact`` or ``more`` (``ngettext_lazy`` messages whose plural form
    follows ``number``, the number shown), filled in."""
    message = more if rounding.more else exact
    return message % {"number": rounding.number, "count": _number(rounding.number), **params}


@dataclass(frozen=True)
class Statement:
    key: str
    text: str


def _agreements(r: Rounded, figures: dict, period: str) -> str:
    countries = figures["agreement_countries"]
    if not countries:
        return _plural(
            r,
            ngettext_lazy(
                "%(period)s, %(count)s cooperation agreement or memorandum was signed.",
                "%(period)s, %(count)s cooperation agreements and memorandums were signed.",
                "number",
            ),
            ngettext_lazy(
                "%(period)s, more than %(count)s cooperation agreement or memorandum was signed.",
                "%(period)s, more than %(count)s cooperation agreements and memorandums were "
                "signed.",
                "number",
            ),
            period=period,
        )
    return _plural(
        r,
        ngettext_lazy(
            "%(period)s, %(count)s cooperation agreement or memorandum was signed with "
            "universities of these countries: %(countries)s.",
            "%(period)s, %(count)s cooperation agreements and memorandums were signed with "
            "universities of these countries: %(countries)s.",
            "number",
        ),
        ngettext_lazy(
            "%(period)s, more than %(count)s cooperation agreement or memorandum was signed "
            "with universities of these countries: %(countries)s.",
            "%(period)s, more than %(count)s cooperation agreements and memorandums were signed "
            "with universities of these countries: %(countries)s.",
            "number",
        ),
        period=period,
        countries=countries_phrase(countries),
    )


# key -> (the sentence of an exact figure, that of a rounded one), with %(period)s.
SENTENCES: dict[str, tuple] = {
    "students_abroad_certified": (
        ngettext_lazy(
            "%(period)s, %(count)s student was sent abroad on an exchange and received an "
            "international certificate.",
            "%(period)s, %(count)s students were sent abroad on exchanges and received "
            "international certificates.",
            "number",
        ),
        ngettext_lazy(
            "%(period)s, more than %(count)s student was sent abroad on an exchange and "
            "received an international certificate.",
            "%(period)s, more than %(count)s students were sent abroad on exchanges and "
            "received international certificates.",
            "number",
        ),
    ),
    "professors_taught_qs1000": (
        ngettext_lazy(
            "%(period)s, %(count)s professor taught foreign students at a university of the "
            "QS World University Rankings top 1000.",
            "%(period)s, %(count)s professors taught foreign students at universities of the "
            "QS World University Rankings top 1000.",
            "number",
        ),
        ngettext_lazy(
            "%(period)s, more than %(count)s professor taught foreign students at a university "
            "of the QS World University Rankings top 1000.",
            "%(period)s, more than %(count)s professors taught foreign students at universities "
            "of the QS World University Rankings top 1000.",
            "number",
        ),
    ),
    "professors_interned_qs1000": (
        ngettext_lazy(
            "%(period)s, %(count)s professor completed an internship at a university of the "
            "QS World University Rankings top 1000.",
            "%(period)s, %(count)s professors completed internships at universities of the "
            "QS World University Rankings top 1000.",
            "number",
        ),
        ngettext_lazy(
            "%(period)s, more than %(count)s professor completed an internship at a university "
            "of the QS World University Rankings top 1000.",
            "%(period)s, more than %(count)s professors completed internships at universities "
            "of the QS World University Rankings top 1000.",
            "number",
        ),
    ),
    "teachers_uk_europe": (
        ngettext_lazy(
            "%(period)s, %(count)s teacher exchanged experience at universities in the United "
            "Kingdom and Europe.",
            "%(period)s, %(count)s teachers exchanged experience at universities in the United "
            "Kingdom and Europe.",
            "number",
        ),
        ngettext_lazy(
            "%(period)s, more than %(count)s teacher exchanged experience at universities in "
            "the United Kingdom and Europe.",
            "%(period)s, more than %(count)s teachers exchanged experience at universities in "
            "the United Kingdom and Europe.",
            "number",
        ),
    ),
    "visiting_professors": (
        ngettext_lazy(
            "%(period)s, %(count)s professor from a university abroad visited us and taught "
            "our students.",
            "%(period)s, %(count)s professors from universities abroad visited us and taught "
            "our students.",
            "number",
        ),
        ngettext_lazy(
            "%(period)s, more than %(count)s professor from a university abroad visited us "
            "and taught our students.",
            "%(period)s, more than %(count)s professors from universities abroad visited us "
            "and taught our students.",
            "number",
        ),
    ),
    "professors_conferences_abroad": (
        ngettext_lazy(
            "%(period)s, %(count)s professor took part in international conferences, seminars "
            "and symposiums abroad and received international certificates.",
            "%(period)s, %(count)s professors took part in international conferences, seminars "
            "and symposiums abroad and received international certificates.",
            "number",
        ),
        ngettext_lazy(
            "%(period)s, more than %(count)s professor took part in international conferences, "
            "seminars and symposiums abroad and received international certificates.",
            "%(period)s, more than %(count)s professors took part in international conferences, "
            "seminars and symposiums abroad and received international certificates.",
            "number",
        ),
    ),
    "webinars_with_partners": (
        ngettext_lazy(
            "%(period)s, %(count)s webinar was held with partner universities.",
            "%(period)s, %(count)s webinars were held with partner universities.",
            "number",
        ),
        ngettext_lazy(
            "%(period)s, more than %(count)s webinar was held with partner universities.",
            "%(period)s, more than %(count)s webinars were held with partner universities.",
            "number",
        ),
    ),
    "grant_projects": (
        ngettext_lazy(
            "%(period)s, the university took part in %(count)s grant project.",
            "%(period)s, the university took part in %(count)s grant projects.",
            "number",
        ),
        ngettext_lazy(
            "%(period)s, the university took part in more than %(count)s grant project.",
            "%(period)s, the university took part in more than %(count)s grant projects.",
            "number",
        ),
    ),
    "grant_income_usd": (
        ngettext_lazy(
            "%(period)s, grant projects brought in %(count)s US dollar.",
            "%(period)s, grant projects brought in %(count)s US dollars.",
            "number",
        ),
        ngettext_lazy(
            "%(period)s, grant projects brought in more than %(count)s US dollar.",
            "%(period)s, grant projects brought in more than %(count)s US dollars.",
            "number",
        ),
    ),
    "partner_universities_active": (
        ngettext_lazy(
            "%(period)s, memorandums and cooperation agreements are in force with %(count)s "
            "foreign university.",
            "%(period)s, memorandums and cooperation agreements are in force with %(count)s "
            "foreign universities.",
            "number",
        ),
        ngettext_lazy(
            "%(period)s, memorandums and cooperation agreements are in force with more than "
            "%(count)s foreign university.",
            "%(period)s, memorandums and cooperation agreements are in force with more than "
            "%(count)s foreign universities.",
            "number",
        ),
    ),
}


def public_statements(
    period: Period, language: str | None = None, *, figures: dict | None = None
) -> list[Statement]:
    """The sentences of the public page for ``period`` in ``language`` (the active one by
    default), in the order of the achievements; ``figures`` when already computed
    (:func:`~hamkor.reports.achievements.achievements`)."""
    figures = achievements(period) if figures is None else figures
    with translation.override(language or translation.get_language()):
        span = period_phrase(period)
        statements = []
        for key, value in figures.items():
            if key == "agreement_countries" or not value:
                continue
            r = rounded(value, step_for(key))
            if key == "agreements_signed":
                text = _agreements(r, figures, span)
            else:
                when = day_phrase(period.on) if key == "partner_universities_active" else span
                exact, more = SENTENCES[key]
                text = _plural(r, exact, more, period=when)
            statements.append(Statement(key, text))
    return statements
