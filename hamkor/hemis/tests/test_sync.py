"""The HEMIS sync against a local fake HEMIS serving the files in ``responses/``."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hamkor.accounts.tests.factories import OrgUnitFactory
from hamkor.hemis.client import HemisClient, HemisError
from hamkor.hemis.mapping import proper_name
from hamkor.hemis.models import HemisLink
from hamkor.hemis.services import hemis_sync
from hamkor.hemis.tests.fake_hemis import TOKEN, fake_hemis
from hamkor.mobility.models import Person
from hamkor.mobility.tests.test_services import PersonFactory, StaffFactory
from hamkor.students.models import ForeignStudent

pytestmark = pytest.mark.django_db


@pytest.fixture
def hemis(settings):
    with fake_hemis() as (server, url):
        settings.HEMIS_BASE_URL = url
        settings.HEMIS_TOKEN = TOKEN
        yield server


@pytest.fixture
def registry(faculty_a, home):
    """The people the office typed before HEMIS was connected."""
    philology = OrgUnitFactory(institution=home, code="philology", name_uz="Filologiya fakulteti")
    return {
        "philology": philology,
        # The same person as HEMIS's 102, typed with an ASCII apostrophe.
        "dilnoza": StaffFactory(last_name="Qo'chqorova", first_name="Dilnoza", org_unit=faculty_a),
        # HEMIS's 105, found by e-mail, with nothing to change.
        "sardor": StaffFactory(
            last_name="Ergashev",
            first_name="Sardor",
            middle_name="Olimovich",
            email="s.ergashev@example.org",
            org_unit=faculty_a,
            position="Professor",
            academic_title="professor",
            date_of_birth=datetime.date(1980, 5, 5),
        ),
        "malika": PersonFactory(
            category=Person.Category.STUDENT,
            last_name="Nazarova",
            first_name="Malika",
            citizenship="UZ",
            org_unit=faculty_a,
        ),
        "li_1": PersonFactory(last_name="Li", first_name="Na", citizenship="CN"),
        "li_2": PersonFactory(last_name="Li", first_name="Na", citizenship="CN"),
    }


def test_client_reads_every_page(hemis):
    items = list(HemisClient.from_settings().employees())
    assert [item["id"] for item in items] == [101, 102, 105, 103, 104]
    assert [path.split("?")[1] for path in hemis.requests] == [
        "page=1&limit=200&type=all",
        "page=2&limit=200&type=all",
    ]


def test_client_refused_token(hemis, settings):
    settings.HEMIS_TOKEN = "wrong"
    with pytest.raises(HemisError, match="401"):
        list(HemisClient.from_settings().students())


def test_sync_creates_matches_and_skips(hemis, registry, faculty_a):
    people_before = Person.objects.count()
    report = hemis_sync(actor=None)

    counts = {f"{kind} {outcome}": n for (kind, outcome), n in report.counts.items() if n}
    assert counts == {
        "employee created": 1,
        "employee updated": 1,
        "employee unchanged": 1,
        "employee skipped": 2,
        "student created": 1,
        "student updated": 1,
        "student skipped": 3,
    }
    # Two new people only (employee 101, student 201): no duplicate of anyone matched.
    assert Person.objects.count() == people_before + 2

    anvar = Person.objects.get(hemis_links__hemis_id="101")
    assert (anvar.last_name, anvar.first_name, anvar.middle_name) == (
        "Abdullayev",
        "Anvar",
        "Karimovich",
    )
    assert anvar.category == Person.Category.STAFF
    assert (anvar.org_unit, anvar.position, anvar.academic_title) == (
        faculty_a,
        "Dotsent",
        "docent",
    )
    assert anvar.date_of_birth == datetime.date(1985, 3, 14)

    dilnoza = registry["dilnoza"]
    dilnoza.refresh_from_db()
    assert dilnoza.org_unit == registry["philology"]  # HEMIS owns the unit
    assert dilnoza.last_name == "Qo'chqorova"  # and never retypes the office's spelling
    assert dilnoza.history.first().history_change_reason == "mobility.person.edited"

    student = ForeignStudent.objects.get(person__hemis_links__hemis_id="201")
    assert (student.person.citizenship.code, student.person.email) == (
        "TR",
        "mehmet.yilmaz@example.com",
    )
    assert (student.faculty, student.level, student.year_of_study) == (faculty_a, "bachelor", 2)
    assert student.status == ForeignStudent.Status.ENROLLED

    registry["malika"].refresh_from_db()
    assert registry["malika"].date_of_birth == datetime.date(2003, 6, 8)

    reasons = {hemis_id: why for _kind, hemis_id, _name, why in report.skipped}
    assert reasons["103"] == "not working"
    assert "Nomaʼlum kafedra" in reasons["104"]
    assert reasons["202"].startswith("not in the registry")
    assert reasons["204"] == "the level of study is not understood"
    assert reasons["205"] == "2 people of the registry have this name"


def test_sync_twice_changes_nothing(hemis, registry):
    hemis_sync(actor=None)
    people = Person.objects.count()
    report = hemis_sync(actor=None)
    assert report.counts[("employee", "unchanged")] == 3
    assert report.counts[("student", "unchanged")] == 2
    assert report.counts[("employee", "created")] + report.counts[("student", "created")] == 0
    assert report.counts[("employee", "updated")] + report.counts[("student", "updated")] == 0
    assert Person.objects.count() == people


def test_dry_run_reports_and_saves_nothing(hemis, registry):
    people = Person.objects.count()
    out = io.StringIO()
    call_command("hemis", "sync", "--dry-run", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "HEMIS sync (dry run: nothing saved)"
    assert lines[1] == "employees: created 1, updated 1, unchanged 1, skipped 2"
    assert lines[2] == "students: created 1, updated 1, unchanged 0, skipped 3"
    assert "skipped employee 103 (Karimov Bobur): not working" in lines
    assert Person.objects.count() == people
    assert not HemisLink.objects.exists()


def test_command_unreachable_hemis_exits_1(settings):
    settings.HEMIS_BASE_URL = "http://127.0.0.1:9"  # the discard port: nothing listens
    settings.HEMIS_TOKEN = TOKEN
    with pytest.raises(CommandError) as refused:
        call_command("hemis", "sync")
    assert refused.value.returncode == 1


def test_nightly_task_without_hemis_does_nothing(settings):
    from hamkor.hemis.tasks import hemis_sync_nightly

    settings.HEMIS_BASE_URL = ""
    assert hemis_sync_nightly() == {}


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("QOʻCHQOROVA", "Qoʻchqorova"), ("ABDULLA-ZODA", "Abdulla-Zoda"), ("McLeod", "McLeod")],
)
def test_proper_name(typed, kept):
    assert proper_name(typed) == kept


def test_nightly_sync_is_scheduled(settings):
    from celery import current_app

    current_app.loader.import_default_modules()  # what a worker imports when it starts
    entry = settings.CELERY_BEAT_SCHEDULE["hemis-sync"]
    assert entry["task"] in current_app.tasks
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({2}, {30})
