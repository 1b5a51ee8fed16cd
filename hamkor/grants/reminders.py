"""Reporting reminders: the responsible officer hears of a report due 30, 7 and 1 days
ahead, once each per due date, through the same daily run and outbox as the agreements'."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hamkor.core.sending import email_send_on_commit
from hamkor.core.urls_helpers import absolute_url
from hamkor.grants.models import Project, ProjectReminder, ReportingDeadline

# Days before a report's due date at which the project's responsible officer is reminded.
REMINDER_DAYS = (30, 7, 1)
# Reports are owed while the project runs or winds up.
OWING = (
    Project.Status.APPROVED,
    Project.Status.RUNNING,
    Project.Status.FINAL_REPORT,
)


def deadlines_due(*, today: datetime.date | None = None, within_days: int = max(REMINDER_DAYS)):
    """Reports not yet submitted, due from today to ``within_days`` ahead, soonest first."""
    today = today or timezone.localdate()
    return (
        ReportingDeadline.objects.filter(
            submitted_on__isnull=True,
            due_on__gte=today,
            due_on__lte=today + datetime.timedelta(days=within_days),
            project__status__in=OWING,
        )
        .select_related("project", "project__responsible")
        .order_by("due_on", "id")
    )


def project_reminders_send(*, today: datetime.date | None = None) -> int:
    """E-mail the responsible officer of each report due soon, once per threshold and due
    date. A deadline entered late gets one e-mail, for the nearest threshold; the ones it
    has passed are marked as sent with it. Moving the due date starts the count again."""
    today = today or timezone.localdate()
    sent = 0
    for deadline in deadlines_due(today=today).prefetch_related("reminders"):
        days_left = (deadline.due_on - today).days
        done = {r.days_before for r in deadline.reminders.all() if r.due_on == deadline.due_on}
        due = [days for days in REMINDER_DAYS if days_left <= days and days not in done]
        recipient = deadline.project.responsible
        if not due or recipient is None or not recipient.email:
            continue
        with transaction.atomic():
            for days in due:
                ProjectReminder.objects.create(
                    deadline=deadline,
                    days_before=days,
                    due_on=deadline.due_on,
                    recipient=recipient.email,
                )
            _send(deadline=deadline, recipient=recipient, days_left=days_left)
        sent += 1
    return sent


def _send(*, deadline: ReportingDeadline, recipient, days_left: int) -> None:
    project = deadline.project
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        context = {
            "deadline": deadline,
            "project": project,
            "user": recipient,
            "days_left": days_left,
            "url": absolute_url(reverse("grants:project_detail", kwargs={"pk": project.pk})),
        }
        subject = _("%(report)s of %(project)s is due in %(days)d days") % {
            "report": deadline.get_kind_display(),
            "project": project.acronym or project.title,
            "days": days_left,
        }
        body = render_to_string("grants/email/reporting_reminder.txt", context)
    email_send_on_commit(EmailMessage(subject, body, to=[recipient.email]))
