"""The retention rules: what is past its period goes (files really leave the storage), a dry
run only counts, a second run finds nothing, and the office reads what was done."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from hamkor.core.models import DocumentVersion
from hamkor.mobility.models import Mobility
from hamkor.privacy.models import DataCategory, RetentionRun
from hamkor.privacy.retention import retention_apply
from hamkor.privacy.tests.helpers import pdf

pytestmark = pytest.mark.django_db
LONG_AGO = datetime.date(2015, 3, 1)


@pytest.fixture
def old_guest(world, officer):
    """The guest's exchange ended in 2015: past the passport and documents periods."""
    guest = world["guest"]
    Mobility.objects.filter(pk=guest.pk).update(
        planned_start=LONG_AGO, planned_end=LONG_AGO, actual_end=LONG_AGO
    )
    petrov = world["petrov"]
    petrov.passport_number = "RU7777777"
    petrov.save()
    document = pdf(guest, officer, kind="letter")
    return {"guest": guest, "petrov": petrov, "document": document}


def test_a_dry_run_counts_and_changes_nothing(old_guest):
    run = retention_apply(dry_run=True)
    assert run.counts["passport"]["records"] == 2  # the passport and the visa number
    assert run.counts["documents"] == {"records": 1, "files": 1}
    old_guest["petrov"].refresh_from_db()
    assert old_guest["petrov"].passport_number == "RU7777777"
    assert DocumentVersion.objects.filter(document=old_guest["document"]).exists()


def test_the_rules_delete_numbers_and_files_once(
    old_guest, tmp_path, django_capture_on_commit_callbacks
):
    stored = DocumentVersion.objects.get(document=old_guest["document"]).file.name
    with django_capture_on_commit_callbacks(execute=True):
        run = retention_apply()
    assert run.counts["documents"]["files"] == 1
    petrov = old_guest["petrov"]
    petrov.refresh_from_db()
    assert petrov.passport_number == ""
    assert not petrov.history.filter(passport_number="RU7777777").exists()
    old_guest["guest"].refresh_from_db()
    assert old_guest["guest"].visa_number == ""
    assert not (tmp_path / "media" / stored).exists()
    again = retention_apply()
    assert again.total_records == 0


def test_keeping_longer_spares_the_records(old_guest):
    DataCategory.objects.filter(code="passport").update(retention_years=50)
    run = retention_apply()
    assert "passport" not in run.counts or run.counts["passport"]["records"] == 0
    old_guest["petrov"].refresh_from_db()
    assert old_guest["petrov"].passport_number == "RU7777777"


def test_recent_exchanges_are_left_alone(world):
    world["petrov"].passport_number = "RU7777777"
    world["petrov"].save()
    assert retention_apply().total_records == 0


def test_the_command_and_the_report_page(old_guest, as_user):
    out = io.StringIO()
    call_command("privacy", "retention", "--dry-run", stdout=out)
    assert "passport: 2 records" in out.getvalue()
    run = RetentionRun.objects.get()
    officer = as_user("officer")
    assert "RU7777777" not in officer.get(reverse("privacy:retentionrun_list")).text
    page = officer.get(reverse("privacy:retentionrun_detail", kwargs={"pk": run.pk}))
    assert page.status_code == 200
    assert "Passport and visa" in page.text and "dry run" in page.text


def test_the_nightly_task_is_scheduled(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "hamkor.privacy.tasks.retention_nightly" in tasks
