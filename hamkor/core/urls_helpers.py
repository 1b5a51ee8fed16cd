"""URL helpers: patterns for the generic views, named ``<model>_<action>`` inside the app
namespace, and the site's public address for every link read outside a page."""

from __future__ import annotations

from django.conf import settings
from django.urls import path


def absolute_url(path: str = "/") -> str:
    """``path`` on the site's public address (``HAMKOR_BASE_URL``).

    Every address read outside the site (letters' QR codes, links in e-mails) is built here,
    never from the request that happens to send it, so all of them name the same host.
    """
    return settings.HAMKOR_BASE_URL.rstrip("/") + "/" + path.lstrip("/")


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
