"""A user's API tokens on their profile page: create one (its key shown once), revoke one."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hamkor.api.models import ApiToken
from hamkor.api.services import api_token_create, api_token_revoke


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Token name"),
        max_length=100,
        help_text=gettext_lazy("What uses it, such as “nightly report script”."),
    )


def may_use_api(user) -> bool:
    """The API is for staff, like the pages it mirrors."""
    return user.is_authenticated and user.has_perm("accounts.staff_area")


@login_required
@require_POST
def api_token_add(request):
    if not may_use_api(request.user):
        raise PermissionDenied
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        try:
            token, key = api_token_create(user=request.user, name=form.cleaned_data["name"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            # Shown in this answer only: no redirect, no message in the session.
            return render(request, "api/token_created.html", {"token": token, "key": key})
    messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("accounts:profile")


@login_required
@require_POST
def api_token_revoke_view(request, pk):
    # Another user's token does not exist for this one.
    token = get_object_or_404(ApiToken, pk=pk, user=request.user, revoked_at=None)
    api_token_revoke(token=token)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("accounts:profile")
