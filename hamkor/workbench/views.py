"""The global search page and its live results in the top bar."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.shortcuts import render

from hamkor.core.views.generic.base import is_htmx
from hamkor.workbench.search import global_search

# Longer queries are cut: a search box is not a place for paragraphs.
MAX_QUERY_LENGTH = 100


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
