"""Whole public pages served to anonymous visitors from the cache (``website/cache.py``).

A page is kept when it is one of the sitemap's pages or ``CACHED_UNLISTED`` (its language
is in its address), asked for with GET and no query string by a visitor who is not logged
in and has no message waiting, and answered 200 without touching what is personal to the
visitor: no CSRF token (a form), no cookie set by the page, no change to the session, no
message shown. Anything else passes untouched. The page's own headers are kept with it; the
layers above this one (security, CSP, language cookie, Vary) add theirs on every answer.
The fast path at the top (``website/fastpath.py``) keeps the finished answer of a page this
layer kept or served. See docs/decisions/0010-public-cache.md.
"""

from __future__ import annotations

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.urls import Resolver404, resolve
from django.utils.translation import get_language_from_path

from hamkor.website import cache as site_cache
from hamkor.website.fastpath import KEPT_ATTRIBUTE
from hamkor.website.sitemaps import CACHED_UNLISTED, PUBLIC_PAGES

DETAIL_PAGES = ["public:news_detail", "public:page_detail", "public:event_detail"]
CACHED_VIEWS = frozenset([*PUBLIC_PAGES, *DETAIL_PAGES, *CACHED_UNLISTED])
MESSAGES_COOKIE = "messages"


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._may_serve(request):
            return self.get_response(request)
        key = site_cache.page_key(request.get_host(), request.path)
        response = cache.get(key)
        if response is not None:
            self._mark(request)
            return response
        response = self.get_response(request)
        if self._may_keep(request, response):
            cache.set(key, response, site_cache.TIMEOUT)
            self._mark(request)
        return response

    @staticmethod
    def _mark(request) -> None:
        """Tells the fast path (``website/fastpath.py``) that this page may be kept whole:
        its language is in its address (else ``Content-Language`` follows the visitor's)."""
        language = get_language_from_path(request.path_info)
        if language:
            setattr(request, KEPT_ATTRIBUTE, language)

    @staticmethod
    def _may_serve(request) -> bool:
        if request.method != "GET" or request.META.get("QUERY_STRING"):
            return False
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return False
        if match.view_name not in CACHED_VIEWS:
            return False
        if MESSAGES_COOKIE in request.COOKIES:
            return False
        user = getattr(request, "user", None)
        if user is None or user.is_authenticated:
            return False
        # An anonymous session (rare: a message kept there) costs its query; none is usual.
        return "_messages" not in getattr(request, "session", {})

    @staticmethod
    def _may_keep(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False  # the page holds a form's token, personal to this visitor
        if "no-store" in response.get("Cache-Control", "") or "private" in response.get(
            "Cache-Control", ""
        ):
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        storage = get_messages(request)
        return not (storage.used or len(storage))
