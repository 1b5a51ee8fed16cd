"""Uzbek Latin → Uzbek Cyrillic transliteration, and apostrophe normalisation.

Hamkor keeps Uzbek text in the Latin script only. The Uzbek Cyrillic interface language
(``uz-cyrl``) gets its message catalogue from the Latin one (``manage.py make_cyrillic``)
and its content by transliterating the Latin columns when a page is rendered. Both go
through :func:`latin_to_cyrillic`.

The letter correspondence is the official one, as the Latin alphabet was revised in 1995:

====================  ==================================================================
Latin                 Cyrillic
====================  ==================================================================
a b d f g i j k l m   а б д ф г и ж к л м
n o p q r s t u v x   н о п қ р с т у в х
h y z                 ҳ й з
oʻ gʻ sh ch           ў ғ ш ч
yo yu ya              ё ю я
e                     э at the start of a word and after a vowel, otherwise е
ye                    е at the start of a word and after a vowel, ъе after a consonant
ʼ (tutuq)             ъ
ng, ts                нг, тс (two letters each: Latin cannot tell where ц was meant)
c, w                  ц, в (not Uzbek letters; they occur in foreign names)
====================  ==================================================================

Case is kept: a capital digraph gives a capital letter whether written ``Sh`` or ``SH``.

Some spans are not Uzbek prose and are copied unchanged (see ``_PROTECTED``): Django
template tags and variables, HTML tags, comments and entities, URLs, e-mail addresses,
domain and file names, ``%``-placeholders and ``{}``-placeholders. A word written in
ASCII capitals of 2–5 letters (``QS``, ``PDF``, ``TOTP``) is taken for an acronym and kept
too, as is the capital head of a word such as ``PDFni`` (the suffix is transliterated).
Because a whole tag is protected, text in its attributes (``title``, ``alt``) stays Latin:
such text should be a message of its own. Proper names kept in Latin whatever their words
(``QS World University Rankings``) are listed in ``_LATIN_NAMES``, single words such as
``PhD`` in ``_KEEP_LATIN``; units of size (``KB``, ``MB``) are written in Cyrillic (``КБ``).
"""

from __future__ import annotations

import re

__all__ = ["cyrillic_to_latin", "latin_to_cyrillic", "normalise_apostrophes"]

OKINA = "\u02bb"  # ʻ  the sign of oʻ and gʻ
TUTUQ = "\u02bc"  # ʼ  the glottal stop ("tutuq belgisi")

# Everything people type for the two signs: keyboards without the modifier letters give
# ASCII ' or `, word processors turn ' into ‘ or ’, and some layouts put ´ there.
APOSTROPHES = frozenset("\u02bb\u02bc\u2018\u2019\u0060\u00b4\u0027")


def _is_letter(char: str) -> bool:
    # ʻ and ʼ are Unicode letters (category Lm), but here they are the marks being placed.
    return char.isalpha() and char not in APOSTROPHES


def normalise_apostrophes(text: str) -> str:
    """Write the signs of oʻ, gʻ and the tutuq with their proper characters.

    An apostrophe (any of ʻ ‘ ’ ` ´ ʼ ') right after ``o``/``g`` (either case) becomes
    U+02BB ʻ; right after any other letter it is the tutuq and becomes U+02BC ʼ. So
    ``O'zbekiston``, ``O‘zbekiston`` and ``Oʻzbekiston`` compare equal, which search and
    de-duplication need.

    Apostrophes used as quotation marks stay as they are: one not preceded by a letter
    opens a quotation, and one at the end of a word closes the quotation that is open
    (``'Salom'``). A word-final apostrophe with no open quotation belongs to the word
    (``tog'`` → ``togʻ``, ``manba'`` → ``manbaʼ``).
    """
    chars = list(text)
    open_quotes = 0
    for i, char in enumerate(chars):
        if char not in APOSTROPHES:
            continue
        before = chars[i - 1] if i > 0 else ""
        after = chars[i + 1] if i + 1 < len(chars) else ""
        if not _is_letter(before):
            if _is_letter(after):
                open_quotes += 1
            continue
        if not _is_letter(after) and open_quotes:
            open_quotes -= 1
            continue
        chars[i] = OKINA if before in "oOgG" else TUTUQ
    return "".join(chars)


# Spans copied unchanged, tried in this order at each position. Django template syntax
# comes first because it may contain HTML, quotes and placeholders of its own.
_PROTECTED = re.compile(
    r"""
      \{\{.*?\}\}                                   # {{ variable }}
    | \{%.*?%\}                                     # {% tag %}
    | \{\#.*?\#\}                                   # {# comment #}
    | <!--.*?-->                                    # HTML comment
    | </?[A-Za-z][^<>]*>                            # HTML tag
    | <![^<>]*>                                     # <!DOCTYPE ...>
    | &(?:[A-Za-z][A-Za-z0-9]*|\#[0-9]+|\#[xX][0-9A-Fa-f]+);   # entity
    | (?:https?|ftp)://[^\s<>"'«»]+                 # URL
    | mailto:[^\s<>"'«»]+
    | www\.[^\s<>"'«»]+
    | [A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+     # e-mail address
    | \b[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*         # domain or file name
      \.(?:uz|ru|com|org|net|edu|gov|int|io|info|
           pdf|csv|xlsx?|docx?|odt|ods|txt|json|xml|zip|png|jpe?g|gif|svg|html?)
      \b(?:/[^\s<>"'«»]*)?
    | (?<![A-Za-z0-9])\.(?:pdf|csv|xlsx?|docx?|odt|ods|txt|json|xml|zip|png|jpe?g)\b  # .xlsx
    | %%                                            # a literal % in a format string
    | (?:%\([^()]*\)|(?<![0-9])%)                   # %(name)s, %s, %d, %-5.2f
      [#0+-]*(?:\*|[0-9]+)?(?:\.(?:\*|[0-9]+))?[hlL]?[diouxXeEfFgGcrsa]
    | \{[^{}\s]*\}                                  # {name}, {0}, {0:.2f}
    """,
    re.VERBOSE | re.DOTALL,
)
# Proper names written in Latin letters in every language, whatever words they contain:
# "QS World University Rankings" is a title, not English to spell in Cyrillic letters.
_LATIN_NAMES = (
    "QS World University Rankings",
    "Times Higher Education World University Rankings",
    "Academic Ranking of World Universities",
    "Erasmus Without Paper",
    "Erasmus Mundus",
    "QS World",
)
_PROTECTED = re.compile(
    "|".join(
        [
            *(
                r"\b" + re.escape(name) + r"\b"
                for name in sorted(_LATIN_NAMES, key=len, reverse=True)
            ),
            _PROTECTED.pattern,
        ]
    ),
    re.VERBOSE | re.DOTALL,
)
# The %-placeholder leaves out two things that would take prose for placeholders: a space
# among the flags ("20% oʻqituvchi" would lose "% o" and split the oʻ), and an unnamed one
# right after a digit, which is a percent sign ("30%dan ortiq" is "more than 30%").

_WORD = re.compile(r"[A-Za-z\u02bb\u02bc]+")
_ACRONYM_HEAD = re.compile(r"[A-Z]{2,5}(?=[a-z])")

# Common Uzbek words short enough to pass for acronyms when written in capitals. Headings
# should rather be written in sentence case and capitalised with CSS (text-transform), so
# that every word reaches the transliteration as a word.
# fmt: off
_UZBEK_SHORT_WORDS = frozenset({
    "VA", "YOKI", "BILAN", "UCHUN", "HAM", "BU", "SHU", "BIR", "IKKI", "UCH", "BESH",
    "OLTI", "YETTI", "HAR", "HAMMA", "BOR", "HA", "EMAS", "YANGI", "ENG", "KUN", "YIL",
    "OY", "SANA", "VAQT", "ISM", "TIL", "NOMI", "XATO", "JAMI", "SONI", "IZOH", "HOLAT",
    "TUR", "ORQA",
})

# Names of products, foreign proper names and Latin abbreviations that stay in Latin letters
# (Uzbek Cyrillic writes PhD so too).
_KEEP_LATIN = frozenset({
    "Google", "Microsoft", "Authenticator", "FreeOTP", "Django", "Erasmus", "Excel",
    "Chromium", "Playwright", "Swagger", "OpenAPI", "PhD", "DSc", "MBA", "ORCID", "Scopus",
})

# Units that Uzbek Cyrillic writes in Cyrillic capitals, as Russian does.
_CYRILLIC_ABBREVIATIONS = {"KB": "КБ", "MB": "МБ", "GB": "ГБ", "TB": "ТБ"}

# Russian loanwords whose Cyrillic spelling has letters the Latin one lost (ь, я, ц):
# stem -> (the whole word, the stem before a suffix).
_STEMS = {
    "yanvar": ("январь", "январ"), "fevral": ("февраль", "феврал"), "aprel": ("апрель", "апрел"),
    "iyun": ("июнь", "июн"), "iyul": ("июль", "июл"), "sentabr": ("сентябрь", "сентябр"),
    "oktabr": ("октябрь", "октябр"), "noyabr": ("ноябрь", "ноябр"),
    "dekabr": ("декабрь", "декабр"), "fakultet": ("факультет", "факультет"),
    "parol": ("пароль", "парол"), "rol": ("роль", "рол"), "profil": ("профиль", "профил"),
    "modul": ("модуль", "модул"), "filtr": ("фильтр", "фильтр"),
    "kompyuter": ("компьютер", "компьютер"), "tsentr": ("центр", "центр"),
    "konferensiya": ("конференция", "конференция"), "stansiya": ("станция", "станция"),
    "aksiya": ("акция", "акция"), "seminar": ("семинар", "семинар"),
}

_SINGLE = {
    "a": "а", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "ҳ", "i": "и",
    "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "қ",
    "r": "р", "s": "с", "t": "т", "u": "у", "v": "в", "x": "х", "y": "й", "z": "з",
    "c": "ц", "w": "в",
}
# fmt: on
_VOWELS = frozenset("aeiou")


def _cased(cyrillic: str, upper: bool) -> str:
    return cyrillic.upper() if upper else cyrillic


def _word_to_cyrillic(word: str, at_word_start: bool = True) -> str:
    """Transliterate one run of Latin letters and signs, with no protection applied."""
    out: list[str] = []
    lower = word.lower()
    n = len(word)
    i = 0
    # "After a vowel" decides э/е and е/ъе; oʻ counts as the vowel it is.
    previous_vowel = False
    while i < n:
        char, low = word[i], lower[i]
        nxt = lower[i + 1] if i + 1 < n else ""
        start = at_word_start and i == 0
        upper = char.isupper()
        if low in "og" and nxt == OKINA:
            out.append(_cased("ў" if low == "o" else "ғ", upper))
            previous_vowel = low == "o"
            i += 2
            continue
        # -tsiya is the Latin spelling of -ция after a vowel (autentifikatsiya).
        if lower.startswith("tsiya", i):
            out.append(_cased("ц", upper) + _cased("ия", word[i + 1].isupper()))
            previous_vowel = True
            i += 5
            continue
        if low in "sc" and nxt == "h":
            out.append(_cased("ш" if low == "s" else "ч", upper))
            previous_vowel = False
            i += 2
            continue
        # "yoʻl" is y + oʻ (йўл), not yo + ʻ: the sign binds to the o first.
        if low == "y" and nxt in ("o", "u", "a") and lower[i + 2 : i + 3] != OKINA:
            out.append(_cased({"o": "ё", "u": "ю", "a": "я"}[nxt], upper))
            previous_vowel = True
            i += 2
            continue
        if low == "y" and nxt == "e":
            # Latin spells Cyrillic ъе after a consonant as ye (obyekt = объект).
            if start or previous_vowel:
                out.append(_cased("е", upper))
            else:
                out.append(_cased("ъ", upper) + _cased("е", word[i + 1].isupper()))
            previous_vowel = True
            i += 2
            continue
        if low == "e":
            out.append(_cased("э" if start or previous_vowel else "е", upper))
            previous_vowel = True
            i += 1
            continue
        if char == TUTUQ:
            before = word[i - 1] if i > 0 else ""
            # s'h and c'h mark s+h and c+h that are not the digraphs (Isʼhoq = Исҳоқ);
            # Cyrillic has distinct letters there, so the sign has nothing to write.
            if before.lower() in ("s", "c") and nxt == "h":
                i += 1
                continue
            after = word[i + 1] if i + 1 < n else ""
            capital = before.isupper() and (after.isupper() or not after)
            out.append(_cased("ъ", capital))
            previous_vowel = False
            i += 1
            continue
        if char == OKINA:
            # Left after normalisation only where it is not the sign of oʻ/gʻ.
            out.append(char)
            i += 1
            continue
        out.append(_cased(_SINGLE[low], upper))
        previous_vowel = low in _VOWELS
        i += 1
    return "".join(out)


def _stem(word: str) -> str | None:
    lower = word.lower()
    for stem, (whole, before_suffix) in _STEMS.items():
        if lower.startswith(stem):
            head = whole if lower == stem else before_suffix
            rest = _word_to_cyrillic(word[len(stem) :], at_word_start=False)
            if word.isupper():
                return head.upper() + rest
            return (head[0].upper() + head[1:] if word[0].isupper() else head) + rest
    return None


def _transliterate_word(match: re.Match[str]) -> str:
    word = match.group()
    if word in _KEEP_LATIN:
        return word
    if word in _CYRILLIC_ABBREVIATIONS:
        return _CYRILLIC_ABBREVIATIONS[word]
    stemmed = _stem(word)
    if stemmed is not None:
        return stemmed
    if word.isascii() and word.isupper() and 2 <= len(word) <= 5:
        return _word_to_cyrillic(word) if word in _UZBEK_SHORT_WORDS else word
    head = _ACRONYM_HEAD.match(word)
    if head and head.end() < len(word):
        # An acronym with an Uzbek suffix (PDFni, QSda): the suffix is not a word start.
        acronym = word[: head.end()]
        acronym = _CYRILLIC_ABBREVIATIONS.get(acronym, acronym)
        return acronym + _word_to_cyrillic(word[head.end() :], at_word_start=False)
    return _word_to_cyrillic(word)


def _transliterate_prose(text: str) -> str:
    return _WORD.sub(_transliterate_word, normalise_apostrophes(text))


def latin_to_cyrillic(text: str) -> str:
    """Transliterate Uzbek Latin ``text`` to Uzbek Cyrillic.

    Follows the 1995 correspondence (see the module docstring), accepts every apostrophe
    variant of oʻ, gʻ and the tutuq, and keeps the case of each letter. Protected spans —
    template syntax, HTML, URLs, e-mail addresses, domain and file names, placeholders —
    and acronyms in ASCII capitals are copied unchanged. Letters outside ASCII, Cyrillic
    included, are left as they are, so transliterating twice changes nothing more.
    """
    if not text:
        return text
    parts: list[str] = []
    position = 0
    for match in _PROTECTED.finditer(text):
        parts.append(_transliterate_prose(text[position : match.start()]))
        parts.append(match.group())
        position = match.end()
    parts.append(_transliterate_prose(text[position:]))
    return "".join(parts)


# Uzbek Cyrillic → Latin, the same 1995 correspondence read backwards. Russian letters that
# Uzbek Cyrillic also uses (ц, щ, ы, ь) get their usual Latin spelling.
# fmt: off
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "ё": "yo", "ж": "j", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "ts", "ч": "ch",
    "ш": "sh", "щ": "sh", "ъ": TUTUQ, "ы": "i", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ў": "o" + OKINA, "қ": "q", "ғ": "g" + OKINA, "ҳ": "h",
}
# fmt: on
_CYRILLIC_VOWELS = frozenset("аеёиоуэюяў")


def cyrillic_to_latin(text: str) -> str:
    """Transliterate Uzbek Cyrillic ``text`` to Uzbek Latin (``Қўқон`` → ``Qoʻqon``).

    ``е`` is ``ye`` at the start of a word and after a vowel or ъ, otherwise ``e``. A
    capital letter that becomes two Latin letters is capitalised as a word (``Ш`` → ``Sh``)
    unless the next letter is a capital too (``ШАҲАР`` → ``SHAHAR``). Characters that are
    not Cyrillic are copied unchanged, so Latin text passes through as it is.
    """
    out: list[str] = []
    previous = ""
    for i, char in enumerate(text):
        low = char.lower()
        if low == "е":
            start = not previous.isalpha() or previous in _CYRILLIC_VOWELS or previous == "ъ"
            latin = "ye" if start else "e"
        elif low in _CYRILLIC:
            latin = _CYRILLIC[low]
        else:
            out.append(char)
            previous = low
            continue
        if char.isupper() and latin:
            following = text[i + 1] if i + 1 < len(text) else ""
            latin = latin.upper() if following.isupper() else latin[0].upper() + latin[1:]
        out.append(latin)
        previous = low
    return "".join(out)
