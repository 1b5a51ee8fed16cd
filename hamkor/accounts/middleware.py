"""Per-user language on staff pages, and the two-factor requirement."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import get_language_from_path

from hamkor.accounts.twofactor import needs_enrolment, needs_verification


class UserLanguageMiddleware:
    """Staff pages (no language prefix) speak the language the user chose in their profile.

    Public pages carry the language in their URL, which always wins.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and user.language
            and not get_language_from_path(request.path_info)
        ):
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
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
