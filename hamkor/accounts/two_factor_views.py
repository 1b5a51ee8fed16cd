"""Pages of two-factor authentication: set up or replace, verify, recovery codes, turn off,
and an administrator's reset of another user's second factor.

The rules are in :mod:`hamkor.accounts.twofactor`; these views only ask for the codes.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from hamkor.accounts import forms, twofactor
from hamkor.accounts.models import User
from hamkor.core.pdf import qr_svg
from hamkor.core.views import generic


def home_for(user) -> str:
    """Where a user lands after logging in: staff at the dashboard, applicants and foreign
    students at *My university* (their exchanges, deadlines and requests)."""
    if user.is_office_staff:
        return reverse("workbench:home")
    return reverse("students:portal")


def _to_verify(next_url: str) -> HttpResponseRedirect:
    return redirect(f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': next_url})}")


def _show_codes(request, codes: list[str], *, continue_url: str):
    """The recovery codes, shown in this answer only: they are stored as digests."""
    response = render(
        request,
        "accounts/recovery_codes_new.html",
        {"codes": codes, "continue_url": continue_url},
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def two_factor(request):
    user = request.user
    return render(
        request,
        "accounts/two_factor.html",
        {
            "devices": TOTPDevice.objects.filter(user=user, confirmed=True),
            "required": twofactor.is_required(user),
            "recovery_codes_left": twofactor.recovery_codes_left(user),
        },
    )


@login_required
def two_factor_setup(request):
    """Enrol a TOTP authenticator (QR code, then a first code), or replace the current one.

    With an authenticator on the account, this page is for a verified session only, and
    replacing takes a code of the current authenticator or a recovery code as well: a
    password alone never changes the second factor.
    """
    user = request.user
    if twofactor.needs_verification(user):
        return _to_verify(reverse("accounts:two_factor_setup"))
    replacing = twofactor.has_device(user)
    device = twofactor.pending_authenticator(user)
    form_class = forms.ReplaceTokenForm if replacing else forms.TokenForm
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # The new code first: a wrong one must not use up a recovery code.
        if not device.verify_token(form.cleaned_data["token"].strip()):
            form.add_error(
                "token",
                _(
                    "This code is not valid. Check the time on your phone and enter the "
                    "newest code."
                ),
            )
        elif replacing and twofactor.verify(user=user, token=form.cleaned_data["current"]) is None:
            form.add_error(
                "current",
                _(
                    "This is neither a code of your current authenticator nor an unused "
                    "recovery code."
                ),
            )
        else:
            codes = twofactor.two_factor_enrol(user=user, device=device)
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            if codes:
                return _show_codes(request, codes, continue_url=home_for(user))
            return redirect(home_for(user))
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "replacing": replacing,
            "qr_svg": qr_svg(device.config_url, box_size=8),
            "secret": _b32(device),
            "required": twofactor.is_required(user),
        },
        status=400 if form.errors else 200,
    )


@login_required
def two_factor_verify(request):
    user = request.user
    form = forms.VerifyForm(request.POST or None)
    next_url = request.GET.get("next") or home_for(user)
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = home_for(user)
    if request.method == "POST" and form.is_valid():
        device = twofactor.verify(user=user, token=form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            if not isinstance(device, TOTPDevice):
                messages.warning(
                    request,
                    _(
                        "You used a recovery code; %(count)s are left. If your phone is "
                        "lost, set up a new authenticator now."
                    )
                    % {"count": twofactor.recovery_codes_left(user)},
                )
            return HttpResponseRedirect(next_url)
        form.add_error(
            "token", _("This code is not valid. Enter the newest code or an unused recovery code.")
        )
    return render(
        request,
        "accounts/two_factor_verify.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@login_required
def recovery_codes(request):
    """How many recovery codes are left; new ones replace them all (shown once)."""
    user = request.user
    if not twofactor.has_device(user):
        return redirect("accounts:two_factor")
    if request.method == "POST":
        codes = twofactor.recovery_codes_regenerate(user=user)
        return _show_codes(request, codes, continue_url=reverse("accounts:two_factor"))
    return render(
        request,
        "accounts/recovery_codes.html",
        {"recovery_codes_left": twofactor.recovery_codes_left(user)},
    )


@login_required
@require_POST
def two_factor_disable(request):
    try:
        twofactor.two_factor_disable(user=request.user)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Two-factor authentication is off."))
    return redirect("accounts:two_factor")


class UserTwoFactorResetView(generic.ObjectPermissionMixin, View):
    """An administrator removes another user's authenticator (a lost phone)."""

    queryset = User.objects.all()
    action = "change"

    def post(self, request, pk):
        user = self.get_object()
        try:
            twofactor.two_factor_reset(actor=request.user, user=user)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _(
                    "The authenticator and recovery codes of %(name)s are removed; they will "
                    "set up a new authenticator at their next login and were told by e-mail."
                )
                % {"name": user},
            )
        return redirect(user)


def _b32(device) -> str:
    from base64 import b32encode

    return b32encode(device.bin_key).decode()
