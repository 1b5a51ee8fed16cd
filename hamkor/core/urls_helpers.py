"""URL helpers: patterns for the generic views, named ``<model>_<action>`` inside the app
namespace, and the site's public address for every link read outside a page."""

from __future__ import annotations

import functools

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, path, reverse
from django.utils.translation import get_language

# A primary key no table reaches, reversed in its place and then replaced by the real one.
_PK_MARK = 9_081_726_354


def absolute_url(path: str = "/") -> str:
    """``path`` on the site's public address (``HAMKOR_BASE_URL``).

    Every address read outside the site (letters' QR codes, links in e-mails) is built here,
    never from the request that happens to send it, so all of them name the same host.
    """
    return settings.HAMKOR_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


def reverse_pk(name: str, pk) -> str:
    """``reverse(name, kwargs={"pk": pk})``, worked out once a URL name.

    A list links every row to its page: through ``reverse()`` each link costs the resolver's
    search for the name; here the address is reversed once (for the language, script prefix
    and URL configuration in use) with a mark in place of the key, and a row's link is the
    two halves around its key.
    """
    if type(pk) is not int:
        return reverse(name, kwargs={"pk": pk})
    halves = _pk_halves(name, get_language(), get_script_prefix(), get_urlconf())
    if halves is None:
        return reverse(name, kwargs={"pk": pk})
    return f"{halves[0]}{pk}{halves[1]}"


@functools.lru_cache(maxsize=512)
def _pk_halves(name: str, language, script_prefix, urlconf) -> tuple[str, str] | None:
    url = reverse(name, kwargs={"pk": _PK_MARK})
    mark = str(_PK_MARK)
    if url.count(mark) != 1:
        return None
    before, _mark, after = url.partition(mark)
    return before, after


def model_paths(prefix: str, model_name: str, **views) -> list:
    """Paths for the views given, e.g. ``list=OrgUnitListView``; ``import_`` for import."""
    routes = {
        "list": "",
        "add": "add/",
        "import": "import/",
        "detail": "<int:pk>/",
        "edit": "<int:pk>/edit/",
        "delete": "<int:pk>/delete/",
        "history": "<int:pk>/history/",
    }
    patterns = []
    for action, view in views.items():
        action = action.rstrip("_")
        patterns.append(
            path(f"{prefix}/{routes[action]}", view.as_view(), name=f"{model_name}_{action}")
        )
    return patterns
