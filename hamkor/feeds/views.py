"""The deadlines feed (an address with a secret, no login: calendar applications cannot
log in) and the buttons on the profile page that make and revoke its address."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from hamkor.core.ical import calendar_text
from hamkor.core.urls_helpers import absolute_url
from hamkor.feeds.selectors import deadline_entries
from hamkor.feeds.services import calendar_token_create, calendar_token_revoke, calendar_token_user

# The new address is shown once, on the profile page the browser is sent back to.
NEW_ADDRESS_KEY = "feeds_new_address"


@require_POST
@login_required
def calendar_token_create_view(request):
    token = calendar_token_create(user=request.user)
    request.session[NEW_ADDRESS_KEY] = absolute_url(
        reverse("feeds:deadlines", kwargs={"token": token})
    )
    messages.success(
        request, _("Your calendar address is ready. Copy it now: it is shown only this once.")
    )
    return redirect(reverse("accounts:profile") + "#calendar")


@require_POST
@login_required
def calendar_token_revoke_view(request):
    if calendar_token_revoke(user=request.user):
        messages.success(request, _("Your calendar address no longer works."))
    return redirect(reverse("accounts:profile") + "#calendar")


@require_GET
def deadlines_feed(request, token: str):
    """The RFC 5545 calendar of the deadlines the address's owner sees, in their language."""
    user = calendar_token_user(token)
    if user is None:
        raise Http404
    with translation.override(user.language or None):
        entries = deadline_entries(user=user, today=timezone.localdate())
        text = calendar_text(entries, product="Deadlines", name=_("Hamkor: my deadlines"))
    response = HttpResponse(text, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
