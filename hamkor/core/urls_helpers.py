"""URL patterns for the generic views, named ``<model>_<action>`` inside the app namespace."""

from __future__ import annotations

from django.urls import path


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
