"""The mark of a generated database, and the question whether a database holds real records.

The mark is a table of its own, ``bench_generated`` (one row per run: seed, scale, when),
created by the first run and by no migration: a production database never has it, and no
model, admin page or export knows it. ``bench/generate.py`` used the same table before the
command existed, so the databases it filled are recognised (decision record 0022).
"""

from __future__ import annotations

from django.db import connection
from django.utils import timezone

from hamkor.accounts.models import User
from hamkor.agreements.models import Agreement
from hamkor.calls.models import Application, Call
from hamkor.events.models import Event
from hamkor.grants.models import Project
from hamkor.mobility.models import Mobility, Person
from hamkor.students.models import ForeignStudent

TABLE = "bench_generated"
# The records whose presence, in a database without the mark, means someone's real data.
RECORDS = (Person, Agreement, Mobility, Event, Project, ForeignStudent, Call, Application)
# The demo data set's accounts: a database where only ``demo-data`` ran holds these.
DEMO_USERS = "@hamkor.demo"


def is_marked() -> bool:
    return TABLE in connection.introspection.table_names()


def holds_records() -> list[str]:
    """The kinds of record the database holds (empty when it holds none): the reason to
    refuse an unmarked database."""
    found = [model._meta.verbose_name_plural for model in RECORDS if model.objects.exists()]
    if User.objects.exclude(email__endswith=DEMO_USERS).exists():
        found.append("users")
    return [str(name) for name in found]


def mark(seed: int, scale: float) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {TABLE} (seed integer NOT NULL, at varchar(40))"
        )
        # The scale rides in the free-text column that bench/generate.py's table already has.
        cursor.execute(
            f"INSERT INTO {TABLE} (seed, at) VALUES (%s, %s)",
            [seed, f"{timezone.now():%Y-%m-%dT%H:%M:%S} x{scale:g}"],
        )
