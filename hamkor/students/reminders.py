"""Reminders about foreign students' deadlines: the guests' engine, applied to students.

The stages (:func:`hamkor.mobility.reminders.reminder_stage`), the recipients (the IRO
officers, who deal with the migration service) and the subjects are the guests'; each
reminder goes out once per deadline, recorded by a :class:`StudentReminder`.
"""

from __future__ import annotations

import datetime

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from hamkor.core.sending import email_send_on_commit
from hamkor.core.urls_helpers import absolute_url
from hamkor.mobility.board import Deadline, deadlines_upcoming
from hamkor.mobility.deadlines import DeadlineKind, deadline_rules
from hamkor.mobility.reminders import (
    DUE_SOON_DAYS,
    EXPIRY_REMINDER_DAYS,
    SUBJECTS,
    Recipient,
    officers,
    reminder_stage,
)
from hamkor.students.models import ForeignStudent, StudentReminder


def student_reminders_send(*, today: datetime.date | None = None) -> int:
    """E-mail each student reminder due today and not sent yet; return how many were sent."""
    today = today or timezone.localdate()
    deadlines = deadlines_upcoming(
        user_or_queryset=ForeignStudent.objects.all(),
        today=today,
        kinds=[kind for kind in DeadlineKind.values if kind != DeadlineKind.PASSPORT_EXPIRY],
        within_days=max(DUE_SOON_DAYS, EXPIRY_REMINDER_DAYS),
    )
    done = set(
        StudentReminder.objects.filter(
            student__in={deadline.record.pk for deadline in deadlines}
        ).values_list("student_id", "kind", "due")
    )
    staff = None
    sent = 0
    for deadline in deadlines:
        stage = reminder_stage(deadline)
        if stage is None or (deadline.record.pk, stage, deadline.due) in done:
            continue
        staff = officers() if staff is None else staff
        if not staff:
            continue  # not recorded: it goes out once somebody can receive it
        with transaction.atomic():
            try:
                with transaction.atomic():
                    StudentReminder.objects.create(
                        student=deadline.record,
                        kind=stage,
                        due=deadline.due,
                        recipient=", ".join(r.email for r in staff),
                    )
            except IntegrityError:
                continue  # another worker sent it a moment ago
            for recipient in staff:
                _send(deadline=deadline, stage=stage, recipient=recipient)
        sent += 1
    return sent


def _send(*, deadline: Deadline, stage: str, recipient: Recipient) -> None:
    student = deadline.record
    with translation.override(recipient.language):
        due = date_format(deadline.due, "SHORT_DATE_FORMAT")
        context = {
            "deadline": deadline,
            "student": student,
            "person": deadline.person,
            "recipient": recipient,
            "stage": stage,
            "due": due,
            "days_left": deadline.days_left,
            "days_overdue": -deadline.days_left,
            "rules": deadline_rules(),
            "url": absolute_url(student.get_absolute_url()),
        }
        subject = str(SUBJECTS[stage]) % {"person": deadline.person.full_name, "due": due}
        body = render_to_string("students/email/deadline_reminder.txt", context)
    email_send_on_commit(EmailMessage(subject, body, to=[recipient.email]))
