"""Deadline reminders: to whom, when, in which language, and never twice."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hamkor.accounts.roles import Role
from hamkor.accounts.tests.factories import UserFactory
from hamkor.mobility import reminders, tasks
from hamkor.mobility.models import Mobility, MobilityReminder, Person
from hamkor.mobility.tests.test_deadlines import DAY, TODAY, make_mobility, make_person

OUTGOING = Mobility.Direction.OUTGOING


# The daily run as it happens: its e-mails leave when its transaction commits.


def mobility_reminders_send(**kwargs) -> int:
    with TestCase.captureOnCommitCallbacks(execute=True):
        return reminders.mobility_reminders_send(**kwargs)


def daily_reminders() -> dict:
    with TestCase.captureOnCommitCallbacks(execute=True):
        return tasks.daily_reminders()


@pytest.fixture
def officer_ru(db, home):
    return UserFactory(
        roles=[Role.OFFICER], email="olga@example.org", full_name="Olga", language="ru"
    )


@pytest.fixture
def guest(db):
    """A guest who arrived on Friday 13 March and is not registered: due Monday 16 March."""
    arrived = datetime.date(2026, 3, 13)
    return make_mobility(
        make_person("Guest"),
        start=arrived,
        actual_start=arrived,
        status=Mobility.Status.IN_PROGRESS,
    )


@pytest.fixture
def traveller(db, faculty_a):
    """Back on Monday 16 March: the trip report is due on Saturday 21 March."""
    user = UserFactory(roles=[Role.APPLICANT], email="timur@example.org", language="uz")
    person = make_person(
        "Traveller",
        first_name="Timur",
        category=Person.Category.STAFF,
        org_unit=faculty_a,
        citizenship="UZ",
        user=user,
    )
    return make_mobility(
        person,
        start=datetime.date(2026, 2, 14),
        actual_end=datetime.date(2026, 3, 16),
        days=30,
        direction=OUTGOING,
        status=Mobility.Status.COMPLETED,
    )


def test_registration_reminder_goes_to_officers_in_their_language_once(guest, officer, officer_ru):
    sent = mobility_reminders_send(today=datetime.date(2026, 3, 14))

    assert sent == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["officer@example.org", "olga@example.org"]
    russian = next(m for m in mail.outbox if m.to == ["olga@example.org"])
    english = next(m for m in mail.outbox if m.to == ["officer@example.org"])
    assert russian.body.startswith("Здравствуйте, Olga.")
    assert "16.03.2026" in russian.subject  # a Russian date
    assert english.subject == "Register Guest Anna at the place of stay by 16 Mar 2026"
    assert "within 3 calendar days after the day of entry" in english.body
    record = MobilityReminder.objects.get()
    assert (record.kind, record.due) == ("registration_due", datetime.date(2026, 3, 16))
    assert record.recipient == "officer@example.org, olga@example.org"

    mail.outbox.clear()
    assert mobility_reminders_send(today=datetime.date(2026, 3, 14)) == 0
    assert mobility_reminders_send(today=datetime.date(2026, 3, 15)) == 0
    assert mail.outbox == []


def test_registration_reminder_is_not_sent_too_early(guest, officer):
    assert mobility_reminders_send(today=datetime.date(2026, 3, 13)) == 0  # 3 days left
    assert mail.outbox == []


def test_overdue_registration_gets_a_second_reminder_and_no_third(guest, officer):
    mobility_reminders_send(today=datetime.date(2026, 3, 14))
    mail.outbox.clear()

    assert mobility_reminders_send(today=datetime.date(2026, 3, 17)) == 1
    (message,) = mail.outbox
    assert message.subject.startswith("Overdue: registration of Guest Anna")
    assert "1 day ago" in message.body
    assert mobility_reminders_send(today=datetime.date(2026, 3, 18)) == 0


def test_registered_guest_gets_no_reminder(guest, officer):
    guest.registered_on = datetime.date(2026, 3, 14)
    guest.save()

    assert mobility_reminders_send(today=datetime.date(2026, 3, 17)) == 0


def test_reminder_without_officers_goes_to_administrators(guest, admin):
    assert mobility_reminders_send(today=datetime.date(2026, 3, 15)) == 1
    assert mail.outbox[0].to == [admin.email]


def test_reminder_with_nobody_to_receive_it_is_kept_for_later(guest):
    assert mobility_reminders_send(today=datetime.date(2026, 3, 15)) == 0
    assert not MobilityReminder.objects.exists()


def test_visa_reminder_ten_days_before_and_again_when_the_visa_is_extended(db, officer):
    guest = make_mobility(
        make_person("Visitor"),
        start=TODAY - 10 * DAY,
        days=60,
        status=Mobility.Status.IN_PROGRESS,
        registered_on=TODAY - 9 * DAY,
        visa_valid_to=TODAY + 11 * DAY,
    )
    assert mobility_reminders_send(today=TODAY) == 0  # 11 days left
    assert mobility_reminders_send(today=TODAY + DAY) == 1
    assert mail.outbox[0].subject == "The visa of Visitor Anna ends on 29 Mar 2026"
    assert mobility_reminders_send(today=TODAY + 2 * DAY) == 0

    guest.visa_valid_to = TODAY + 25 * DAY  # extended, still short of the stay
    guest.save()
    assert mobility_reminders_send(today=TODAY + 15 * DAY) == 1
    assert MobilityReminder.objects.filter(kind="visa_expiry").count() == 2


def test_registration_expiry_reminder(db, officer):
    make_mobility(
        make_person("Resident"),
        start=TODAY - 10 * DAY,
        days=60,
        status=Mobility.Status.IN_PROGRESS,
        registered_on=TODAY - 9 * DAY,
        registration_valid_to=TODAY + 10 * DAY,
    )

    assert mobility_reminders_send(today=TODAY) == 1
    assert "The registration of Resident Anna ends on" in mail.outbox[0].subject


def test_report_reminder_goes_to_the_traveller_in_their_language(traveller):
    assert mobility_reminders_send(today=datetime.date(2026, 3, 18)) == 0  # 3 days left
    assert mobility_reminders_send(today=datetime.date(2026, 3, 19)) == 1

    (message,) = mail.outbox
    assert message.to == ["timur@example.org"]
    assert message.body.startswith("Assalomu alaykum, Traveller Timur.")
    assert f"/my/exchanges/{traveller.pk}/" in message.body
    assert mobility_reminders_send(today=datetime.date(2026, 3, 20)) == 0


def test_report_reminder_once_due_and_once_overdue(traveller):
    assert mobility_reminders_send(today=datetime.date(2026, 3, 21)) == 1  # due today
    assert mobility_reminders_send(today=datetime.date(2026, 3, 22)) == 1  # overdue
    assert mobility_reminders_send(today=datetime.date(2026, 3, 30)) == 0
    # In the traveller's language (Uzbek): the subject and the date format both follow it.
    with translation.override("uz"):
        expected = [
            _("Your trip report is due on %(due)s") % {"due": "21.03.2026"},
            _("Your trip report was due on %(due)s") % {"due": "21.03.2026"},
        ]
    assert [m.subject for m in mail.outbox] == expected
    assert expected[0] != "Your trip report is due on 21.03.2026"  # really translated
    assert sorted(MobilityReminder.objects.values_list("kind", flat=True)) == [
        "report_due",
        "report_overdue",
    ]


def test_report_reminder_uses_the_person_email_and_letter_language_without_account(db, faculty_a):
    person = make_person(
        "Nilufar",
        category=Person.Category.STAFF,
        org_unit=faculty_a,
        citizenship="UZ",
        email="nilufar@example.org",
        language="ru",
    )
    make_mobility(
        person,
        start=TODAY - 20 * DAY,
        actual_end=TODAY - 4 * DAY,
        days=16,
        direction=OUTGOING,
        status=Mobility.Status.COMPLETED,
    )

    assert mobility_reminders_send(today=TODAY) == 1
    (message,) = mail.outbox
    assert message.to == ["nilufar@example.org"]
    assert message.body.startswith("Здравствуйте")
    assert "/my/exchanges/" not in message.body


def test_received_report_stops_reminders(traveller):
    traveller.report_received_on = datetime.date(2026, 3, 17)
    traveller.save()

    assert mobility_reminders_send(today=datetime.date(2026, 3, 25)) == 0


def test_daily_task_and_command_send_mobility_reminders(db, officer):
    today = timezone.localdate()
    make_mobility(
        make_person("Arrived"),
        start=today - 5 * DAY,
        actual_start=today - 5 * DAY,
        status=Mobility.Status.IN_PROGRESS,
    )
    assert daily_reminders() == {"reminders": 1}
    MobilityReminder.objects.all().delete()
    mail.outbox.clear()

    out = StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_reminders", stdout=out)

    assert "mobility reminders sent: 1" in out.getvalue()
    assert len(mail.outbox) == 1
