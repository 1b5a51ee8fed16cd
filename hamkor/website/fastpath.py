"""A cached public page answered before any other layer runs (issue 14, decision 0010).

``PublicPageCacheMiddleware`` (innermost) decides which pages may be kept and keeps them; every
layer above it then adds its headers (security, CSP, X-Frame-Options, Content-Language,
Vary). This layer, second from the top, keeps the *finished* answer of such a page, headers
included, with the site's generation (``website/cache.py``), and answers the next anonymous GET
of that address from it without the sessions, the user, CSRF, URL resolution or templates.

It answers only a request that the full stack would answer the same way: GET, no query
string, no session cookie and no messages cookie (a visitor who is not logged in and has
nothing waiting), an allowed Host, and the scheme the page was kept for (no HTTPS redirect
skipped). It keeps only what the inner layer kept or served, answered 200 to such a request,
setting no cookie but the language one, which it sets again exactly as
``UserLanguageMiddleware`` does. Anything else passes to the full stack, which still serves
from the inner cache. An edit moves the generation on, so both copies are forgotten at once.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

from hamkor.accounts.middleware import set_language_cookie
from hamkor.website import cache as site_cache

KEPT_ATTRIBUTE = "_hamkor_public_page"  # set on the request by PublicPageCacheMiddleware
MESSAGES_COOKIE = "messages"


def full_page_key(request) -> str:
    """Not under the generation: the kept page carries its own, so that one round trip to
    the cache (``get_many``) reads both; a page of an older generation is not answered."""
    # The host too: a page's absolute links (canonical, alternate languages) name it, so a
    # copy made for one allowed host is never served to another.
    address = f"{request.get_host()}{request.path}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    scheme = "https" if request.is_secure() else "http"
    return f"website:full:{scheme}:{digest}"


def _may_answer(request) -> bool:
    if request.method != "GET" or request.META.get("QUERY_STRING"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies:
        return False
    if settings.SECURE_SSL_REDIRECT and not request.is_secure():
        return False  # SecurityMiddleware redirects it
    request.get_host()  # DisallowedHost (400) for a Host outside ALLOWED_HOSTS, as CommonMiddleware
    return True


def _may_keep(request, response) -> bool:
    if not getattr(request, KEPT_ATTRIBUTE, None) or response.status_code != 200:
        return False
    if response.streaming or set(response.cookies) - {settings.LANGUAGE_COOKIE_NAME}:
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control


class PublicPageFastPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_answer(request):
            return self.get_response(request)
        key = full_page_key(request)
        found = cache.get_many([site_cache.GENERATION_KEY, key])
        # Taken before the page is made: a change committed meanwhile outdates this copy.
        generation = found.get(site_cache.GENERATION_KEY) or site_cache.generation()
        kept = found.get(key)
        if kept is not None and kept[0] == generation:
            return _answer(request, kept)
        response = self.get_response(request)
        if _may_keep(request, response):
            headers = list(response.items())
            language = getattr(request, KEPT_ATTRIBUTE)  # only pages with it in the address
            kept = (generation, response.content, headers, language)
            cache.set(key, kept, site_cache.TIMEOUT)
        return response


def _answer(request, kept) -> HttpResponse:
    _generation, content, headers, language = kept
    response = HttpResponse(content)
    for name, value in headers:
        response.headers[name] = value
    if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
        set_language_cookie(response, language)
    return response
