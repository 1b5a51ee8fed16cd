"""Reporting reminders: through the daily run of every app, once per threshold and due date."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from hamkor.grants.models import ProjectReminder
from hamkor.grants.reminders import project_reminders_send
from hamkor.grants.tests.factories import ProjectFactory, ReportingDeadlineFactory, funded

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 3, 1)


@pytest.fixture
def deadline(officer):
    officer.email = "officer@example.org"
    officer.save()
    project = funded(ProjectFactory(acronym="GREEN", responsible=officer))
    return ReportingDeadlineFactory(project=project, due_on=TODAY + datetime.timedelta(days=6))


def test_a_report_due_in_6_days_is_reminded_once(deadline, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert project_reminders_send(today=TODAY) == 1
        assert project_reminders_send(today=TODAY) == 0
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["officer@example.org"]
    assert "GREEN" in message.subject
    assert f"/staff/projects/{deadline.project_id}/" in message.body
    # Entered late: the 30-day threshold it passed is marked with the 7-day one.
    assert set(ProjectReminder.objects.values_list("days_before", flat=True)) == {30, 7}


def test_the_next_threshold_and_a_moved_due_date_remind_again(deadline):
    project_reminders_send(today=TODAY)
    assert project_reminders_send(today=TODAY + datetime.timedelta(days=5)) == 1  # 1 day left
    deadline.due_on = TODAY + datetime.timedelta(days=40)
    deadline.save()
    assert project_reminders_send(today=TODAY + datetime.timedelta(days=10)) == 1


def test_submitted_reports_and_projects_not_funded_are_not_reminded(deadline, officer):
    deadline.submitted_on = TODAY
    deadline.save()
    idea = ProjectFactory(responsible=officer)
    ReportingDeadlineFactory(project=idea, due_on=TODAY + datetime.timedelta(days=3))
    assert project_reminders_send(today=TODAY) == 0


def test_the_daily_command_runs_the_grants_reminders(deadline, capsys):
    call_command("send_reminders")
    assert "reporting reminders sent" in capsys.readouterr().out
