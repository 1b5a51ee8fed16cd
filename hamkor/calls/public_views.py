"""Public pages of the calls (language in the address): a call's details with "Apply", the
applicant's registration and the confirmation of their address."""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from hamkor.calls import applying
from hamkor.calls.forms import RegistrationForm
from hamkor.calls.selectors import eligibility_lines, open_calls, public_calls
from hamkor.core import ratelimit
from hamkor.core.views.generic.base import _add_errors

WINDOW = 3600


def call_detail(request, pk: int):
    """A call as the public reads it: places, conditions, deadline, and "Apply" (to the
    login page, which offers registration, for a visitor)."""
    call = get_object_or_404(public_calls(), pk=pk)
    is_open = open_calls().filter(pk=call.pk).exists()
    return render(
        request,
        "calls/public/call_detail.html",
        {
            "call": call,
            "is_open": is_open,
            "places": call.places.select_related("institution").order_by("institution__name"),
            "criteria": call.criteria.all(),
            "eligibility": eligibility_lines(call),
            "apply_url": reverse("calls:apply", kwargs={"pk": call.pk}),
        },
    )


def applicant_register(request):
    """A student's or staff member's account to apply with: confirmed by e-mail first."""
    form = RegistrationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        wait = ratelimit.hit(
            f"calls-register:ip:{get_client_ip_address(request)}", limit=10, window=WINDOW
        )
        if wait:
            form.is_valid()
            form.add_error(None, _("Too many registrations from your address. Try again later."))
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            try:
                applying.applicant_register(
                    email=data["email"],
                    password=data["password"],
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    category=data["category"],
                    faculty=data["faculty"],
                    citizenship=data["citizenship"],
                    language=translation.get_language(),
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                return render(request, "calls/public/registered.html", {"email": data["email"]})
    return render(request, "calls/public/register.html", {"form": form}, status=status)


def applicant_confirm(request, token: str):
    """The link from the e-mail: a button confirms (mail scanners open links, they do not
    press buttons); then the applicant logs in."""
    if request.method == "POST":
        user = applying.applicant_confirm(token)
        if user is None:
            return render(request, "calls/public/confirm.html", {"invalid": True}, status=400)
        messages.success(request, _("Your address is confirmed: log in to apply."))
        return redirect("accounts:login")
    return render(request, "calls/public/confirm.html", {"token": token})
