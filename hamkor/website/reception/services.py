"""Writes of the reception: a visitor books a slot, cancels it from the e-mail's link; the
office marks who came and who did not.

The visitor is not a user: bookings are recorded without an actor. The slot's capacity
holds under concurrency: the booking locks its reception hours' row
(``select_for_update``) before counting the places taken, so two visitors booking the last
place at once are served one after the other and the second is refused.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hamkor.core import transitions
from hamkor.core.ical import CalendarEntry, calendar_text
from hamkor.core.references import reference_next
from hamkor.core.sending import email_send_on_commit
from hamkor.core.services import object_save
from hamkor.core.urls_helpers import absolute_url
from hamkor.website.reception.models import Booking, ReceptionHours
from hamkor.website.reception.slots import slot_hours, slot_refusal
from hamkor.website.selectors import department_profile_get

PREFIX = "REC"
CANCEL_SALT = "website.reception.cancel"


@transaction.atomic
def booking_create(
    *,
    starts_at: datetime.datetime,
    name: str,
    email: str,
    phone: str,
    purpose: str,
    language: str,
    now: datetime.datetime | None = None,
) -> Booking:
    """Book the slot beginning at ``starts_at``; refused with the reason when it has passed,
    falls on a holiday or a day without reception, or is full. Confirmed by e-mail."""
    hours = slot_hours(starts_at)
    if hours is not None:
        # Serialises the bookings of these hours: the count below sees every earlier one.
        hours = ReceptionHours.objects.select_for_update().get(pk=hours.pk)
    refusal = slot_refusal(starts_at, hours, now=now)
    if refusal:
        raise ValidationError({"slot": refusal})
    booking = Booking(
        hours=hours,
        starts_at=starts_at,
        ends_at=starts_at + datetime.timedelta(minutes=hours.slot_minutes),
        name=name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        purpose=purpose.strip(),
        language=language,
    )
    booking.full_clean(exclude=["reference"])
    booking.reference = reference_next(
        prefix=PREFIX,
        year=timezone.localdate().year,
        taken=lambda reference: Booking.objects.filter(reference=reference).exists(),
    )
    booking = object_save(instance=booking, actor=None, reason="website.booking.booked")
    confirmation_send(booking)
    return booking


def cancel_token(booking: Booking) -> str:
    return signing.Signer(salt=CANCEL_SALT).sign_object({"b": booking.pk})


def booking_by_cancel_token(token: str) -> Booking | None:
    try:
        data = signing.Signer(salt=CANCEL_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    return Booking.objects.filter(pk=data.get("b")).first()


def cancel_refusal(booking: Booking) -> str:
    """Why the visitor's link cannot cancel the booking now, or ``""``."""
    if booking.status == Booking.Status.CANCELLED:
        return ""
    if booking.status != Booking.Status.BOOKED or booking.starts_at <= timezone.now():
        return _("This visit has passed: the booking can no longer be cancelled.")
    return ""


@transaction.atomic
def booking_cancel(*, booking: Booking, actor=None) -> Booking:
    """Free the slot: from the e-mail's link (no actor) or by the office."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if actor is None:
        refusal = cancel_refusal(booking)
        if refusal:
            raise ValidationError(refusal)
    return booking_transition(booking=booking, name="cancel", actor=actor)


def booking_steps(booking: Booking, user) -> list[transitions.Step]:
    """The steps ``user`` may take on ``booking`` now: who came is marked once the visit's
    time has come."""
    steps = transitions.steps_available(booking, user)
    if booking.starts_at > timezone.now():
        steps = [step for step in steps if step.name not in MARKS]
    return steps


MARKS = ("attend", "miss")


@transaction.atomic
def booking_transition(*, booking: Booking, name: str, actor) -> Booking:
    """Attended, no-show, cancelled, or back to booked."""
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    transitions.step_check(
        booking, name, refused=_("A booking that is “%(status)s” cannot take this step.")
    )
    if name in MARKS and booking.starts_at > timezone.now():
        raise ValidationError(_("The visit has not taken place yet."))
    getattr(booking, name)()
    booking.status_changed_at = timezone.now()
    return object_save(instance=booking, actor=actor, reason=f"website.booking.{name}")


def confirmation_send(booking: Booking) -> None:
    """The booking's e-mail, in the visitor's language, with the ``.ics`` file and the
    cancellation link."""
    profile = department_profile_get()
    with translation.override(booking.language):
        office = profile.name if profile else _("International cooperation")
        address = profile.address if profile else ""
        cancel_url = absolute_url(
            reverse("public:reception_cancel", kwargs={"token": cancel_token(booking)})
        )
        subject = _("Your visit is booked: %(reference)s") % {"reference": booking.reference}
        body = render_to_string(
            "website/email/booking_confirmed.txt",
            {"booking": booking, "office": office, "address": address, "cancel_url": cancel_url},
        )
        title = _("Visit to %(office)s") % {"office": office}
    message = EmailMessage(subject, body, to=[booking.email])
    # The outbox's copy hides the link: whoever reads it there could cancel the visit.
    message.secrets = (cancel_token(booking),)
    message.attach(
        "visit.ics",
        calendar_text(
            [
                CalendarEntry(
                    uid=f"booking-{booking.pk}@{urlsplit(settings.HAMKOR_BASE_URL).hostname}",
                    summary=title,
                    start=booking.starts_at,
                    end=booking.ends_at,
                    location=address,
                    description=f"{booking.reference}\n{cancel_url}",
                )
            ],
            product="Reception",
        ),
        "text/calendar",
    )
    email_send_on_commit(message)
