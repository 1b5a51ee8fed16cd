"""Reads for the public site."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext

from hamkor.agreements.models import Agreement
from hamkor.agreements.selectors import public_partners
from hamkor.core.countries import collation_key, country_name
from hamkor.website.models import DepartmentProfile


def department_profile_get() -> DepartmentProfile | None:
    """The home university's department profile, or None before set-up."""
    return (
        DepartmentProfile.objects.select_related("institution")
        .filter(institution__is_home=True)
        .first()
    )


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
