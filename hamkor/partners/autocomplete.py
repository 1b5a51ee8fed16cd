"""The institution pickers: the institutions the office knows, and the whole directory."""

from __future__ import annotations

from django.db.models import Q

from hamkor.core.autocomplete import Source, register
from hamkor.partners.models import Institution

SEARCH_FIELDS = ("name", "name_en", "name_uz", "name_ru", "acronym", "erasmus_code", "city")


def known_institutions(user, params):
    """Our university, the partners and the institutions party to an agreement: the sending
    and receiving institutions of a mobility, a person's institution."""
    # A subquery, not a join: a form field's rows must hold each institution once.
    parties = Institution.objects.filter(agreement_parties__isnull=False).values("pk")
    return (
        Institution.objects.restrict(user)
        .filter(Q(is_home=True) | ~Q(partnership=Institution.Partnership.NONE) | Q(pk__in=parties))
        .order_by("-is_home", "name")
    )


def partners(user, params):
    """The partners (not our university, not the bare directory): a contact's institution,
    an interaction's."""
    return Institution.objects.restrict(user).partners().order_by("name")


def directory(user, params):
    """Every institution of the world directory (15,000 and more)."""
    return Institution.objects.restrict(user).order_by("-is_home", "name")


def register_sources() -> None:
    register("institution", Source(rows=known_institutions, search_fields=SEARCH_FIELDS))
    register("directory", Source(rows=directory, search_fields=SEARCH_FIELDS))
    register("partner", Source(rows=partners, search_fields=SEARCH_FIELDS))
