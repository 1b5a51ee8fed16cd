"""Writes about foreign students: their record and status, fee payments, requests and replies."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hamkor.core import transitions
from hamkor.core.documents import document_add
from hamkor.core.sending import email_send_on_commit
from hamkor.core.services import object_save
from hamkor.core.urls_helpers import absolute_url
from hamkor.grants.selectors import ExchangeRateMissing, convert, exchange_rate_on
from hamkor.mobility.models import Person
from hamkor.students.models import FeePayment, ForeignStudent, RequestReply, StudentRequest
from hamkor.webhooks.events import event_emit

BASE_CURRENCY = "UZS"


def student_check(student: ForeignStudent) -> None:
    """The rules of a student's record beyond its own dates' order (``ForeignStudent.clean``);
    one ValidationError naming each field at fault."""
    errors: dict[str, str] = {}
    if student.registered_on and student.registered_on > timezone.localdate():
        errors["registered_on"] = _("A registration date cannot be in the future.")
    if student.person_id and student.person.citizenship == "UZ":
        errors["person"] = _("A citizen of Uzbekistan is not a foreign student.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def foreign_student_save(
    *,
    student: ForeignStudent,
    actor,
    expected_version: int | None = None,
    reason: str | None = None,
) -> ForeignStudent:
    """Create or edit a student after checking the rules; nothing is saved when one fails.
    A new student's person is filed in the registry as a foreign student."""
    student_check(student)
    created = student.pk is None
    person = student.person
    if person.category != Person.Category.FOREIGN_STUDENT:
        person.category = Person.Category.FOREIGN_STUDENT
        object_save(instance=person, actor=actor, reason="students.foreignstudent.person_filed")
    if person.org_unit_id is None:
        person.org_unit = student.faculty
        object_save(instance=person, actor=actor, reason="students.foreignstudent.person_filed")
    return object_save(
        instance=student,
        actor=actor,
        expected_version=expected_version,
        reason=reason
        or ("students.foreignstudent.created" if created else "students.foreignstudent.edited"),
    )


@transaction.atomic
def foreign_student_transition(
    *,
    student: ForeignStudent,
    name: str,
    actor,
    reason: str = "",
    on: datetime.date | None = None,
) -> ForeignStudent:
    """Apply the named step; enrolling records the day (``on``, by default today), leave and
    withdrawal need a reason."""
    student = ForeignStudent.objects.select_for_update().get(pk=student.pk)
    step = transitions.step_check(
        student, name, refused=_("A student who is “%(status)s” cannot take this step.")
    )
    if step.asks_reason and not reason.strip():
        raise ValidationError(_("Give the reason for this step."))
    if name == "enrol":
        student.enrolled_on = on or student.enrolled_on or timezone.localdate()
    getattr(student, name)()
    student.status_changed_at = timezone.now()
    student.status_reason = reason.strip()
    student = object_save(instance=student, actor=actor, reason=f"students.foreignstudent.{name}")
    if name == "enrol":
        event_emit(event="foreign_student.enrolled", record=student)
    return student


# --- Fees ------------------------------------------------------------------------------------


def _currency(code: str) -> str:
    code = (code or "").strip().upper()
    if not code or pycountry.currencies.get(alpha_3=code) is None:
        raise ValidationError(
            {
                "currency": _(
                    "“%(code)s” is not a currency code (ISO 4217), such as USD, EUR or UZS."
                )
                % {"code": code}
            }
        )
    return code


@transaction.atomic
def fee_payment_add(
    *,
    student: ForeignStudent,
    paid_on: datetime.date,
    amount: Decimal,
    currency: str,
    actor,
    reference: str = "",
) -> FeePayment:
    """Record a payment towards the student's contract, in som at the Central Bank rate of
    ``paid_on``. A currency without a rate for that day is refused, naming the rate missing:
    never another day's rate, and nothing saved."""
    code = _currency(currency)
    try:
        rate = exchange_rate_on(currency=code, on_date=paid_on)
        amount_uzs = convert(amount, code, BASE_CURRENCY, paid_on)
    except ExchangeRateMissing as exc:
        raise ValidationError(
            {
                "currency": _(
                    "%(missing)s: enter the Central Bank rate of that day (Exchange rates) "
                    "before recording the payment."
                )
                % {"missing": str(exc)}
            }
        ) from exc
    payment = FeePayment(
        student=student,
        paid_on=paid_on,
        amount=amount,
        currency=code,
        rate=rate,
        amount_uzs=amount_uzs,
        reference=reference.strip(),
    )
    return object_save(instance=payment, actor=actor, reason="students.feepayment.added")


def fee_payment_save(*, payment: FeePayment, actor, expected_version=None) -> FeePayment:
    """The edit form's way in: a new payment is converted by :func:`fee_payment_add`."""
    if payment.pk is not None:
        raise ValidationError(_("A payment is not edited: delete it and record it again."))
    return fee_payment_add(
        student=payment.student,
        paid_on=payment.paid_on,
        amount=payment.amount,
        currency=payment.currency,
        reference=payment.reference,
        actor=actor,
    )


# --- Requests --------------------------------------------------------------------------------


@transaction.atomic
def student_request_file(
    *,
    student: ForeignStudent,
    kind: str,
    subject: str,
    description: str = "",
    actor,
    upload: File | None = None,
) -> StudentRequest:
    """A new request of ``student`` (from "My university" or typed by staff), with its
    attachment; a refused file leaves no request behind."""
    request = StudentRequest(
        student=student, kind=kind, subject=subject.strip(), description=description.strip()
    )
    object_save(instance=request, actor=actor, reason="students.studentrequest.filed")
    if upload is not None:
        document_add(record=request, kind="other", upload=upload, actor=actor)
    return request


@transaction.atomic
def student_request_save(
    *, request: StudentRequest, actor, expected_version: int | None = None
) -> StudentRequest:
    if request.pk is None:
        return student_request_file(
            student=request.student,
            kind=request.kind,
            subject=request.subject,
            description=request.description,
            actor=actor,
        )
    if request.assignee_id and not request.assignee.has_perm("students.change_studentrequest"):
        raise ValidationError({"assignee": _("Choose a member of staff who handles requests.")})
    return object_save(
        instance=request,
        actor=actor,
        expected_version=expected_version,
        reason="students.studentrequest.edited",
    )


@transaction.atomic
def student_request_transition(
    *, request: StudentRequest, name: str, actor, reason: str = "", on=None
) -> StudentRequest:
    """Take, resolve, decline (with a reason, e-mailed to the student) or reopen."""
    request = StudentRequest.objects.select_for_update().get(pk=request.pk)
    step = transitions.step_check(
        request, name, refused=_("A request that is “%(status)s” cannot take this step.")
    )
    if step.asks_reason and not reason.strip():
        raise ValidationError(_("Give the reason for this step."))
    if name == "take" and request.assignee_id is None:
        request.assignee = actor
    getattr(request, name)()
    request.status_changed_at = timezone.now()
    request.status_reason = reason.strip()
    object_save(instance=request, actor=actor, reason=f"students.studentrequest.{name}")
    if name == "decline":
        request_reply_add(request=request, body=reason, actor=actor)
    return request


def _student_email(student: ForeignStudent) -> tuple[str, str]:
    """The student's address and language: the registry's, else their account's."""
    person = student.person
    user = person.user
    email = person.email or (user.email if user else "")
    language = (user.language if user else "") or person.language or settings.LANGUAGE_CODE
    return email, language


@transaction.atomic
def request_reply_add(*, request: StudentRequest, body: str, actor) -> RequestReply:
    """Save a reply on the request and e-mail it to the student, in their language, once
    the transaction commits. A student without an e-mail address reads it in "My
    university"; the reply says so (``emailed_to`` empty)."""
    if not body.strip():
        raise ValidationError({"body": _("Write the reply.")})
    email, language = _student_email(request.student)
    reply = RequestReply(request=request, author=actor, body=body.strip(), emailed_to=email)
    object_save(instance=reply, actor=actor, reason="students.requestreply.added")
    # A reply to a new request takes it: somebody works on it now.
    current = StudentRequest.objects.select_for_update().get(pk=request.pk)
    if current.status == StudentRequest.Status.NEW:
        current.take()
        current.assignee = current.assignee or actor
        current.status_changed_at = timezone.now()
        object_save(instance=current, actor=actor, reason="students.studentrequest.take")
    if email:
        with translation.override(language):
            context = {
                "request": request,
                "reply": reply,
                "person": request.student.person,
                "url": absolute_url(reverse("students:portal_request", kwargs={"pk": request.pk})),
            }
            subject = _("Reply to your request: %(subject)s") % {"subject": request.subject}
            body_text = render_to_string("students/email/reply.txt", context)
        email_send_on_commit(EmailMessage(subject, body_text, to=[email]))
    return reply
