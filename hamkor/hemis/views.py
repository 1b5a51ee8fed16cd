"""Signing in with HEMIS (``hamkor/hemis/oauth.py``): 404 unless configured."""

from __future__ import annotations

import secrets

from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hamkor.accounts.two_factor_views import home_for
from hamkor.hemis import oauth
from hamkor.hemis.client import HemisError

STATE_KEY = "hemis_oauth_state"
NEXT_KEY = "hemis_oauth_next"


def _callback_url(request) -> str:
    return request.build_absolute_uri(reverse("hemis:oauth_callback"))


@require_GET
def oauth_start(request):
    if not oauth.oauth_enabled():
        raise Http404
    state = secrets.token_urlsafe(24)
    request.session[STATE_KEY] = state
    next_url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        request.session[NEXT_KEY] = next_url
    return redirect(oauth.authorize_url(state=state, redirect_uri=_callback_url(request)))


@require_GET
def oauth_callback(request):
    if not oauth.oauth_enabled():
        raise Http404
    expected = request.session.pop(STATE_KEY, None)
    state, code = request.GET.get("state", ""), request.GET.get("code", "")
    if not expected or not code or not secrets.compare_digest(expected, state):
        messages.error(request, _("Signing in with HEMIS failed: start again."))
        return redirect("accounts:login")
    try:
        person = oauth.user_for_code(code=code, redirect_uri=_callback_url(request))
    except HemisError:
        messages.error(request, _("HEMIS could not be reached. Log in with your password."))
        return redirect("accounts:login")
    user = oauth.account_for(person)
    if user is None:
        messages.error(
            request,
            _(
                "Your HEMIS account is not linked to a Hamkor account yet. Log in with your "
                "password, or ask the office."
            ),
        )
        return redirect("accounts:login")
    next_url = request.session.pop(NEXT_KEY, "")
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(next_url or home_for(user))
