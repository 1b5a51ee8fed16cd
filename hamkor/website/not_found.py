"""The site's "page not found", in the closest language.

Outside the private areas (an unknown language prefix such as ``/de/``, an unknown page under
a known one) the visitor gets the public site's page: in the language of the address's prefix
when it is one of ours, otherwise the language ``LocaleMiddleware`` chose (the language cookie
of an earlier visit, then the browser's Accept-Language among ours, then Uzbek), with links
to the home page in the four languages. The private areas keep the plain layout.
"""

from __future__ import annotations

from django.shortcuts import render

from hamkor.core.views import errors
from hamkor.website.selectors import department_profile_get
from hamkor.website.sitemaps import PRIVATE_PREFIXES


def page_not_found(request, exception=None):
    if request.path_info.startswith(tuple(PRIVATE_PREFIXES)):
        return errors.page_not_found(request, exception)
    context = {
        "base_template": "public_base.html",
        "not_found": True,
        "profile": department_profile_get(),
    }
    return render(request, "404.html", context, status=404)
