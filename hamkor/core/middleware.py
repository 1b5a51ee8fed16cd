"""Middleware of the whole site: private responses stay out of caches; a refused method
gets a page."""

from __future__ import annotations

from urllib.parse import unquote

from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponseNotAllowed
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
    text with one: such a path is a page not found, such a query a bad request, answered
    before any view reads the database (a 500 otherwise)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            raise Http404
        if "\x00" in unquote(request.META.get("QUERY_STRING", "")):
            raise BadRequest
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
