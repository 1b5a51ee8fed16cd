"""Country names in the reader's language, from the Unicode CLDR, and sorting by alphabet.

django-countries names countries in English and in the languages its catalogues cover,
which Uzbek is not: an Uzbek page showed "Hamkor mamlakati: Russia". The CLDR (through
Babel) has every country in all four interface languages, Uzbek Cyrillic included, so every
place a country is shown asks :func:`country_name`; model fields use :class:`CldrCountries`
so that ``country.name``, form and filter choices follow too.

Lists are sorted by the alphabet of the language (:func:`collation_key`), not by code
points: Uzbek Latin puts oʻ, gʻ, sh, ch and ng after z, Russian puts ё after е, and Uzbek
Cyrillic ends with ў қ ғ ҳ.
"""

from __future__ import annotations

import functools
import unicodedata

from babel import Locale
from django.conf import settings
from django.utils.translation import get_language
from django_countries import Countries, CountryTuple

from hamkor.core.translit import normalise_apostrophes

__all__ = ["CldrCountries", "collation_key", "countries", "country_name", "locale_of"]

# The CLDR locale of each interface language.
_LOCALES = {"uz": "uz", "uz-cyrl": "uz_Cyrl", "ru": "ru", "en": "en"}

# Each alphabet in its order, lower case; a multi-letter item is one letter of the alphabet.
_ALPHABETS = {
    "uz": [*"abdefghijklmnopqrstuvxyz", "o\u02bb", "g\u02bb", "sh", "ch", "ng"],
    "uz_Cyrl": list("абвгдеёжзийклмнопрстуфхцчшъьэюяўқғҳ"),
    "ru": list("абвгдеёжзийклмнопрстуфхцчшщъыьэюя"),
    "en": list("abcdefghijklmnopqrstuvwxyz"),
}
_SPACE = 0  # words sort before their longer relatives: "Janubiy Koreya" before "Janubiyx"
_FOREIGN = 1000  # letters of another script follow the language's own alphabet


def locale_of(language: str | None = None) -> str:
    """The CLDR locale of an interface language (the active one when not given)."""
    language = (language or get_language() or settings.LANGUAGE_CODE).lower().replace("_", "-")
    if language in _LOCALES:
        return _LOCALES[language]
    return _LOCALES.get(language.split("-")[0], "en")


@functools.cache
def _ranks(locale: str) -> tuple[dict[str, int], int]:
    letters = _ALPHABETS[locale]
    return {letter: n + 1 for n, letter in enumerate(letters)}, max(map(len, letters))


def collation_key(text: str, language: str | None = None) -> tuple[int, ...]:
    """A sort key that orders ``text`` by the alphabet of ``language``.

    Case is ignored; a letter with an accent the alphabet lacks sorts as its base letter
    (Åland with the a's); spaces and hyphens sort before every letter; other punctuation
    is ignored. Letters of another script come after the alphabet, by code point.
    """
    locale = locale_of(language)
    ranks, longest = _ranks(locale)
    text = normalise_apostrophes(text).lower() if locale == "uz" else text.lower()
    key: list[int] = []
    i = 0
    while i < len(text):
        for size in range(longest, 0, -1):
            rank = ranks.get(text[i : i + size])
            if rank:
                key.append(rank)
                i += size
                break
        else:
            char = text[i]
            base = unicodedata.normalize("NFD", char)[0]
            if base in ranks:
                key.append(ranks[base])
            elif char.isspace() or char in "-‐–":
                key.append(_SPACE)
            elif char.isalnum():
                key.append(_FOREIGN + ord(char))
            i += 1
    return tuple(key)


@functools.cache
def _territories(locale: str) -> dict[str, str]:
    names = Locale.parse(locale).territories
    if locale == "uz":
        # The CLDR mixes ‘ and ʻ in Uzbek names ("Qo‘shma Shtatlari").
        return {code: normalise_apostrophes(name) for code, name in names.items()}
    return dict(names)


def country_name(code, language: str | None = None) -> str:
    """The name of the country ``code`` (ISO alpha-2) in ``language`` (default: active)."""
    code = str(getattr(code, "code", code) or "").upper()
    if not code:
        return ""
    name = _territories(locale_of(language)).get(code)
    return name or _territories("en").get(code) or code


class CldrCountries(Countries):
    """django-countries' list with CLDR names, sorted by the reader's alphabet."""

    def translate_pair(self, code: str, name=None) -> CountryTuple:
        return CountryTuple(code, country_name(code))

    def __iter__(self):
        yield from _sorted_pairs(locale_of(), tuple(self.countries))


@functools.cache
def _sorted_pairs(locale: str, codes: tuple[str, ...]) -> list[CountryTuple]:
    # Once a language for the whole process: each filter form works on a deep copy of the
    # list, which a cache kept on the instance would lose at every request.
    pairs = [CountryTuple(code, country_name(code, locale)) for code in codes]
    return sorted(pairs, key=lambda pair: collation_key(pair.name, locale))


countries = CldrCountries()
