"""Public pages of the calls (language in the address): a call's details with "Apply", the
applicant's registration and the confirmation of their address."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from hamkor.calls import registration
from hamkor.calls.forms import RegistrationForm
from hamkor.calls.selectors import eligibility_lines, open_calls, public_calls
from hamkor.core.client_ip import client_ip
from hamkor.core.validators import is_number
from hamkor.core.views.generic.base import _add_errors
from hamkor.website.spam import rate_refusal


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


def _call_applied_to(request) -> int | None:
    """The open call the visitor came from (``?call=``), kept through the registration."""
    raw = request.POST.get("call") or request.GET.get("call") or ""
    if not is_number(raw):
        return None
    return open_calls().filter(pk=int(raw)).values_list("pk", flat=True).first()


def applicant_register(request):
    """A student's or staff member's account to apply with: confirmed by e-mail first.

    The answer is the same whether the address already has an account or not (the
    service tells an existing account's owner by e-mail): it reveals no one's address.
    Registrations are limited per client address and per address registered, as the other
    public forms (:func:`hamkor.website.spam.rate_refusal`)."""
    call_id = _call_applied_to(request)
    form = RegistrationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            refusal = rate_refusal(
                kind="calls-register", email=data["email"], ip=client_ip(request)
            )
            if refusal:
                form.add_error(None, refusal)
                status = 429
            else:
                try:
                    registration.applicant_register(
                        email=data["email"],
                        password=data["password"],
                        first_name=data["first_name"],
                        last_name=data["last_name"],
                        category=data["category"],
                        faculty=data["faculty"],
                        citizenship=data["citizenship"],
                        language=translation.get_language(),
                        call_id=call_id,
                    )
                except ValidationError as exc:
                    _add_errors(form, exc)
                else:
                    return render(request, "calls/public/registered.html", {"email": data["email"]})
    return render(
        request, "calls/public/register.html", {"form": form, "call_id": call_id}, status=status
    )


def applicant_confirm(request, token: str):
    """The link from the e-mail: a button confirms (mail scanners open links, they do not
    press buttons); then the applicant logs in and lands on the call they were applying to."""
    if request.method == "POST":
        confirmed = registration.applicant_confirm(token)
        if confirmed is None:
            return render(request, "calls/public/confirm.html", {"invalid": True}, status=400)
        _user, call_id = confirmed
        messages.success(request, _("Your address is confirmed: log in to apply."))
        login = reverse("accounts:login")
        if call_id:
            apply = reverse("calls:apply", kwargs={"pk": call_id})
            return redirect(f"{login}?{urlencode({'next': apply})}")
        return redirect(login)
    return render(request, "calls/public/confirm.html", {"token": token})
