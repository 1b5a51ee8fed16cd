"""The interface languages, and Uzbek Cyrillic made known to Django.

``settings.py`` imports this module, so it imports nothing that needs configured settings:
only ``django.conf.locale``.

Django has no ``uz-cyrl`` locale. Registering it in ``LANG_INFO`` lets
``get_language_info()`` and the ``{% get_language_info %}`` tag describe it; its message
catalogue is generated from the Uzbek Latin one (``manage.py make_cyrillic``) and its
formats live in ``hamkor.formats.uz_Cyrl``.
"""

from django.conf.locale import LANG_INFO


def gettext_noop(message: str) -> str:
    """Marks a string for makemessages; Django's own would touch settings while they load."""
    return message


# Each name is written in its own language, as a reader of that language looks for it.
LANGUAGES = [
    ("uz", "Oʻzbekcha"),
    ("uz-cyrl", "Ўзбекча"),
    ("ru", "Русский"),
    ("en", "English"),
]

# Content columns exist for these; uz-cyrl content is transliterated from uz, unless the model
# has an optional ``_uz_cyrl`` column and it is filled (``core.models.translated``).
CONTENT_LANGUAGES = ("uz", "ru", "en")

LANG_INFO["uz-cyrl"] = {
    "bidi": False,
    "code": "uz-cyrl",
    "name": gettext_noop("Uzbek (Cyrillic)"),
    # get_language_info() overwrites this with the lazy translation of "name"; the key is
    # here for code that reads LANG_INFO directly.
    "name_translated": gettext_noop("Uzbek (Cyrillic)"),
    "name_local": "Ўзбекча",
}

# The languages' tags as BCP 47 writes them (``<html lang>``, ``hreflang``): the script
# subtag is title-case.
BCP47 = {"uz": "uz", "uz-cyrl": "uz-Cyrl", "ru": "ru", "en": "en"}

# Open Graph's ``og:locale`` (language_TERRITORY; Uzbek Cyrillic with its script).
OG_LOCALES = {"uz": "uz_UZ", "uz-cyrl": "uz_Cyrl_UZ", "ru": "ru_RU", "en": "en_US"}
