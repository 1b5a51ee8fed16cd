"""Personal data (passport, date of birth, visa): who may read it, and the one way to hide it.

Pages, forms, exports, the API, history and letters all ask :func:`hidden_fields` which
fields to leave out for a user, and a record passed to a template or a letter for such a
user goes through :func:`redact`. Nothing blanks a model's fields in memory: a redacted
record is a read-only view of it, so it can never be saved by mistake.
"""

from __future__ import annotations

from django.db import models

from hamkor.mobility.models import PERSONAL_DATA, Mobility, Person

PERSON_PERSONAL = ("date_of_birth", "passport_number", "passport_valid_to")
MOBILITY_PERSONAL = ("visa_type", "visa_number", "visa_valid_to")

PERSONAL_FIELDS: dict[type[models.Model], tuple[str, ...]] = {
    Person: PERSON_PERSONAL,
    Mobility: MOBILITY_PERSONAL,
}


def may_see_personal_data(user) -> bool:
    return user is not None and user.has_perm(PERSONAL_DATA)


def personal_data_shown(request, shown: models.Model) -> bool:
    """Whether the page about ``shown`` shows its personal data to the request's user; when it
    does, the reading is noted in the security log with the reader's roles."""
    if not may_see_personal_data(request.user):
        return False
    from hamkor.security.log import Kind, record, roles_of

    record(Kind.PERSONAL_DATA_VIEWED, request=request, target=shown, roles=roles_of(request.user))
    return True


def hidden_fields(user, model: type[models.Model]) -> tuple[str, ...]:
    """The fields of ``model`` that ``user`` may not read (none for an officer)."""
    if may_see_personal_data(user):
        return ()
    return PERSONAL_FIELDS.get(model, ())


class Redacted:
    """A read-only view of ``record`` in which the ``hidden`` fields read as empty."""

    def __init__(self, record: models.Model, hidden: tuple[str, ...]):
        self._record = record
        self._hidden = frozenset(hidden)

    def __getattr__(self, name: str):
        if name in self._hidden:
            field = self._record._meta.get_field(name)
            return None if field.null else ""
        value = getattr(self._record, name)
        if isinstance(value, models.Model) and type(value) in PERSONAL_FIELDS:
            return Redacted(value, PERSONAL_FIELDS[type(value)])
        return value

    def __str__(self) -> str:
        return str(self._record)

    def save(self, *args, **kwargs):
        raise TypeError("A redacted record is read-only.")


def redact(record: models.Model, user):
    """``record`` as ``user`` may read it: itself, or a view without its personal data.

    A mobility's person is redacted with it.
    """
    hidden = hidden_fields(user, type(record))
    return record if not hidden else Redacted(record, hidden)


def person_redact(person: Person, user):
    return redact(person, user)
