"""Pages the university's main site may show in a frame (the public widgets).

Every page refuses framing (``X-Frame-Options: DENY`` and the policy's ``frame-ancestors
'none'``, see settings). A view wrapped in :func:`embeddable` lets the origins listed in
``HAMKOR_EMBED_ANCESTORS`` frame it, through ``frame-ancestors`` alone (browsers that know
it ignore ``X-Frame-Options``, which cannot name an origin); with no origin listed, it
refuses framing like every other page.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings


def embeddable(view):
    """``view``'s responses may be framed by the origins of ``HAMKOR_EMBED_ANCESTORS``."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        origins = list(settings.HAMKOR_EMBED_ANCESTORS)
        if origins:
            # Read by django-csp's middleware (csp_replace) and Django's clickjacking one.
            response._csp_replace = {"frame-ancestors": ["'self'", *origins]}
            response.xframe_options_exempt = True
        return response

    return wrapped
