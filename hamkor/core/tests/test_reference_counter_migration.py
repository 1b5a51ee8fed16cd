"""The reference counter moved from agreements to core: a database with numbers keeps them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from hamkor.core.references import reference_next

BEFORE = [
    ("core", "0004_add_email_template"),
    ("agreements", "0003_add_status_reason"),
]
AFTER = [
    ("core", "0005_take_reference_counter_from_agreements"),
    ("agreements", "0004_give_reference_counter_to_core"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_the_counter_keeps_its_numbers_when_it_moves_to_core():
    old = _migrate(BEFORE)
    old.get_model("agreements", "ReferenceCounter").objects.create(prefix="MOU", year=2024, last=17)
    try:
        new = _migrate(AFTER)
        counter = new.get_model("core", "ReferenceCounter").objects.get()
        assert (counter.prefix, counter.year, counter.last) == ("MOU", 2024, 17)
    finally:
        # Back to the latest state for the tests that follow.
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    # The next number follows the one the office had reached.
    assert reference_next(prefix="MOU", year=2024) == "MOU-2024-018"
