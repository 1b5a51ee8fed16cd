"""The daily task: renewal reminders 180, 90 and 30 days before the end, expiry, auto-renewal."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase

from hamkor.agreements import services
from hamkor.agreements.models import Agreement, RenewalReminder
from hamkor.agreements.tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def agreement(officer):
    return AgreementFactory(
        reference="MOU-2020-004",
        title="Academic cooperation",
        status=Agreement.Status.ACTIVE,
        valid_from=datetime.date(2020, 12, 1),
        valid_to=days(180),
        responsible=officer,
    )


def send(on: datetime.date) -> int:
    """The daily run as it happens: its e-mails leave when its transaction commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.agreement_reminders_send(today=on)


def test_reminders_go_out_180_90_and_30_days_before_the_end_once_each(agreement, officer):
    assert send(days(-1)) == 0  # 181 days before: not yet
    assert send(TODAY) == 1
    assert send(TODAY) == 0  # once
    assert send(days(89)) == 0  # 91 days before
    assert send(days(90)) == 1
    assert send(days(91)) == 0
    assert send(days(150)) == 1
    assert send(days(151)) == 0
    assert len(mail.outbox) == 3
    assert [m.to for m in mail.outbox] == [[officer.email]] * 3
    assert "MOU-2020-004" in mail.outbox[0].subject
    assert "180 days" in mail.outbox[0].subject
    assert "30 days" in mail.outbox[2].subject
    assert agreement.get_absolute_url() in mail.outbox[0].body
    assert set(RenewalReminder.objects.values_list("days_before", flat=True)) == {180, 90, 30}


def test_an_agreement_entered_late_gets_one_email_for_the_nearest_threshold(agreement):
    agreement.valid_to = days(20)
    agreement.save()
    assert send(TODAY) == 1
    assert len(mail.outbox) == 1
    assert "20 days" in mail.outbox[0].subject
    # The thresholds it passed are marked as sent with it: no second e-mail.
    assert set(RenewalReminder.objects.values_list("days_before", flat=True)) == {180, 90, 30}
    assert send(days(1)) == 0


def test_reminders_start_again_when_the_end_date_changes(agreement, officer):
    send(TODAY)
    services.agreement_amend(
        agreement=agreement,
        actor=officer,
        signed_on=TODAY,
        summary="Extended by a year",
        valid_to=days(180 + 365),
    )
    assert send(days(365)) == 1
    assert len(mail.outbox) == 2


def test_reminder_is_written_in_the_recipient_language(agreement, officer):
    officer.language = "ru"
    officer.save()
    send(TODAY)
    body = mail.outbox[0].body
    # The end date in the Russian short format shows the whole e-mail was rendered in Russian.
    assert days(180).strftime("%d.%m.%Y") in body
    assert days(180).strftime("%m/%d/%Y") not in body


def test_no_reminder_without_a_responsible_officer_or_for_auto_renewal(agreement):
    AgreementFactory(status=Agreement.Status.ACTIVE, valid_to=days(30), auto_renewal=True)
    agreement.responsible = None
    agreement.save()
    assert send(TODAY) == 0
    assert mail.outbox == []


def test_no_reminder_for_agreements_not_in_force(officer):
    AgreementFactory(status=Agreement.Status.DRAFT, valid_to=days(30), responsible=officer)
    AgreementFactory(status=Agreement.Status.TERMINATED, valid_to=days(30), responsible=officer)
    assert send(TODAY) == 0


def test_agreements_past_their_end_expire(agreement):
    agreement.valid_to = days(-1)
    agreement.save()
    still = AgreementFactory(status=Agreement.Status.ACTIVE, valid_to=TODAY)
    assert services.agreements_expire_due(today=TODAY) == {"expired": 1, "renewed": 0}
    agreement.refresh_from_db()
    still.refresh_from_db()
    assert agreement.status == Agreement.Status.EXPIRED
    assert agreement.history.first().history_change_reason == "agreements.agreement.expire"
    assert agreement.history.first().history_user is None
    assert still.status == Agreement.Status.ACTIVE  # its last day is today


def test_auto_renewing_agreements_are_extended_by_their_term(agreement):
    agreement.auto_renewal = True
    agreement.valid_from = datetime.date(2024, 6, 1)
    agreement.valid_to = datetime.date(2025, 5, 31)
    agreement.save()
    assert services.agreements_expire_due(today=TODAY) == {"expired": 0, "renewed": 1}
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.ACTIVE
    assert agreement.valid_to == datetime.date(2026, 5, 31)
    assert agreement.history.first().history_change_reason == "agreements.agreement.auto_renewed"


def test_send_reminders_command_reports_what_it_did(officer):
    from django.utils import timezone

    today = timezone.localdate()
    AgreementFactory(
        status=Agreement.Status.ACTIVE,
        valid_to=today - datetime.timedelta(days=2),
    )
    AgreementFactory(
        status=Agreement.Status.ACTIVE,
        valid_to=today + datetime.timedelta(days=90),
        responsible=officer,
    )
    out = io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_reminders", stdout=out)
    # The first line is the agreements' (the command goes on with other apps' reminders).
    assert out.getvalue().splitlines()[0] == (
        "expired: 1, renewed automatically: 0, reminders sent: 1"
    )
    assert len(mail.outbox) == 1


def test_a_reminder_rolled_back_sends_nothing(agreement, django_capture_on_commit_callbacks):
    """The e-mail leaves with its record: a run that fails after writing it sends nothing."""
    from django.db import transaction

    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        assert services.agreement_reminders_send(today=days(0)) == 1
        assert mail.outbox == []  # not sent inside the transaction
        raise RuntimeError("the run failed after writing the reminder")
    assert callbacks == []
    assert mail.outbox == []
    assert not RenewalReminder.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.agreement_reminders_send(today=days(0)) == 1
    assert len(mail.outbox) == 1


def test_the_daily_task_runs_at_seven_in_the_office_time_zone(settings):
    from celery.schedules import crontab

    [entry] = [
        entry
        for entry in settings.CELERY_BEAT_SCHEDULE.values()
        if entry["task"] == "hamkor.core.tasks.daily_reminders"
    ]
    assert entry["schedule"] == crontab(hour=7, minute=0)
    assert settings.CELERY_TIMEZONE == "Asia/Tashkent"


def test_each_app_registers_its_daily_job():
    from hamkor.core.reminders import daily_jobs

    names = [job.name for job in daily_jobs()]
    assert names == ["agreements", "mobility", "grants", "students", "calls", "webhooks"]
