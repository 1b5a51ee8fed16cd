"""After the selection: each applicant told their result in their language; a selected
applicant accepts (a nominated mobility, with their documents and the agreement's quota) or
declines (the place is offered to the first reserve applicant who listed it)."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hamkor.calls.applying import _language_of
from hamkor.calls.models import Application, Call, Place
from hamkor.core.documents import document_add
from hamkor.core.sending import email_send_on_commit
from hamkor.core.services import object_save
from hamkor.core.urls_helpers import absolute_url

# How long an applicant has to answer an offered place.
OFFER_DAYS = getattr(settings, "HAMKOR_CALL_OFFER_DAYS", 7)

# The core document kinds an application's documents become on the mobility.
CARRIED_KINDS = {"transcript": "transcript", "language_certificate": "certificate"}


def _offer_deadline(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) + datetime.timedelta(days=OFFER_DAYS)


def results_notify(*, call: Call, actor) -> int:
    """Tell every submitted application's applicant their result (once each): selected with
    the place and the deadline to answer, reserve with the position, not selected with the
    reason. Answers how many were told."""
    told = 0
    applications = (
        call.applications.filter(status=Application.Status.SUBMITTED, results_sent_at__isnull=True)
        .exclude(outcome="")
        .select_related("applicant", "person", "allocated_place__institution")
    )
    for application in applications:
        if application.outcome == Application.Outcome.SELECTED and not application.offer_deadline:
            application.offer_deadline = _offer_deadline()
        application.results_sent_at = timezone.now()
        object_save(instance=application, actor=actor, reason="calls.application.results_sent")
        _result_send(application)
        told += 1
    return told


def _result_send(application: Application, *, offered: bool = False) -> None:
    _applicant_mail(application, "calls/email/result.txt", offered=offered)


def _applicant_mail(application: Application, template: str, **context) -> None:
    """E-mail the applicant about the call's result, in their language, with a link to
    their application."""
    with translation.override(_language_of(application.applicant, application.person)):
        link = absolute_url(reverse("calls:my_application", kwargs={"pk": application.pk}))
        message = EmailMessage(
            _("Results of the call: %(call)s") % {"call": application.call.title},
            render_to_string(
                template,
                {"application": application, "call": application.call, "link": link, **context},
            ),
            to=[application.applicant.email],
        )
    email_send_on_commit(message)


def answer_refusal(application: Application, *, now: datetime.datetime | None = None) -> str:
    """Why ``application``'s applicant cannot accept or decline a place now, or ``""``."""
    now = now or timezone.now()
    if application.call.status != Call.Status.PUBLISHED:
        return _("The results are not published yet.")
    if application.status != Application.Status.SUBMITTED or not application.allocated_place_id:
        return _("No place is offered to you in this call.")
    if application.offer_deadline and now > application.offer_deadline:
        return _("The time to answer has passed.")
    return ""


@transaction.atomic
def application_accept(*, application: Application, actor) -> Application:
    """Accept the allocated place: in one step a nominated outgoing mobility to the place's
    institution under its agreement (counted in the agreement's quota), with the
    application's documents carried over. Two applicants cannot both take the last seat:
    the place is locked and its accepted seats counted."""
    from hamkor.mobility.services import mobility_save, mobility_transition

    application = Application.objects.select_for_update().get(pk=application.pk)
    refusal = answer_refusal(application)
    if refusal:
        raise ValidationError(refusal)
    place = (
        Place.objects.select_for_update()
        .select_related("call")
        .get(pk=application.allocated_place_id)
    )
    taken = place.allocated.filter(status=Application.Status.ACCEPTED).count()
    if taken >= place.seats:
        raise ValidationError(_("This place has been taken: no seat is left."))
    mobility = mobility_save(mobility=_mobility_for(application, place), actor=actor)
    mobility = mobility_transition(mobility=mobility, name="nominate", actor=actor)
    _documents_carry(application, mobility, actor)
    application.accept()
    application.accepted_at = timezone.now()
    application.mobility = mobility
    return object_save(instance=application, actor=actor, reason="calls.application.accepted")


def _mobility_for(application: Application, place: Place):
    from hamkor.mobility.models import Mobility
    from hamkor.partners.models import Institution

    start, end = place_dates(place)
    programme = {
        Call.Programme.KA171: Mobility.Programme.KA171,
        Call.Programme.KA131: Mobility.Programme.KA131,
        Call.Programme.BILATERAL: Mobility.Programme.BILATERAL,
    }.get(application.call.programme, Mobility.Programme.OTHER)
    return Mobility(
        person=application.person,
        direction=Mobility.Direction.OUTGOING,
        kind=place.mobility_kind,
        programme=programme,
        agreement=place.agreement,
        sending_institution=Institution.objects.get(is_home=True),
        receiving_institution=place.institution,
        home_unit=application.person.org_unit,
        partner_unit=place.field,
        planned_start=start,
        planned_end=end,
        funding_project=application.call.project,
        notes=_("From the call “%(call)s”.") % {"call": application.call.title},
    )


def place_dates(place: Place) -> tuple[datetime.date, datetime.date]:
    """A place's dates, or those of its semester in the coming academic year."""
    if place.starts_on and place.ends_on:
        return place.starts_on, place.ends_on
    today = timezone.localdate()
    year = today.year if today.month < 9 else today.year + 1
    if place.semester == Place.Semester.SPRING:
        return datetime.date(year + 1, 2, 1), datetime.date(year + 1, 6, 30)
    if place.semester == Place.Semester.YEAR:
        return datetime.date(year, 9, 1), datetime.date(year + 1, 6, 30)
    if place.semester == Place.Semester.SHORT:
        start = datetime.date(year, 10, 1)
        return start, start + datetime.timedelta(days=(place.days or 7) - 1)
    return datetime.date(year, 9, 1), datetime.date(year + 1, 1, 31)


def _documents_carry(application: Application, mobility, actor) -> None:
    for item in application.documents.select_related("document"):
        version = item.document.current
        if version is None:
            continue
        with version.file.open("rb") as stored:
            upload = ContentFile(stored.read(), name=version.filename)
        document_add(
            record=mobility,
            kind=CARRIED_KINDS.get(item.kind, "other"),
            title=str(item),
            upload=upload,
            actor=actor,
        )


@transaction.atomic
def application_decline(*, application: Application, actor) -> Application:
    """Decline the allocated place; it is offered at once to the first reserve applicant
    who listed it, with a deadline to answer."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    refusal = answer_refusal(application)
    if refusal:
        raise ValidationError(refusal)
    place = Place.objects.select_for_update().get(pk=application.allocated_place_id)
    application.decline()
    application.declined_at = timezone.now()
    application = object_save(
        instance=application, actor=actor, reason="calls.application.declined"
    )
    place_offer_next(place=place, actor=actor)
    return application


def place_offer_next(
    *, place: Place, actor, now: datetime.datetime | None = None
) -> Application | None:
    """Offer a seat of ``place`` left free to the first reserve applicant who listed it,
    with the deadline to answer counted from ``now``."""
    holders = place.allocated.exclude(status=Application.Status.DECLINED).count()
    if holders >= place.seats:
        return None
    candidate = (
        Application.objects.select_for_update()
        .filter(
            call=place.call_id,
            status=Application.Status.SUBMITTED,
            outcome=Application.Outcome.RESERVE,
            preferences__place=place,
        )
        .order_by("reserve_position", "id")
        .first()
    )
    if candidate is None:
        return None
    candidate.allocated_place = place
    candidate.reserve_position = None
    candidate.outcome = Application.Outcome.SELECTED
    candidate.offer_deadline = _offer_deadline(now)
    candidate.results_sent_at = now or timezone.now()
    candidate = object_save(instance=candidate, actor=actor, reason="calls.application.offered")
    _result_send(candidate, offered=True)
    return candidate


def offers_expire(*, now: datetime.datetime | None = None, actor=None) -> dict[str, int]:
    """Pass on every offered place whose deadline to answer has passed by ``now``: the
    silent applicant's place counts as declined (recorded as expired) and goes, as a
    declined one does, to the first reserve applicant who listed it, with a new deadline.
    Run daily (the ``calls`` daily job) and by ``hamkor calls expire-offers``; running it
    again changes nothing. Answers how many offers expired and how many were passed on."""
    now = now or timezone.now()
    expired = passed_on = 0
    overdue = Application.objects.filter(
        call__status=Call.Status.PUBLISHED,
        status=Application.Status.SUBMITTED,
        outcome=Application.Outcome.SELECTED,
        allocated_place__isnull=False,
        offer_deadline__lt=now,
    )
    for pk in overdue.order_by("offer_deadline", "id").values_list("pk", flat=True):
        with transaction.atomic():
            # Locked and asked again: the applicant may have answered meanwhile.
            application = overdue.select_for_update(of=("self",)).filter(pk=pk).first()
            if application is None:
                continue
            place = Place.objects.select_for_update().get(pk=application.allocated_place_id)
            application.decline()
            application.declined_at = now
            object_save(instance=application, actor=actor, reason="calls.application.offer_expired")
            _expired_send(application, place)
            expired += 1
            if place_offer_next(place=place, actor=actor, now=now) is not None:
                passed_on += 1
    return {"expired": expired, "passed_on": passed_on}


def _expired_send(application: Application, place: Place) -> None:
    """Tell the applicant, in their language, that their place was passed on."""
    _applicant_mail(application, "calls/email/offer_expired.txt", place=place)
