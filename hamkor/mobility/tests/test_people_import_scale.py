"""A large people import: its check holds the memory of a few rows, not of the file, and
asks the database the same number of questions for a few rows as for hundreds."""

from __future__ import annotations

import tracemalloc

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from hamkor.core import importing
from hamkor.mobility.models import Person
from hamkor.mobility.tests.test_services import StaffFactory
from hamkor.mobility.views.people import PersonImportView

HEADER = "category,last_name,first_name,citizenship,org_unit,institution,email\n"


def people_csv(rows: int, start: int = 0) -> bytes:
    lines = [
        f"staff,Importov{n},Bench,UZ,faculty-a,,p{n}@bench.example.org\n"
        for n in range(start, start + rows)
    ]
    return (HEADER + "".join(lines)).encode()


def import_view(user) -> PersonImportView:
    view = PersonImportView()
    view.request = RequestFactory().get("/")
    view.request.user = user
    return view


def check_peak(view, content: bytes) -> tuple[int, importing.ImportResult]:
    tracemalloc.start()
    try:
        result = view.validate(content, keep_rows=False)
        return tracemalloc.get_traced_memory()[1], result
    finally:
        tracemalloc.stop()


@pytest.mark.django_db
def test_checking_a_file_four_times_longer_does_not_take_four_times_the_memory(officer, faculty_a):
    view = import_view(officer)
    small, large = people_csv(2_000), people_csv(8_000)
    check_peak(view, people_csv(50))  # modules and caches loaded once, before measuring

    small_peak, small_result = check_peak(view, small)
    large_peak, large_result = check_peak(view, large)

    assert (small_result.total, large_result.total) == (2_000, 8_000)
    assert large_result.count("create") == 8_000 and large_result.is_valid
    assert len(large_result.preview) == importing.PREVIEW_ROWS
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)


@pytest.mark.django_db
def test_checking_more_rows_asks_the_database_no_more_questions(officer, faculty_a):
    StaffFactory(last_name="Karimov", org_unit=faculty_a, email="d.karimov@example.uz")
    view = import_view(officer)
    existing = "staff,Karimov,Dilshod,UZ,faculty-a,,D.Karimov@Example.UZ\n"

    with CaptureQueriesContext(connection) as few:
        few_result = view.validate(people_csv(5) + existing.encode(), keep_rows=False)
    with CaptureQueriesContext(connection) as many:
        many_result = view.validate(people_csv(400) + existing.encode(), keep_rows=False)

    assert (few_result.count("update"), many_result.count("update")) == (1, 1)
    assert many_result.count("create") == 400
    # One query finds the existing people of a batch and the unit is looked up once; what
    # remains per row is the model's own check that the unit exists (``ForeignKey.validate``).
    assert len(many) <= len(few) + 395


@pytest.mark.django_db
def test_a_large_import_applies_every_row_with_its_history(officer, faculty_a):
    view = import_view(officer)
    result = view.validate(people_csv(600), keep_rows=True)

    created, updated = importing.apply(result=result, actor=officer, apply_rows=view.apply_rows)

    assert (created, updated) == (600, 0)
    imported = Person.objects.filter(email__endswith="@bench.example.org")
    assert imported.count() == 600
    assert set(imported.values_list("org_unit__code", flat=True)) == {"faculty-a"}
    assert Person.history.filter(email__endswith="@bench.example.org").count() == 600


@pytest.mark.django_db
def test_a_repeated_email_updates_one_person_with_each_row_checked_alone(officer, faculty_a):
    StaffFactory(last_name="Karimov", org_unit=faculty_a, email="d.karimov@example.uz")
    view = import_view(officer)
    content = (
        HEADER
        + "staff,Karimov,Dilshod,UZ,faculty-a,,d.karimov@example.uz\n"
        + "staff,Karimov,Dilshod,UZ,faculty-b,,D.KARIMOV@example.uz\n"
    ).encode()

    result = view.validate(content)

    assert [row.action for row in result.rows] == ["update", "update"]
    assert result.rows[0].form.instance is not result.rows[1].form.instance
    assert result.rows[1].errors and "None of our units has this code." in result.rows[1].errors[0]
