"""Writes of inquiries: received from the public, assigned, answered by e-mail, closed.

The sender is not a user: the receipt is recorded without an actor, with the reason
``website.inquiry.received`` in the history. E-mails go in the inquiry's language, through
the outbox, once the transaction commits.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hamkor.core import transitions
from hamkor.core.references import reference_next
from hamkor.core.sending import email_send_on_commit
from hamkor.core.services import object_save
from hamkor.website.inquiries.models import Inquiry

PREFIX = "INQ"


@transaction.atomic
def inquiry_receive(
    *, name: str, email: str, subject: str, message: str, language: str, phone: str = ""
) -> Inquiry:
    """Record an inquiry from the contact form and confirm it to the sender with its number."""
    inquiry = Inquiry(
        name=name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        subject=subject.strip(),
        message=message.strip(),
        language=language,
    )
    inquiry.full_clean(exclude=["reference"])
    inquiry.reference = reference_next(
        prefix=PREFIX,
        year=timezone.localdate().year,
        taken=lambda reference: Inquiry.objects.filter(reference=reference).exists(),
    )
    inquiry = object_save(instance=inquiry, actor=None, reason="website.inquiry.received")
    _mail(
        inquiry,
        subject=gettext_lazy("We have received your message: %(reference)s"),
        template="website/email/inquiry_received.txt",
    )
    return inquiry


def _mail(inquiry: Inquiry, *, subject, template: str) -> None:
    """An e-mail to the sender, written in the inquiry's language."""
    with translation.override(inquiry.language):
        title = str(subject) % {"reference": inquiry.reference, "subject": inquiry.subject}
        body = render_to_string(template, {"inquiry": inquiry})
    email_send_on_commit(EmailMessage(title, body, to=[inquiry.email]))


@transaction.atomic
def inquiry_transition(
    *, inquiry: Inquiry, name: str, actor, assignee=None, answer: str = ""
) -> Inquiry:
    """Assign (to ``assignee``), reply (``answer``, e-mailed to the sender), close or reopen."""
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    transitions.step_check(
        inquiry, name, refused=_("An inquiry that is “%(status)s” cannot take this step.")
    )
    if name == "assign":
        if assignee is None:
            raise ValidationError({"assignee": _("Choose who answers the inquiry.")})
        inquiry.assignee = assignee
    elif name == "reply":
        if not answer.strip():
            raise ValidationError({"answer": _("Write the answer.")})
        inquiry.answer = answer.strip()
        inquiry.answered_at = timezone.now()
        inquiry.answered_by = actor
        inquiry.assignee = inquiry.assignee or actor
    elif name == "reopen":
        inquiry.assignee = inquiry.assignee or actor
    getattr(inquiry, name)()
    inquiry.status_changed_at = timezone.now()
    inquiry = object_save(instance=inquiry, actor=actor, reason=f"website.inquiry.{name}")
    if name == "reply":
        _mail(
            inquiry,
            subject=gettext_lazy("Re: %(subject)s (%(reference)s)"),
            template="website/email/inquiry_answer.txt",
        )
    return inquiry
