"""Two sessions at once on PostgreSQL, each thread on its own database connection.

- two edits of one record opened at the same version: the second save is refused with the
  user's message, the first one's values kept;
- reference numbers drawn by many threads at once: all distinct;
- an import and an edit of the same rows at once: the import whole or not at all, the edit
  never lost under it (whichever comes first).

The last seat of a call accepted by two applicants at once is
``hamkor/calls/tests/test_results_concurrency.py``. The threads meet at barriers and
events, and :func:`hamkor.core.testing.concurrency.race` waits for PostgreSQL to show the
second one waiting for a lock: conditions, never a fixed time. SQLite serialises every
write (BEGIN IMMEDIATE), so there is no race to test there.
"""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.http import HttpRequest
from django.test import Client

from conftest import login
from hamkor.accounts.models import OrgUnit
from hamkor.accounts.views import OrgUnitImportView
from hamkor.core import importing
from hamkor.core.references import reference_next
from hamkor.core.testing.concurrency import TIMEOUT, race

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite serialises every write, there is no race")


def edit_data(unit: OrgUnit, **changes) -> dict:
    data = {
        "institution": unit.institution_id,
        "parent": unit.parent_id or "",
        "kind": unit.kind,
        "code": unit.code,
        "name_uz": unit.name_uz,
        "name_ru": unit.name_ru,
        "name_en": unit.name_en,
        "is_active": "on" if unit.is_active else "",
        "_version": unit.version,
    }
    return {**data, **changes}


def edit_url(unit: OrgUnit) -> str:
    return f"/staff/units/{unit.pk}/edit/"


def test_two_sessions_saving_one_record_at_once_the_second_is_refused(officer, faculty_a):
    first, second = login(Client(), officer), login(Client(), officer)
    opened = edit_data(faculty_a)  # both forms opened at the same version
    responses = {}

    def save(name, client, value):
        responses[name] = client.post(edit_url(faculty_a), {**opened, "name_en": value})

    race(
        lambda: save("first", first, "Faculty of the First"),
        lambda: save("second", second, "Faculty of the Second"),
    )

    assert responses["first"].status_code == 302
    assert responses["second"].status_code == 409
    assert "changed this record at" in responses["second"].text
    assert "Faculty of the Second" in responses["second"].text  # the input is kept
    faculty_a.refresh_from_db()
    assert faculty_a.name_en == "Faculty of the First"
    assert faculty_a.version == opened["_version"] + 1


def test_references_drawn_by_many_sessions_at_once_are_distinct():
    threads, references, errors = 8, [], []
    start = threading.Barrier(threads)

    def draw():
        try:
            start.wait(TIMEOUT)  # every thread asks at the same moment
            for _ in range(5):
                references.append(reference_next(prefix="RACE", year=2026))
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=draw) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(TIMEOUT)

    assert errors == []
    assert len(references) == threads * 5
    assert sorted(references) == [f"RACE-2026-{n:03d}" for n in range(1, threads * 5 + 1)]


HEADER = "code,kind,name_uz,name_ru,name_en,parent,is_active\n"


def import_file(faculty: OrgUnit) -> bytes:
    return (
        HEADER
        + f"{faculty.code},faculty,{faculty.name_uz},,Faculty A (imported),,true\n"
        + "new-unit,faculty,Yangi fakultet,,New Faculty,,true\n"
    ).encode()


def import_view(user) -> OrgUnitImportView:
    view = OrgUnitImportView()
    view.request = HttpRequest()
    view.request.user = user
    return view


def import_rows(view, content: bytes, *, checked=None, edited=None):
    """Read and check the file, then apply it (after ``edited``, when given)."""
    result = view.validate(content)
    assert result.is_valid, [row.errors for row in result.rejected]
    if checked is not None:
        checked.set()
        assert edited.wait(TIMEOUT)
    return importing.apply(result=result, actor=view.request.user, apply_rows=view.apply_rows)


def test_an_edit_saved_while_an_import_is_checked_makes_the_import_apply_nothing(
    officer, faculty_a
):
    checked, edited = threading.Event(), threading.Event()
    outcome = {}

    def run_import():
        try:
            outcome["import"] = import_rows(
                import_view(officer), import_file(faculty_a), checked=checked, edited=edited
            )
        except ValidationError as exc:
            outcome["import"] = " ".join(exc.messages)
        finally:
            connections.close_all()

    importer = threading.Thread(target=run_import)
    importer.start()
    assert checked.wait(TIMEOUT)
    # Another session saves the faculty after the import read it, before it applies.
    response = login(Client(), officer).post(
        edit_url(faculty_a), edit_data(faculty_a, name_en="Faculty A (edited)")
    )
    assert response.status_code == 302
    edited.set()
    importer.join(TIMEOUT)

    assert "Row 2:" in outcome["import"]
    assert "changed this record at" in outcome["import"]
    faculty_a.refresh_from_db()
    assert faculty_a.name_en == "Faculty A (edited)"  # the edit is not lost
    assert not OrgUnit.objects.filter(code="new-unit").exists()  # nothing half-applied


def test_an_edit_opened_before_an_import_applied_is_refused_after_it(officer, faculty_a):
    opened = edit_data(faculty_a, name_en="Faculty A (edited)")
    content = import_file(faculty_a)
    responses = {}

    def edit():
        responses["edit"] = login(Client(), officer).post(edit_url(faculty_a), opened)

    outcomes = race(lambda: import_rows(import_view(officer), content), edit)

    assert outcomes[0] == "done"
    assert responses["edit"].status_code == 409
    faculty_a.refresh_from_db()
    assert faculty_a.name_en == "Faculty A (imported)"
    assert OrgUnit.objects.filter(code="new-unit").count() == 1  # the whole import
