"""Per-user language on staff pages, sessions that end when idle, and the two-factor
requirement."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import get_language_from_path

from hamkor.accounts import sessions
from hamkor.accounts.twofactor import needs_enrolment, needs_verification


class UserLanguageMiddleware:
    """Staff pages (no language prefix) speak the language the user chose in their profile.

    Public pages carry the language in their URL, which always wins; a visitor's language
    is remembered in the language cookie, so that the login page reached from ``/ru/``
    speaks Russian too. Before login, a ``next`` address with a language prefix decides.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        path_language = get_language_from_path(request.path_info)
        if not path_language:
            if user is not None and user.is_authenticated:
                language = user.language
            else:
                language = get_language_from_path(request.GET.get("next", ""))
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if path_language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != path_language:
            set_language_cookie(response, path_language)
        return response


def set_language_cookie(response, language: str) -> None:
    """The visitor's language, remembered; also by the public pages' fast path."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class SessionIdleMiddleware:
    """Logs out a session idle or old beyond its limits (:mod:`hamkor.accounts.sessions`);
    the request goes on anonymous, so a staff page sends to the login page, which says why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        authenticated = user is not None and user.is_authenticated
        if authenticated and sessions.session_expired(session=request.session, user=user):
            logout(request)
            request.session[sessions.EXPIRED] = True
        return self.get_response(request)


class TwoFactorRequiredMiddleware:
    """A user with an authenticator must enter its code; roles that require one must enrol.

    Until then only the verification page (or, for a first enrolment, the set-up page),
    logout, the language switch and static files open. The set-up page is never open to a
    session that has not entered the code of an existing authenticator: otherwise a stolen
    password would be enough to enrol the thief's phone in its place.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not self._exempt(request.path_info):
            path = request.path_info
            verify_page = reverse("accounts:two_factor_verify")
            setup_page = reverse("accounts:two_factor_setup")
            if needs_verification(user) and not path.startswith(verify_page):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{verify_page}?{query}")
            if needs_enrolment(user) and not path.startswith(setup_page):
                return redirect(setup_page)
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        if get_language_from_path(path):
            return True  # the public site, open to anyone
        open_paths = (
            reverse("accounts:logout"),
            reverse("accounts:set_language"),
            settings.STATIC_URL,
            "/healthz",
        )
        return path.startswith(open_paths)
