"""The API tokens section of the profile page."""

from __future__ import annotations

from django import template

from hamkor.api.models import ApiToken
from hamkor.api.token_views import ApiTokenForm, may_use_api

register = template.Library()


@register.inclusion_tag("api/_tokens.html", takes_context=True)
def api_tokens_section(context):
    user = context["request"].user
    if not may_use_api(user):
        return {"shown": False}
    return {
        "shown": True,
        "tokens": ApiToken.objects.filter(user=user, revoked_at=None),
        "form": ApiTokenForm(),
        "csrf_token": context.get("csrf_token"),
    }
