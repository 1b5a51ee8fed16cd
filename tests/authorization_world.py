"""The records and personas the authorization matrix opens its pages on, made once per module.

Building them takes a few seconds; doing so for each of the matrix's hundreds of rows would
make it the slowest module of the suite. ``world`` makes them inside a transaction that stays
open while the module's tests run (each test's own changes are undone by its savepoint, as
for the demo data in ``conftest.py``) and is rolled back at the end.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import PERSONAS, _persona, foreign_student_persona, login, reviewer_persona
from hamkor.accounts.roles import Role


@dataclass
class World:
    users: dict[str, object]
    objects: dict
    media: Path
    faculties: dict = field(default_factory=dict)

    def client_for(self, client, persona: str):
        """``client`` logged in as ``persona`` (logged out for the anonymous visitor)."""
        client.logout()
        if persona != "anonymous":
            login(client, self.users[persona])
        return client


def personas(faculty_a, faculty_b) -> dict[str, object]:
    """The personas of ``conftest.py``, made once (their fixtures are per test)."""
    users = {
        "admin": _persona(Role.ADMINISTRATOR, is_staff=True),
        "officer": _persona(Role.OFFICER),
        "coordinator": _persona(Role.COORDINATOR, org_unit=faculty_a),
        "coordinator_b": _persona(Role.COORDINATOR, org_unit=faculty_b, name="coordinator-b"),
        "leadership": _persona(Role.LEADERSHIP),
        "applicant": _persona(Role.APPLICANT, org_unit=faculty_a),
        "applicant_b": _persona(Role.APPLICANT, org_unit=faculty_b, name="applicant-b"),
        "foreign_student": foreign_student_persona(faculty_a),
        "reviewer": reviewer_persona(),
    }
    assert set(users) | {"anonymous"} == set(PERSONAS)
    return users


def build(users: dict, faculty_a) -> dict:
    from tests.authorization_calls import calls_records
    from tests.authorization_feeds import feeds_records
    from tests.authorization_opportunities import opportunity_records
    from tests.authorization_privacy import privacy_records
    from tests.authorization_records import (
        content_records,
        event_records,
        grant_money_records,
        indicator_records,
        mobility_records,
        office_records,
        portal_records,
        reception_records,
        student_records,
    )
    from tests.authorization_selection import selection_records

    officer = users["officer"]
    records = {
        **office_records(faculty_a, officer),
        **grant_money_records(faculty_a),
        **portal_records(users["applicant"], officer),
        **mobility_records(faculty_a, officer),
        **student_records(faculty_a, users["foreign_student"], officer),
        **event_records(faculty_a, officer),
        **indicator_records(faculty_a, officer),
        **reception_records(),
        **calls_records(faculty_a, users["applicant"], officer),
        **content_records(officer),
        **opportunity_records(),
        **selection_records(officer, users["reviewer"]),
        **feeds_records(),
    }
    return {**records, **privacy_records(records["person"])}


@contextlib.contextmanager
def world_made(django_db_blocker, media: Path, extra=None):
    """The world, inside a transaction rolled back on leaving; ``extra(world)`` adds to it."""
    from django.db import transaction
    from django.test.utils import override_settings

    from hamkor.accounts.tests.factories import OrgUnitFactory
    from hamkor.partners.tests.factories import HomeInstitutionFactory

    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=hashers, LANGUAGE_CODE="en"),
        transaction.atomic(),
    ):
        home = HomeInstitutionFactory()
        faculty_a = OrgUnitFactory(institution=home, code="faculty-a", name_en="Faculty A")
        faculty_b = OrgUnitFactory(institution=home, code="faculty-b", name_en="Faculty B")
        users = personas(faculty_a, faculty_b)
        world = World(
            users=users,
            objects=build(users, faculty_a),
            media=media,
            faculties={"a": faculty_a, "b": faculty_b},
        )
        if extra is not None:
            extra(world)
        yield world
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    with world_made(django_db_blocker, tmp_path_factory.mktemp("media")) as made:
        yield made


@pytest.fixture
def in_world(world, db, settings):
    """A test on the world: its files where the world's are, in its own savepoint."""
    settings.MEDIA_ROOT = world.media
    return world
