"""The institution pickers: the institutions the office knows, and the whole directory."""

from __future__ import annotations

from django.db.models import Q

from hamkor.core.autocomplete import Source, register
from hamkor.partners.models import Institution

SEARCH_FIELDS = ("name", "name_en", "name_uz", "name_ru", "acronym", "erasmus_code", "city")


def known_institutions(user, params):
    """Our university, the partners and the institutions party to an agreement."""
    return (
        Institution.objects.restrict(user)
        .filter(
            Q(is_home=True)
            | ~Q(partnership=Institution.Partnership.NONE)
            | Q(agreement_parties__isnull=False)
        )
        .order_by("-is_home", "name")
    )


def directory(user, params):
    """Every institution of the world directory (15,000 and more)."""
    return Institution.objects.restrict(user).order_by("-is_home", "name")


def register_sources() -> None:
    register("institution", Source(rows=known_institutions, search_fields=SEARCH_FIELDS))
    register("directory", Source(rows=directory, search_fields=SEARCH_FIELDS))
