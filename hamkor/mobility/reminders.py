"""Deadlines of guests and travellers, the reminders about them, and what a traveller owes.

The board (:mod:`hamkor.mobility.deadlines`) lists every deadline that needs somebody's
attention, the most urgent first: registration of incoming guests at the place of stay, the
end of their registration and visa, passports that end too soon after a stay, trip reports.

Reminders (:func:`mobility_reminders_send`, run daily) are drawn from the same list, so the
board and the e-mails never disagree. Each reminder goes out once per deadline (a
:class:`~hamkor.mobility.models.MobilityReminder` row records it); a deadline that moves is
a new deadline. Guests' deadlines go to the IRO officers, who hold the visa data and deal
with the migration service; a trip report's to the traveller, in their language.

A traveller uploads the documents asked of them (:func:`documents_asked`) through
:func:`traveller_document_add`; the trip report marks the report received.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hamkor.accounts.models import User
from hamkor.accounts.roles import Role
from hamkor.core.documents import document_add
from hamkor.core.models import Document
from hamkor.core.sending import email_send_on_commit
from hamkor.core.urls_helpers import absolute_url
from hamkor.mobility.board import Deadline, deadlines_upcoming
from hamkor.mobility.deadlines import DeadlineKind, deadline_rules
from hamkor.mobility.models import Mobility, MobilityReminder, Person
from hamkor.mobility.services import mobility_save

Status = Mobility.Status

# When reminders go out.
DUE_SOON_DAYS = 2  # registration and report: once when due within 2 days, once when overdue
EXPIRY_REMINDER_DAYS = 10  # visa and registration: once, 10 days before they end


# --- Reminders ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    language: str
    # The traveller's own page, for those with an account.
    portal: bool = False


def reminder_stage(deadline: Deadline) -> str | None:
    """The reminder ``deadline`` calls for today (its record's ``kind``), or None."""
    days = deadline.days_left
    if deadline.kind in (DeadlineKind.REGISTRATION, DeadlineKind.REPORT):
        if days < 0:
            return f"{deadline.kind}_overdue"
        if days <= DUE_SOON_DAYS:
            return f"{deadline.kind}_due"
        return None
    if deadline.kind in (DeadlineKind.VISA_EXPIRY, DeadlineKind.REGISTRATION_EXPIRY):
        return deadline.kind if days <= EXPIRY_REMINDER_DAYS else None
    # Passports: the board shows them; renewing one is the holder's own business.
    return None


def officers() -> list[Recipient]:
    """The IRO officers with an e-mail address; the administrators when there is none."""
    for role in (Role.OFFICER, Role.ADMINISTRATOR):
        users = (
            User.objects.filter(groups__name=role, is_active=True)
            .exclude(email="")
            .order_by("email")
            .distinct()
        )
        if users:
            return [
                Recipient(user.email, str(user), user.language or settings.LANGUAGE_CODE)
                for user in users
            ]
    return []


def traveller(person: Person) -> Recipient | None:
    """The traveller themselves: the e-mail on record, else their account's; their language."""
    user = person.user
    email = person.email or (user.email if user else "")
    if not email:
        return None
    language = (user.language if user else "") or person.language or settings.LANGUAGE_CODE
    return Recipient(email, person.full_name, language, portal=user is not None)


def mobility_reminders_send(*, today: datetime.date | None = None) -> int:
    """E-mail each reminder that is due today and was not sent; return how many were sent.

    A reminder with nobody to send it to is not recorded, so that it goes out once somebody
    can receive it.
    """
    today = today or timezone.localdate()
    # The board's selector, narrowed to what a reminder can be about today: passports get
    # none, and nothing is reminded earlier than EXPIRY_REMINDER_DAYS ahead.
    deadlines = deadlines_upcoming(
        user_or_queryset=Mobility.objects.all(),
        today=today,
        kinds=[kind for kind in DeadlineKind.values if kind != DeadlineKind.PASSPORT_EXPIRY],
        within_days=max(DUE_SOON_DAYS, EXPIRY_REMINDER_DAYS),
    )
    done = set(
        MobilityReminder.objects.filter(
            mobility__in={deadline.mobility.pk for deadline in deadlines}
        ).values_list("mobility_id", "kind", "due")
    )
    staff: list[Recipient] | None = None
    sent = 0
    for deadline in deadlines:
        stage = reminder_stage(deadline)
        if stage is None or (deadline.mobility.pk, stage, deadline.due) in done:
            continue
        if deadline.kind == DeadlineKind.REPORT:
            recipient = traveller(deadline.person)
            recipients = [recipient] if recipient else []
        else:
            staff = officers() if staff is None else staff
            recipients = staff
        if not recipients:
            continue
        with transaction.atomic():
            try:
                with transaction.atomic():
                    MobilityReminder.objects.create(
                        mobility=deadline.mobility,
                        kind=stage,
                        due=deadline.due,
                        recipient=", ".join(r.email for r in recipients),
                    )
            except IntegrityError:
                continue  # another worker sent it a moment ago
            for recipient in recipients:
                _send_reminder(deadline=deadline, stage=stage, recipient=recipient)
        sent += 1
    return sent


SUBJECTS = {
    "registration_due": gettext_lazy("Register %(person)s at the place of stay by %(due)s"),
    "registration_overdue": gettext_lazy(
        "Overdue: registration of %(person)s at the place of stay was due on %(due)s"
    ),
    "registration_expiry": gettext_lazy("The registration of %(person)s ends on %(due)s"),
    "visa_expiry": gettext_lazy("The visa of %(person)s ends on %(due)s"),
    "report_due": gettext_lazy("Your trip report is due on %(due)s"),
    "report_overdue": gettext_lazy("Your trip report was due on %(due)s"),
}


def _absolute(url: str | None) -> str:
    return absolute_url(url) if url else ""


def _send_reminder(*, deadline: Deadline, stage: str, recipient: Recipient) -> None:
    mobility = deadline.mobility
    with translation.override(recipient.language):
        if deadline.kind == DeadlineKind.REPORT:
            template = "mobility/email/report_reminder.txt"
            url = _absolute(
                reverse("mobility:portal_mobility", kwargs={"pk": mobility.pk})
                if recipient.portal
                else None
            )
        else:
            template = (
                "mobility/email/registration_reminder.txt"
                if deadline.kind == DeadlineKind.REGISTRATION
                else "mobility/email/expiry_reminder.txt"
            )
            url = _absolute(deadline.url or reverse("mobility:deadlines"))
        due = date_format(deadline.due, "SHORT_DATE_FORMAT")
        context = {
            "deadline": deadline,
            "mobility": mobility,
            "person": deadline.person,
            "partner": deadline.partner,
            "recipient": recipient,
            "stage": stage,
            "due": due,
            "days_left": deadline.days_left,
            "days_overdue": -deadline.days_left,
            "start": date_format(mobility.start, "SHORT_DATE_FORMAT"),
            "end": date_format(mobility.end, "SHORT_DATE_FORMAT"),
            "rules": deadline_rules(),
            "url": url,
        }
        subject = str(SUBJECTS[stage]) % {"person": deadline.person.full_name, "due": due}
        body = render_to_string(template, context)
    email_send_on_commit(EmailMessage(subject, body, to=[recipient.email]))


# --- The traveller's side -------------------------------------------------------------------

BEFORE_TRIP = (Status.PLANNED, Status.NOMINATED, Status.ACCEPTED, Status.IN_PROGRESS)
DURING_OR_AFTER = (Status.IN_PROGRESS, Status.COMPLETED)
STUDENT_KINDS = (Mobility.Kind.STUDENT_STUDY, Mobility.Kind.STUDENT_TRAINEESHIP)


def person_for_user(user) -> Person | None:
    """The registry entry linked to ``user``'s account, if any."""
    if not user.is_authenticated:
        return None
    return Person.objects.filter(user=user).first()


def documents_asked(mobility: Mobility) -> list[str]:
    """The kinds of document the traveller owes at this stage of ``mobility``.

    Before the trip, the learning agreement (for staff, the mobility agreement filed under
    the same kind); from the start of the stay, the certificate, the transcript (study) and
    the trip report. Incoming students owe their learning agreement before they arrive;
    certificates of incoming guests are the university's to issue.
    """
    if mobility.status == Status.CANCELLED:
        return []
    kinds = []
    if mobility.is_outgoing:
        if mobility.status in BEFORE_TRIP:
            kinds.append(Document.Kind.LEARNING_AGREEMENT)
        if mobility.status in DURING_OR_AFTER:
            kinds.append(Document.Kind.CERTIFICATE)
            if mobility.kind == Mobility.Kind.STUDENT_STUDY:
                kinds.append(Document.Kind.TRANSCRIPT)
            kinds.append(Document.Kind.REPORT)
    elif mobility.kind in STUDENT_KINDS and mobility.status not in DURING_OR_AFTER:
        kinds.append(Document.Kind.LEARNING_AGREEMENT)
    return [str(kind) for kind in kinds]


@dataclass(frozen=True)
class Asked:
    """A document asked of the traveller, and whether it is in."""

    kind: str
    label: str
    received: bool


def documents_checklist(mobility: Mobility, documents) -> list[Asked]:
    """:func:`documents_asked` with, for each, whether a document of that kind is attached."""
    have = {document.kind for document in documents}
    labels = dict(Document.Kind.choices)
    return [
        Asked(
            kind,
            labels[kind],
            kind in have or (kind == Document.Kind.REPORT and bool(mobility.report_received_on)),
        )
        for kind in documents_asked(mobility)
    ]


def traveller_document_add(
    *,
    mobility: Mobility,
    kind: str,
    upload: File,
    actor,
    note: str = "",
    today: datetime.date | None = None,
) -> Document:
    """Attach a document the traveller owes; a trip report also marks the report received.

    The caller has checked that ``mobility`` is the actor's own; this checks the kind is
    one asked of them now.
    """
    if kind not in documents_asked(mobility):
        raise ValidationError({"kind": _("This document is not asked of you for this exchange.")})
    with transaction.atomic():
        document = document_add(record=mobility, kind=kind, upload=upload, actor=actor, note=note)
        if kind == Document.Kind.REPORT:
            current = Mobility.objects.select_for_update().get(pk=mobility.pk)
            if current.report_received_on is None:
                current.report_received_on = today or timezone.localdate()
                mobility_save(
                    mobility=current, actor=actor, reason="mobility.mobility.report_received"
                )
                mobility.report_received_on = current.report_received_on
    return document
