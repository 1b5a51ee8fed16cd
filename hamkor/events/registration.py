"""Public registration for our open events: the address confirmed first, then capacity,
waiting list, confirmation e-mail with a calendar file, and the signed link that cancels it.

Nobody is registered by someone else typing their address: the form only sends a link to
the address given (:func:`registration_request`), encrypted and valid for
:data:`CONFIRM_DAYS` days, that carries what was typed; nothing is stored until the link is
opened and confirmed (:func:`registration_confirm`), when the place, or the waiting list,
is given as on that day. Opening the link twice registers once.

The registrant is not a user: the writes are recorded without an actor, with the reason
``events.participant.registered`` (or ``cancelled``) in the history.
"""

from __future__ import annotations

import base64
import hashlib
import json
from urllib.parse import urlsplit

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hamkor.core.sending import email_send_on_commit
from hamkor.core.urls_helpers import absolute_url
from hamkor.events.calendar import event_ics
from hamkor.events.models import Event, Participant
from hamkor.events.selectors import places_taken
from hamkor.events.services import participant_duplicate, participant_save

CANCEL_SALT = "events.registration.cancel"
CONFIRM_SALT = "events.registration.confirm"
CONFIRM_DAYS = 3


def registration_refusal(event: Event) -> str:
    """Why ``event`` takes no registration now, or ``""``."""
    if not event.is_ours or not event.registration_open:
        return _("This event does not take registrations.")
    if event.end < timezone.localdate():
        return _("This event is over: registration is closed.")
    return ""


def cancel_refusal(participant: Participant) -> str:
    """Why the public link may not cancel ``participant`` now, or ``""``: once the event is
    over, the registration is what happened (and the certificate rests on it)."""
    if participant.event.end < timezone.localdate():
        return _("This event is over: the registration can no longer be cancelled.")
    return ""


def _refuse_twice(participant: Participant) -> None:
    if participant_duplicate(participant) is not None:
        raise ValidationError(
            {"email": _("This e-mail address is already registered for this event.")}
        )


def _sealed() -> Fernet:
    """The link carries what the visitor typed (name, address) sealed, not only signed: it
    passes through mail servers, browser histories and access logs."""
    key = hashlib.sha256(f"{CONFIRM_SALT}:{settings.SECRET_KEY}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def registration_request(
    *, event: Event, name: str, email: str, affiliation: str = "", language: str = "en"
) -> None:
    """Send the link that confirms the address ``email``, in ``language``; refused (and
    nothing sent) when the event takes no registration or the address is registered."""
    refusal = registration_refusal(event)
    if refusal:
        raise ValidationError(refusal)
    _refuse_twice(Participant(event=event, email=email.strip()))
    typed = {"e": event.pk, "n": name.strip(), "m": email.strip(), "a": affiliation.strip()}
    token = _sealed().encrypt(json.dumps({**typed, "l": language}).encode()).decode()
    with translation.override(language):
        title = str(event)
        subject = _("Confirm your registration: %(event)s") % {"event": title}
        body = render_to_string(
            "events/email/registration_confirm.txt",
            {
                "name": typed["n"],
                "title": title,
                "event": event,
                "days": CONFIRM_DAYS,
                "confirm_url": _public_url("public:event_confirm", language, token=token),
            },
        )
    email_send_on_commit(EmailMessage(subject, body, to=[typed["m"]]))


def registration_by_token(token: str) -> dict | None:
    """What the confirmation link carries (``event``, ``name``, ``email``, ``affiliation``,
    ``language``), or ``None`` when it is forged, expired or its event is gone."""
    try:
        data = json.loads(_sealed().decrypt(token.encode(), ttl=CONFIRM_DAYS * 24 * 3600))
    except (InvalidToken, ValueError):
        return None
    event = Event.objects.organised().filter(pk=data.get("e"), registration_open=True).first()
    if event is None:
        return None
    return {
        "event": event,
        "name": data["n"],
        "email": data["m"],
        "affiliation": data["a"],
        "language": data["l"],
    }


def registration_confirm(token: str) -> Participant:
    """Register whoever the link names (:func:`participant_register`); the same link opened
    again answers the registration it made."""
    typed = registration_by_token(token)
    if typed is None:
        raise ValidationError(_("This link is not valid or has expired: register again."))
    twin = participant_duplicate(Participant(event=typed["event"], email=typed["email"]))
    if twin is not None:
        return twin
    return participant_register(**typed)


@transaction.atomic
def participant_register(
    *, event: Event, name: str, email: str, affiliation: str = "", language: str = "en"
) -> Participant:
    """Register someone from the website: a place while there is one, else the waiting
    list (when the event keeps one), else refused. The confirmation goes by e-mail."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    refusal = registration_refusal(event)
    if refusal:
        raise ValidationError(refusal)
    participant = Participant(
        event=event,
        name=name.strip(),
        email=email.strip(),
        affiliation=affiliation.strip(),
        language=language,
        role=Participant.Role.ATTENDEE,
    )
    _refuse_twice(participant)
    if event.capacity is not None and places_taken(event) >= event.capacity:
        if not event.waiting_list:
            raise ValidationError(_("This event is full: no places are left."))
        participant.registration = Participant.Registration.WAITING
    participant = participant_save(
        participant=participant, actor=None, reason="events.participant.registered"
    )
    confirmation_send(participant)
    return participant


def cancel_token(participant: Participant) -> str:
    return signing.Signer(salt=CANCEL_SALT).sign_object({"p": participant.pk})


def participant_by_cancel_token(token: str) -> Participant | None:
    try:
        data = signing.Signer(salt=CANCEL_SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    return Participant.objects.select_related("event").filter(pk=data.get("p")).first()


def _public_url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return absolute_url(reverse(name, kwargs=kwargs))


def confirmation_send(participant: Participant) -> None:
    """The registration's e-mail, in the registrant's language, with the ``.ics`` file."""
    language = participant.language
    event = participant.event
    with translation.override(language):
        title = str(event)
        context = {
            "participant": participant,
            "event": event,
            "title": title,
            "waiting": participant.registration == Participant.Registration.WAITING,
            "cancel_url": _public_url(
                "public:event_cancel", language, token=cancel_token(participant)
            ),
        }
        subject = _("Registration: %(event)s") % {"event": title}
        body = render_to_string("events/email/registration.txt", context)
    message = EmailMessage(subject, body, to=[participant.email])
    message.attach(
        "event.ics",
        event_ics(
            event,
            uid=f"participant-{participant.pk}@{urlsplit(settings.HAMKOR_BASE_URL).hostname}",
            title=title,
        ),
        "text/calendar",
    )
    email_send_on_commit(message)


def promotion_send(participant: Participant) -> None:
    """Tell someone from the waiting list that a place is now theirs."""
    if not participant.contact_email:
        return
    with translation.override(participant.language):
        title = str(participant.event)
        subject = _("A place is yours: %(event)s") % {"event": title}
        body = render_to_string(
            "events/email/promoted.txt",
            {
                "participant": participant,
                "title": title,
                "cancel_url": _public_url(
                    "public:event_cancel", participant.language, token=cancel_token(participant)
                ),
            },
        )
    email_send_on_commit(EmailMessage(subject, body, to=[participant.contact_email]))
