"""Certificates of participation: numbered, verifiable, printed as a PDF, sent by e-mail.

A certificate is generated for events we organise, for confirmed participants. It shows
the participant's name in the language they chose (a registry person's Latin name is
written in Cyrillic for Uzbek Cyrillic, their name in the original script for Russian
when recorded), the event, its dates, the role, the hours, the number and a QR code of the
public page that confirms it (``public:certificate_verify``), as invitation letters do.
"""

from __future__ import annotations

import secrets

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hamkor.core.dates import format_long_date
from hamkor.core.pdf import pdf_from_html, qr_svg
from hamkor.core.references import reference_next
from hamkor.core.sending import email_send_on_commit
from hamkor.core.services import object_save
from hamkor.core.translit import latin_to_cyrillic
from hamkor.core.urls_helpers import absolute_url
from hamkor.events.models import Participant
from hamkor.website.selectors import department_profile_get

PREFIX = "CERT"
DOWNLOAD_SALT = "events.certificate.download"


def certificate_refusal(participant: Participant) -> str:
    """Why no certificate can be generated for ``participant``, or ``""``."""
    if not participant.event.is_ours:
        return _(
            "Certificates are generated only for events we organise; attach the certificate "
            "received instead."
        )
    if participant.registration != Participant.Registration.CONFIRMED:
        return _("Only confirmed participants receive a certificate.")
    if participant.event.end > timezone.localdate():
        return _("Certificates are issued from the event's last day, %(day)s.") % {
            "day": format_long_date(participant.event.end)
        }
    return ""


@transaction.atomic
def certificate_issue(*, participant: Participant, actor) -> Participant:
    """Give the participant's certificate its number and verification code, once."""
    refusal = certificate_refusal(participant)
    if refusal:
        raise ValidationError(refusal)
    if not participant.certificate_reference:
        participant.certificate_reference = reference_next(
            prefix=PREFIX,
            year=participant.event.end.year,
            taken=lambda ref: Participant.objects.filter(certificate_reference=ref).exists(),
        )
        participant.certificate_token = secrets.token_urlsafe(24)
        participant.certificate_issued_on = timezone.localdate()
        object_save(
            instance=participant, actor=actor, reason="events.participant.certificate_issued"
        )
    return participant


def certificate_name(participant: Participant, language: str | None = None) -> str:
    language = language or participant.language
    if participant.name:
        return participant.name
    person = participant.person
    if language == "uz-cyrl":
        return latin_to_cyrillic(person.full_name)
    if language == "ru" and person.name_original:
        return person.name_original
    return person.full_name


def verification_url(participant: Participant) -> str:
    with translation.override(participant.language):
        path = reverse("public:certificate_verify", kwargs={"token": participant.certificate_token})
    return absolute_url(path)


def download_token(participant: Participant) -> str:
    return signing.Signer(salt=DOWNLOAD_SALT).sign_object({"c": participant.pk})


def participant_by_download_token(token: str) -> Participant | None:
    try:
        data = signing.Signer(salt=DOWNLOAD_SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    return (
        Participant.objects.select_related("event", "person")
        .exclude(certificate_reference="")
        .exclude(registration=Participant.Registration.CANCELLED)
        .filter(pk=data.get("c"))
        .first()
    )


def download_url(participant: Participant) -> str:
    with translation.override(participant.language):
        path = reverse("public:certificate_download", kwargs={"token": download_token(participant)})
    return absolute_url(path)


def certificate_pdf(participant: Participant) -> bytes:
    """The certificate of an issued participant, in the participant's language."""
    if not participant.certificate_reference:
        raise ValueError("Issue the certificate (certificate_issue) first.")
    event = participant.event
    language = participant.language
    url = verification_url(participant)
    profile = department_profile_get()
    with translation.override(language):
        html = render_to_string(
            "events/certificates/certificate.html",
            {
                "participant": participant,
                "name": certificate_name(participant, language),
                "event": event,
                "title": str(event),
                "start": format_long_date(event.start, language),
                "end": format_long_date(event.end, language),
                "issued": format_long_date(participant.certificate_issued_on, language),
                "profile": profile,
                "home": profile.institution if profile else "",
                "qr_svg": qr_svg(url),
                "url": url,
                "language": language,
            },
        )
    return pdf_from_html(html)


def certificate_filename(participant: Participant) -> str:
    return f"{participant.certificate_reference}.pdf"


@transaction.atomic
def certificate_send(*, participant: Participant, actor, pdf: bytes | None = None) -> bool:
    """E-mail the certificate (issued first when it was not) to the participant; ``False``
    when the participant has no e-mail address. ``pdf``: the certificate already printed."""
    participant = certificate_issue(participant=participant, actor=actor)
    if not participant.contact_email:
        return False
    with translation.override(participant.language):
        title = str(participant.event)
        subject = _("Certificate: %(event)s") % {"event": title}
        body = render_to_string(
            "events/email/certificate.txt",
            {
                "participant": participant,
                "name": certificate_name(participant),
                "title": title,
                "download_url": download_url(participant),
                "verify_url": verification_url(participant),
            },
        )
    message = EmailMessage(subject, body, to=[participant.contact_email])
    message.attach(
        certificate_filename(participant), pdf or certificate_pdf(participant), "application/pdf"
    )
    email_send_on_commit(message)
    participant.certificate_sent_at = timezone.now()
    object_save(instance=participant, actor=actor, reason="events.participant.certificate_sent")
    return True


def certificate_by_token(token: str) -> Participant | None:
    if not token:
        return None
    return (
        Participant.objects.select_related("event", "person")
        .filter(certificate_token=token)
        .exclude(certificate_reference="")
        .exclude(registration=Participant.Registration.CANCELLED)
        .first()
    )
