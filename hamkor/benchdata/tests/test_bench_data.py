"""``hamkor bench-data``: the sizes per scale, the same rows for the same seed, nothing added
by a second run, and the refusal of a database holding someone's records.

Run on whichever database the suite uses (CI runs both PostgreSQL and SQLite). Every run is
at scale 0.01 without the demo data set (the home university, faculties and the demo's
logins only), so a run takes seconds.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connections, transaction

from hamkor import cli
from hamkor.agreements.models import AgreementParty, MobilityQuota
from hamkor.benchdata import agreements, calls, events, grants, mobility, people, students
from hamkor.benchdata.base import sizes_for
from hamkor.benchdata.mark import is_marked
from hamkor.calls.models import Application, Preference
from hamkor.events.models import Participant
from hamkor.grants.models import ProjectPartner, Receipt
from hamkor.mobility.models import Mobility, Person
from hamkor.partners.models import Institution
from hamkor.students.models import FeePayment

SCALE = "0.01"


def bench_data(*args: str) -> str:
    out = io.StringIO()
    call_command("bench_data", "--scale", SCALE, *args, stdout=out)
    return out.getvalue()


def generated_counts() -> dict[str, int]:
    return {
        "partners": Institution.objects.partners().count(),
        "agreements": agreements.generated().count(),
        "people": people.generated().count(),
        "mobilities": mobility.generated().count(),
        "events": events.generated().count(),
        "participants": Participant.objects.filter(event__in=events.generated()).count(),
        "projects": grants.generated_projects().count(),
        "receipts": Receipt.objects.filter(project__in=grants.generated_projects()).count(),
        "foreign_students": students.generated().count(),
        "calls": calls.generated().count(),
        "applications": Application.objects.filter(call__in=calls.generated()).count(),
    }


def snapshot() -> dict[str, list]:
    """What the rows say, without their keys (a rolled-back run leaves sequences moved)."""
    return {
        "partners": sorted(Institution.objects.partners().values_list("name", "partnership")),
        "agreements": sorted(
            agreements.generated().values_list("reference", "title", "status", "valid_to")
        ),
        "people": sorted(
            people.generated().values_list("email", "last_name", "first_name", "category")
        ),
        "mobilities": sorted(
            mobility.generated().values_list(
                "person__email", "planned_start", "status", "receiving_institution__name"
            )
        ),
        "events": sorted(events.generated().values_list("link", "title_en", "start")),
        "projects": sorted(grants.generated_projects().values_list("project_number", "status")),
        "students": sorted(
            students.generated().values_list("contract_number", "person__last_name", "status")
        ),
        "applications": sorted(
            Application.objects.filter(call__in=calls.generated()).values_list(
                "call__title_en", "person__email", "status", "gpa"
            )
        ),
    }


def run_and_roll_back(*args: str) -> dict[str, list]:
    with transaction.atomic():
        bench_data(*args)
        taken = snapshot()
        transaction.set_rollback(True)
    return taken


@pytest.mark.django_db
def test_a_small_scale_fills_every_table_in_proportion():
    output = bench_data()

    assert generated_counts() == sizes_for(0.01)
    assert sizes_for(0.01)["mobilities"] == 200  # 20,000 at scale 1
    assert is_marked()
    # The parts hang on their records: parties and quotas, the consortium, the fees, the
    # preferences, the applicants' logins.
    assert AgreementParty.objects.filter(agreement__in=agreements.generated()).count() >= 20
    assert MobilityQuota.objects.filter(agreement__in=agreements.generated()).exists()
    assert ProjectPartner.objects.filter(project__in=grants.generated_projects()).exists()
    assert FeePayment.objects.filter(student__in=students.generated()).exists()
    assert Preference.objects.filter(application__call__in=calls.generated()).exists()
    assert Application.objects.filter(applicant__email__endswith="@bench.example").count() == 100
    # The searchable rows were given their search text, which bulk_create does not fill.
    assert not people.generated().filter(search_text="").exists()
    assert not agreements.generated().filter(search_text="").exists()
    assert not grants.generated_projects().filter(search_text="").exists()
    # Values read back as written (on PostgreSQL the rows go through COPY).
    call = calls.generated().get()
    assert call.study_levels == ["bachelor", "master"]
    assert call.closes_at > call.opens_at
    refused = Application.objects.filter(call=call, eligible=False).first()
    assert refused is None or refused.eligibility_reasons == ["gpa"]
    assert all(person.search_text for person in people.generated()[:10])
    # The summary: elapsed time and a count per table.
    assert "s; rows per table:" in output
    assert "mobility_mobility" in output and "calls_application" in output


@pytest.mark.django_db
def test_rows_spread_over_ten_years_with_statuses_of_their_dates():
    bench_data()

    years = {day.year for day in mobility.generated().values_list("planned_start", flat=True)}
    assert len(years) >= 8
    statuses = set(mobility.generated().values_list("status", flat=True))
    assert Mobility.Status.COMPLETED in statuses
    to_come = {Mobility.Status.PLANNED, Mobility.Status.NOMINATED, Mobility.Status.ACCEPTED}
    assert statuses & to_come
    categories = set(people.generated().values_list("category", flat=True))
    assert {Person.Category.STUDENT, Person.Category.STAFF} <= categories


@pytest.mark.django_db
def test_a_second_run_adds_nothing():
    bench_data()
    first = generated_counts()

    output = bench_data()

    assert generated_counts() == first
    step_lines = [line for line in output.splitlines() if " added (" in line]
    assert len(step_lines) == 8
    assert all(": 0 added" in line for line in step_lines)


@pytest.mark.django_db
def test_the_same_seed_draws_the_same_rows_and_another_seed_others():
    first = run_and_roll_back()
    again = run_and_roll_back()
    other = run_and_roll_back("--seed", "7")

    assert first == again
    assert first["people"] and first["applications"]
    assert other["people"] != first["people"]
    assert other["mobilities"] != first["mobilities"]


@pytest.mark.django_db
def test_partners_are_drawn_from_the_loaded_directory():
    Institution.objects.bulk_create(
        Institution(name=f"Directory University {n}", country="DE", directory_key=f"dir-{n}")
        for n in range(12)
    )

    bench_data()

    partners = Institution.objects.partners()
    assert partners.count() == 5
    assert not partners.filter(directory_key="").exists()
    assert not Institution.objects.filter(name__startswith="Bench University").exists()


@pytest.mark.django_db
def test_a_database_with_records_it_did_not_generate_is_refused(capsys, monkeypatch):
    # The command line closes the connections when the command ends; the test's transaction
    # lives on one of them.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    Person.objects.create(
        category=Person.Category.FOREIGN_PROFESSOR,
        last_name="Real",
        first_name="Record",
        citizenship="DE",
    )

    with pytest.raises(SystemExit) as exit_info:
        cli.main(["hamkor", "bench-data", "--scale", SCALE])

    assert exit_info.value.code != 0
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert "refusing to write" in error and "people" in error and "--force" in error
    assert not is_marked()
    assert not people.generated().exists()


@pytest.mark.django_db
def test_force_writes_into_such_a_database_and_marks_it():
    Person.objects.create(
        category=Person.Category.FOREIGN_PROFESSOR,
        last_name="Real",
        first_name="Record",
        citizenship="DE",
    )

    bench_data("--force")

    assert is_marked()
    assert people.generated().count() == sizes_for(0.01)["people"]
    # Marked now: the next run needs no --force.
    bench_data()


@pytest.mark.django_db
def test_a_scale_of_zero_is_refused():
    with pytest.raises(Exception, match="greater than 0"):
        call_command("bench_data", "--scale", "0", stdout=io.StringIO())
