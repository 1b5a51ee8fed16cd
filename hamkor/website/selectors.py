"""Reads for the public site."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.translation import gettext

from hamkor.agreements.models import Agreement
from hamkor.agreements.selectors import public_partners
from hamkor.core.countries import collation_key, country_name
from hamkor.reports.achievements import Period
from hamkor.reports.wording import public_statements
from hamkor.website import cache
from hamkor.website.models import DepartmentProfile


def department_profile_get() -> DepartmentProfile | None:
    """The home university's department profile, or None before set-up."""
    return (
        DepartmentProfile.objects.select_related("institution", "head_photo")
        .filter(institution__is_home=True)
        .first()
    )


def achievements_public(language: str | None = None) -> list[str]:
    """The achievements' sentences for the public page in ``language`` (the active one by
    default), for the default period (the last four calendar years, partners in force
    today), computed by the reports and kept in the site's cache: the next view costs no
    query until a shown record changes or an hour passes."""
    language = language or translation.get_language()
    today = timezone.localdate()

    def compute() -> list[str]:
        period = Period.default(today=today)
        return [statement.text for statement in public_statements(period, language)]

    # The day is part of the key: "currently" and the period move on at midnight.
    return cache.cached(f"achievements:{language}:{today.isoformat()}", compute)


def department_name_public(language: str | None = None) -> str:
    """The department's name in ``language`` (the active one by default), cached like the
    achievements: a widget page that shows only these costs no query when they are kept."""
    language = language or translation.get_language()

    def compute() -> str:
        profile = department_profile_get()
        if profile is None:
            return ""
        with translation.override(language):
            return profile.name

    return cache.cached(f"department-name:{language}", compute)


@dataclass(frozen=True)
class PartnerEntry:
    """A public partner as the partners page lists it, in the active language."""

    name: str
    city: str
    website: str
    kinds: tuple[str, ...]


@dataclass(frozen=True)
class PartnerCountry:
    code: str
    name: str
    partners: tuple[PartnerEntry, ...]


def public_partners_by_country() -> list[PartnerCountry]:
    """The partners the office shows on the website (``agreements.selectors.public_partners``)
    by country, in the active language: countries and, within each, institutions in the
    order of its alphabet; each institution with the kinds of its public agreements."""
    by_country: dict[str, list[PartnerEntry]] = {}
    for partner in public_partners():
        institution = partner.institution
        entry = PartnerEntry(
            name=str(institution),
            city=institution.city,
            website=institution.website,
            kinds=tuple(str(Agreement.Kind(kind).label) for kind in partner.kinds),
        )
        by_country.setdefault(institution.country.code, []).append(entry)
    found = [
        PartnerCountry(
            code,
            country_name(code),
            tuple(sorted(entries, key=lambda entry: collation_key(entry.name))),
        )
        for code, entries in by_country.items()
    ]
    return sorted(found, key=lambda country: collation_key(country.name))


def partner_map_data(found: list[PartnerCountry]) -> dict:
    """What the map's script needs: each country's number of partners and its name in the
    active language (the map's own names are English), the word for the tooltip."""
    return {
        "values": {country.code: len(country.partners) for country in found},
        "names": {country.code: country.name for country in found},
        "label": gettext("Partner institutions"),
    }
