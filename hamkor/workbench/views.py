"""The staff home page (today's work) and the global search."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import redirect, render

from hamkor.core.navigation import has_person
from hamkor.core.views.generic.base import is_htmx
from hamkor.partners.selectors import follow_ups_due
from hamkor.workbench.search import global_search
from hamkor.workbench.services import home_visit_record
from hamkor.workbench.today import today_items

# Longer queries are cut: a search box is not a place for paragraphs.
MAX_QUERY_LENGTH = 100


@login_required
def home(request):
    """What needs doing today, each count linking to its list; applicants go to their own
    university page (or their account, when they have no record yet)."""
    if not request.user.has_perm("accounts.staff_area"):
        return redirect("students:portal" if has_person(request.user) else "accounts:profile")
    since = home_visit_record(user=request.user)
    context = {
        "items": today_items(request=request, since=since),
        "since": since,
        "follow_ups": follow_ups_due(user=request.user),
    }
    return render(request, "workbench/home.html", context)


@login_required
@permission_required("accounts.staff_area", raise_exception=True)
def search(request):
    """``/staff/search/?q=``: every kind of record the user may read, grouped.

    The top bar's box asks for this page with htmx as the user types and shows the partial
    in a drop-down; without JavaScript the form opens the page itself.
    """
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    groups = global_search(request=request, query=query)
    context = {"query": query, "groups": groups}
    if is_htmx(request):
        return render(request, "workbench/partials/search_results.html", context)
    return render(request, "workbench/search.html", context)
