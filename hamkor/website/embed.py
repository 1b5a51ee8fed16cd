"""Pages of the public site that other sites may show in an ``<iframe>``.

Every page of Hamkor refuses to be framed (``X-Frame-Options: DENY`` and the CSP's
``frame-ancestors 'none'``), so that no other site can lay it under a deceptive page
(clickjacking). A widget page is the exception, written once here: :func:`embeddable` lets
the origins of ``settings.HAMKOR_EMBED_ANCESTORS`` frame it, and only it.

The default (``'self' https:``) lets any site served over HTTPS show the widgets. They show
public, read-only figures and hold no form and no button that acts, so a framing site has
nothing to trick a visitor into; an installation that wants only the university's own sites
lists their origins instead (``HAMKOR_EMBED_ANCESTORS=https://kokandsu.uz,https://www.kokandsu.uz``).
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings


def embeddable(view):
    """Let the page of ``view`` be framed by the configured origins (read at each request,
    so a changed setting applies without a restart); every other page stays unframeable,
    and so does this one while the setting is empty."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        sources = list(settings.HAMKOR_EMBED_ANCESTORS)
        if sources:
            # django-csp reads this when it writes the header: only this directive changes;
            # Django's clickjacking middleware then leaves out X-Frame-Options, which cannot
            # name an origin.
            response._csp_replace = {"frame-ancestors": sources}
            response.xframe_options_exempt = True
        return response

    return wrapped
