"""The person picker."""

from __future__ import annotations

from hamkor.core.autocomplete import Source, register
from hamkor.mobility.models import Person

SEARCH_FIELDS = ("last_name", "first_name", "middle_name", "name_original", "email")


def people(user, params):
    """The people a user may read: a list's filter."""
    return Person.objects.restrict(user).order_by("last_name", "first_name")


def people_to_choose(user, params):
    """The people a user may put on a record (a mobility): those they may change, so that a
    coordinator chooses among their faculty's people."""
    return Person.objects.restrict(user, "change").order_by("last_name", "first_name")


def register_sources() -> None:
    register("person", Source(rows=people, search_fields=SEARCH_FIELDS))
    register("person_to_choose", Source(rows=people_to_choose, search_fields=SEARCH_FIELDS))
