"""Middleware of the whole site: private responses stay out of caches; a refused method
gets a page."""

from __future__ import annotations

from urllib.parse import unquote

from django.http import Http404, HttpResponseNotAllowed, QueryDict
from django.utils.cache import patch_cache_control

from hamkor.core.views.errors import method_not_allowed


class PrivateCacheControlMiddleware:
    """What a signed-in user is shown (people, passports, exports, letters, documents) and
    what the API answers is kept by no shared or browser cache: ``private, no-store``.

    One rule for every such response, so that a new page with personal data cannot forget
    it; a view that sets ``Cache-Control`` itself keeps its own.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        private = (user is not None and user.is_authenticated) or request.path_info.startswith(
            "/api/"
        )
        if private and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


class NulAddressMiddleware:
    """No address of ours holds a NUL character (``%00``), and PostgreSQL refuses to compare
    text with one: such a path is a page not found; in the query the character is dropped,
    so a search or filter with one answers as without it. Both before any view reads the
    database (a 500 otherwise)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            raise Http404
        query = request.META.get("QUERY_STRING", "")
        if "\x00" in unquote(query):
            cleaned = QueryDict(mutable=True)
            for key, values in QueryDict(query).lists():
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            request.META["QUERY_STRING"] = cleaned.urlencode()
            request.GET = QueryDict(request.META["QUERY_STRING"])
        return self.get_response(request)


class MethodNotAllowedPageMiddleware:
    """Django answers a GET on a POST-only address with an empty 405; a person reading it
    in a browser gets a page with the site's layout, in their language, instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if isinstance(response, HttpResponseNotAllowed) and not response.content:
            page = method_not_allowed(request)
            page["Allow"] = response["Allow"]
            return page
        return response
