"""Public pages of events (language in the URL): our open events, registration, the
cancellation link, the certificate's check page and its download."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import ngettext

from hamkor.core import ratelimit
from hamkor.core.client_ip import client_network
from hamkor.core.views.generic.base import _add_errors
from hamkor.events.calendar import events_feed_ics
from hamkor.events.certificates import (
    certificate_by_token,
    certificate_filename,
    certificate_name,
    certificate_pdf,
    participant_by_download_token,
)
from hamkor.events.forms import RegistrationForm
from hamkor.events.models import Participant
from hamkor.events.registration import (
    cancel_refusal,
    participant_by_cancel_token,
    registration_by_token,
    registration_confirm,
    registration_refusal,
    registration_request,
)
from hamkor.events.selectors import feed_events, open_events, places_left
from hamkor.events.services import participant_cancel
from hamkor.website.selectors import department_profile_get

WINDOW = 3600


def event_list(request):
    return render(
        request,
        "events/public/event_list.html",
        {"events": open_events(), "profile": department_profile_get()},
    )


def events_ics(request):
    """The public events as an iCalendar feed in the language of the address."""
    response = HttpResponse(
        events_feed_ics(feed_events()), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


def _wait_message(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return ngettext(
        "Too many registrations from your address. Try again in %(minutes)s minute.",
        "Too many registrations from your address. Try again in %(minutes)s minutes.",
        minutes,
    ) % {"minutes": minutes}


def event_detail(request, pk):
    """One of our events that takes (or took) registrations, with the form."""
    from hamkor.events.models import Event

    event = get_object_or_404(Event.objects.organised().filter(registration_open=True), pk=pk)
    form = RegistrationForm(request.POST or None, initial={"language": translation.get_language()})
    status = 200
    if request.method == "POST":
        wait = ratelimit.hit(
            f"event-registration:ip:{client_network(request)}",
            settings.HAMKOR_EVENT_REGISTRATIONS_PER_IP,
            WINDOW,
        )
        if wait:
            form.is_valid()
            form.add_error(None, _wait_message(wait))
            status = 429
        elif form.is_valid() and not form.cleaned_data["website"]:
            data = form.cleaned_data
            try:
                registration_request(
                    event=event,
                    name=data["name"],
                    email=data["email"],
                    affiliation=data["affiliation"],
                    language=data["language"],
                )
            except ValidationError as exc:
                _add_errors(form, exc)
                status = 400
            else:
                return render(
                    request,
                    "events/public/registered.html",
                    {"event": event, "email": data["email"], "profile": department_profile_get()},
                )
        else:
            status = 400
    return render(
        request,
        "events/public/event_detail.html",
        {
            "event": event,
            "form": form,
            "refusal": registration_refusal(event),
            "places_left": places_left(event),
            "profile": department_profile_get(),
        },
        status=status,
    )


def event_confirm(request, token):
    """The link of the e-mail that confirms the address: asks, then registers (POST), so
    that a mail scanner opening the link registers nobody."""
    typed = registration_by_token(token)
    context = {"typed": typed, "profile": department_profile_get()}
    if typed is None:
        return render(request, "events/public/confirm.html", context, status=400)
    if request.method == "POST":
        try:
            participant = registration_confirm(token)
        except ValidationError as exc:
            context["refusal"] = " ".join(exc.messages)
            return render(request, "events/public/confirm.html", context, status=400)
        context.update(event=participant.event, participant=participant)
        return render(request, "events/public/registered.html", context)
    return render(request, "events/public/confirm.html", context)


def event_cancel(request, token):
    """The link of the confirmation e-mail: asks, then cancels the registration (POST)."""
    participant = participant_by_cancel_token(token)
    if participant is None:
        raise Http404
    cancelled = participant.registration == Participant.Registration.CANCELLED
    refusal = "" if cancelled else cancel_refusal(participant)
    if request.method == "POST" and not cancelled and not refusal:
        participant_cancel(participant=participant, actor=None)
        return redirect(request.path)
    return render(
        request,
        "events/public/cancel.html",
        {
            "participant": participant,
            "cancelled": cancelled,
            "refusal": refusal,
            "profile": department_profile_get(),
        },
        status=400 if request.method == "POST" and refusal else 200,
    )


def certificate_verify(request, token):
    """Public: confirms that a certificate was issued, with what it says."""
    participant = certificate_by_token(token)
    return render(
        request,
        "events/public/certificate_verify.html",
        {
            "participant": participant,
            "name": certificate_name(participant) if participant else "",
            "profile": department_profile_get(),
        },
        status=200 if participant is not None else 404,
    )


def certificate_download(request, token):
    """The participant's own copy of the certificate, from the signed link they received."""
    participant = participant_by_download_token(token)
    if participant is None:
        raise Http404
    response = HttpResponse(certificate_pdf(participant), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate_filename(participant)}"'
    # A person's certificate, fetched without signing in: kept by no shared cache either.
    patch_cache_control(response, private=True, no_store=True)
    return response
