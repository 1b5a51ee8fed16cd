"""The person picker."""

from __future__ import annotations

from hamkor.core.autocomplete import Source, register
from hamkor.mobility.models import Person


def people(user, params):
    return Person.objects.restrict(user).order_by("last_name", "first_name")


def register_sources() -> None:
    register(
        "person",
        Source(
            rows=people,
            search_fields=("last_name", "first_name", "middle_name", "name_original", "email"),
        ),
    )
