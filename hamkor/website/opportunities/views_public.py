"""Public pages of opportunities (language in the URL): the open ones, and each one's page
(a closed one stays reachable and says so)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from hamkor.website.opportunities.models import Opportunity
from hamkor.website.opportunities.selectors import (
    AUDIENCES,
    calls_open_public,
    opportunities_open,
    opportunity_public_get,
)
from hamkor.website.selectors import department_profile_get


def opportunity_list(request):
    """Open opportunities, soonest deadline first, filtered by ``?kind=`` and ``?audience=``."""
    kind = request.GET.get("kind", "")
    audience = request.GET.get("audience", "")
    return render(
        request,
        "website/opportunity_list.html",
        {
            "opportunities": opportunities_open(kind=kind, audience=audience),
            "calls": calls_open_public(),
            "kinds": Opportunity.Kind.choices,
            "audiences": [(value, Opportunity.Audience(value).label) for value in AUDIENCES],
            "kind": kind if kind in Opportunity.Kind.values else "",
            "audience": audience if audience in AUDIENCES else "",
            "profile": department_profile_get(),
        },
    )


def opportunity_detail(request, key):
    opportunity = opportunity_public_get(key)
    if opportunity is None:
        raise Http404
    return render(
        request,
        "website/opportunity_public.html",
        {"opportunity": opportunity, "profile": department_profile_get()},
    )
