"""The picker endpoint: matches of what the user types, among the rows they may see."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

from hamkor.core.autocomplete import SOURCES, autocomplete_results

# A query longer than this is no name anyone types; it is cut, not refused.
MAX_QUERY = 100


@require_GET
@login_required
def autocomplete(request, source: str):
    """``{"results": [{"value": "12", "text": "Universität Wien"}, ...]}``.

    Each source scopes its rows with ``restrict(user, "view")``: a user without the view
    permission gets no results, never another faculty's people.
    """
    if not request.user.is_office_staff:
        raise PermissionDenied
    if source not in SOURCES:
        raise Http404
    results = autocomplete_results(
        user=request.user,
        name=source,
        query=request.GET.get("q", "")[:MAX_QUERY],
        params=request.GET,
    )
    response = JsonResponse({"results": results})
    response["Cache-Control"] = "private, no-store"
    return response
