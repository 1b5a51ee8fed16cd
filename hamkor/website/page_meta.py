"""What the head of every public page tells browsers, search engines and link previews:
the canonical address, the same page in the other languages (``hreflang``, and the language
switcher's links), and the Open Graph description of the page.

Addresses are absolute on ``HAMKOR_BASE_URL`` (the installation's address, whatever Host
a request names), so a page kept in the cache is right for every visitor.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from hamkor import languages
from hamkor.core.validators import is_number

# Query parameters that make another page of the same address (a list's page number).
SIGNIFICANT_PARAMETERS = ("page",)


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    hreflang: str
    href: str  # on this site, for the switcher
    absolute: str  # for hreflang
    active: bool


@dataclass(frozen=True)
class PageMeta:
    canonical: str  # empty on a page that is not found
    languages: list[LanguageLink]
    x_default: str
    og_locale: str
    og_locale_alternates: list[str]


def absolute(path: str) -> str:
    return settings.HAMKOR_BASE_URL.rstrip("/") + path


def _canonical_path(request) -> str:
    query = {
        name: request.GET[name]
        for name in SIGNIFICANT_PARAMETERS
        if is_number(request.GET.get(name, "")) and request.GET[name] != "1"
    }
    return request.path + (f"?{urlencode(query)}" if query else "")


def page_meta(request, *, found: bool = True) -> PageMeta:
    """The page's metadata; on a page not found, the languages lead to the home pages."""
    current = translation.get_language()
    path = _canonical_path(request) if found else ""
    full_path = request.get_full_path() if found else ""
    links = []
    for code, name in settings.LANGUAGES:
        if found:
            href = translate_url(full_path, code)
            target = translate_url(path, code)
        else:
            with translation.override(code):
                href = target = reverse("public:home")
        links.append(
            LanguageLink(
                code=code,
                name=name,
                hreflang=languages.BCP47[code],
                href=href,
                absolute=absolute(target),
                active=code == current,
            )
        )
    default_prefix = f"/{settings.LANGUAGE_CODE}/"
    default = next(link for link in links if link.code == settings.LANGUAGE_CODE).absolute
    return PageMeta(
        canonical=absolute(path) if found else "",
        languages=links,
        # Without a prefix, an address sends each visitor to the page in their language.
        x_default=default.replace(default_prefix, "/", 1),
        og_locale=languages.OG_LOCALES.get(current, ""),
        og_locale_alternates=[
            languages.OG_LOCALES[code] for code, _name in settings.LANGUAGES if code != current
        ],
    )
