"""Template context shared by every page."""

import functools

from hamkor.core.navigation import menu_for, menu_html


def navigation(request) -> dict:
    """The staff menu, worked out only if the page shows it (an htmx partial does not):
    a template calls a callable it is given."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"menu": [], "menu_html": ""}
    return {
        "menu": functools.cache(lambda: menu_for(user, request.path)),
        "menu_html": functools.cache(lambda: menu_html(user, request.path)),
    }
