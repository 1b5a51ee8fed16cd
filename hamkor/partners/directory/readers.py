"""Readers for the three public institution lists that seed Hamkor's world directory, and the
text rules for their names, hosts and cities that :mod:`~hamkor.partners.directory.matching`
matches on.

Each reader turns one file into :class:`DirectoryRecord` objects, one per usable row, with the
country as an ISO 3166-1 alpha-2 code (``XK`` for Kosovo, as the EU and the world list use it).
Rows that cannot be used are not silently dropped: a reader appends a :class:`SkippedRow` with
the reason to the ``skipped`` list it is given. Readers are generators, so that list fills up
while the records are consumed.

The files and their quirks are described in ``shared/data/README.md``; nothing from them is
bundled with Hamkor.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import pycountry
from rapidfuzz import fuzz

WORLD, ECHE, QS = "world", "eche", "qs"
SOURCES = (WORLD, ECHE, QS)

# Country names that pycountry's exact lookup does not resolve, or resolves wrongly with its
# fuzzy search (which maps "Republic of Korea" to KP), keyed by casefolded name.
COUNTRY_EXCEPTIONS: dict[str, str] = {
    "china (mainland)": "CN", "hong kong sar, china": "HK", "macao sar, china": "MO",
    "republic of korea": "KR", "türkiye": "TR", "turkiye": "TR", "palestine": "PS",
    "kosovo": "XK", "swaziland": "SZ", "cape verde": "CV",
    "northern cyprus": "CY",  # no ISO code; the world list files its universities under CY
}  # fmt: skip
# EU country codes that differ from ISO 3166-1 (used by the ECHE list's "Country Cd").
EU_CODE_TO_ISO: dict[str, str] = {"EL": "GR", "UK": "GB"}
# User-assigned code the EU and the world list both use for Kosovo.
EXTRA_CODES = frozenset({"XK"})
ISO_CODES = frozenset(c.alpha_2 for c in pycountry.countries) | EXTRA_CODES

_RANK_RE = re.compile(r"^=?\s*(\d+)\s*(?:[-\u2013]\s*(\d+)|(\+))?\s*=?$")
# U+02BB (the Uzbek o'/g' sign), U+02BC, U+2018, U+2019, ', `, U+00B4, U+2032, U+02B9: one
# letter in Uzbek Latin, an apostrophe elsewhere; all are spelt alike.
APOSTROPHES = re.compile("[\u02bb\u02bc\u2018\u2019'`\u00b4\u2032\u02b9]")
NON_WORD = re.compile(r"[\W_]+")
BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Spellings of "university" (and its direct translations in ECHE countries) → "university".
UNIVERSITY_WORDS = {
    "univ", "universit", "universitat", "universitaet", "universite", "universidad",
    "universita", "universiteit", "universidade", "universitet", "universitatea", "universitate",
    "uniwersytet", "univerzita", "univerza", "univerzitet", "universiti", "universitas",
    "universitetas", "universitesi", "universiteti", "unibertsitatea", "egyetem", "yliopisto",
    "panepistimio", "sveuciliste", "ulikool",
}  # fmt: skip
# Most German FHs renamed themselves "Hochschule"; abbreviations of place names.
SYNONYMS = {"fachhochschule": "hochschule", "st": "saint", "ste": "sainte", "mt": "mount"}
STOP_WORDS = {
    "the", "of", "and", "for", "in", "at", "on", "a", "an", "de", "del", "della", "delle",
    "degli", "dei", "di", "da", "do", "dos", "das", "der", "des", "die", "du", "la", "le", "les",
    "el", "los", "las", "y", "e", "et", "und", "zu", "d", "l", "dell", "dall", "nell", "all",
    "sull", "studi", "w", "we", "din", "al",
}  # fmt: skip
ROMAN = re.compile(r"^(?=[ivxl]+$)x{0,3}(?:ix|iv|v?i{0,3})$")
_ELISION = re.compile(r"\b(d|l|dell|dall|nell|all|sull|qu)'")
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                          "þ": "th", "\u0131": "i", "ß": "ss", "&": " "})  # fmt: skip
_DASHED_ACRONYM = re.compile(
    r"^\s*[A-Z]{2,6}\s+[-\u2013\u2014]\s+|\s+[-\u2013\u2014]\s+[A-Z]{2,6}\s*$"
)
_NAMED_AFTER = re.compile(r",?\s+named\s+after\s.*$", re.IGNORECASE)
GENERIC_LABELS = {"www", "edu", "ac", "co", "com", "org", "net", "gov", "info", "uni", "univ"}
# Words that tell two otherwise similar names apart; a fuzzy pair must agree on them.
CONTRAST = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "nord", "sud", "est", "ouest", "upper", "lower", "new", "medical", "medicine", "technical",
    "technology", "pedagogical", "agricultural", "agrarian", "economics", "economic", "arts",
    "art", "music", "law", "polytechnic", "state", "national", "open", "catholic",
    "international", "american",
}  # fmt: skip
# Legal forms and similar words that a fuzzy pair may have on one side only.
LEGAL_FORMS = {
    "gmbh", "ggmbh", "ag", "sa", "sl", "slu", "sia", "srl", "spa", "ltd", "limited", "plc", "inc",
    "ev", "bv", "nv", "as", "oy", "ab", "kft", "doo", "sro", "uab", "sas", "sarl", "asbl", "vzw",
    "vakif", "fh",
}  # fmt: skip


@dataclass(slots=True)
class DirectoryRecord:
    """One usable row of one source list, in a common shape.

    Strings are ``""`` when the source has no value; ``qs_rank_high`` is ``None`` for an
    open-ended band such as ``1401+``.
    """

    source: str
    record_id: str
    name: str
    country: str
    row: int = 0
    city: str = ""
    state_province: str = ""
    domains: list[str] = field(default_factory=list)
    web_pages: list[str] = field(default_factory=list)
    erasmus_code: str = ""
    pic: str = ""
    oid: str = ""
    qs_rank_text: str = ""
    qs_rank_low: int | None = None
    qs_rank_high: int | None = None
    qs_overall_score: float | None = None


@dataclass(slots=True, frozen=True)
class SkippedRow:
    """A source row that was not turned into a record, and why."""

    source: str
    row: int
    name: str
    reason: str


def country_code(value: str | None) -> str | None:
    """Return the ISO alpha-2 code for a country name or code, or ``None`` if unknown.

    Rules: the explicit exception table first, then two-letter codes (EU codes translated),
    then pycountry's exact lookup of names and codes. Fuzzy search is deliberately not used
    because it guesses (it turns "Republic of Korea" into North Korea).
    """
    text = clean_text(value)
    if not text:
        return None
    key = text.casefold()
    if key in COUNTRY_EXCEPTIONS:
        return COUNTRY_EXCEPTIONS[key]
    if len(text) == 2 and text.isalpha():
        code = EU_CODE_TO_ISO.get(text.upper(), text.upper())
        return code if code in ISO_CODES else None
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return None


def parse_rank(text: str | None) -> tuple[int, int | None] | None:
    """Parse a QS rank into ``(low, high)``: ``"2"`` → (2, 2), ``"801-850"`` → (801, 850),
    ``"1401+"`` → (1401, None). A tie marker ``=`` on either side is ignored. Returns ``None``
    for empty or unparseable text."""
    match = _RANK_RE.match(clean_text(text))
    if not match:
        return None
    low = int(match[1])
    if match[3]:
        return low, None
    high = int(match[2]) if match[2] else low
    return (low, high) if high >= low else None


def strip_accents(text: str) -> str:
    """Text without combining marks ("Müller" → "Muller")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Comparable form of an institution name.

    Rules: casefold; the Uzbek and typographic apostrophes are one ("O\u02bbzbekiston" equals
    "O'zbekiston") and vanish inside words, but leave a space after elisions (d', l', dell');
    accents stripped; ø æ œ ł đ ß spelt in ASCII; punctuation becomes spaces; "univ.",
    "universität", "université", "universidad", "università", "universiteit" and kin become
    "university" ("Fachhochschule" becomes "hochschule"); stop words ("the", "of", "de", ...)
    dropped unless nothing else is left; spaces collapsed.
    """
    text = APOSTROPHES.sub("'", unicodedata.normalize("NFKC", name).casefold())
    text = _ELISION.sub(r"\1 ", text).replace("'", "").translate(_LETTERS)
    words = NON_WORD.sub(" ", strip_accents(text)).split()
    words = ["university" if w in UNIVERSITY_WORDS else SYNONYMS.get(w, w) for w in words]
    return " ".join([w for w in words if w not in STOP_WORDS] or words)


def name_variants(name: str) -> tuple[str, ...]:
    """Normalised forms of a name: as written, and without the parts that other lists omit:
    a one-word bracketed tag or a dashed acronym ("... (MIT)", "EPFL – École ...") and an
    honorific "named after ..." tail. Longer brackets such as "(Paris IV)" stay: they tell
    institutions apart."""
    bare = BRACKETS.sub(lambda m: " " if _is_tag(m.group()[1:-1]) else m.group(), name)
    bare = _NAMED_AFTER.sub("", _DASHED_ACRONYM.sub(" ", bare))
    return tuple(dict.fromkeys(v for v in map(normalise_name, (name, bare)) if v))


def _is_tag(text: str) -> bool:
    words = text.split()
    return len(words) == 1 and not ROMAN.match(words[0].casefold()) and not text.isdigit()


def _same_word(a: str, b: str) -> bool:
    """Equal, or a spelling/inflection variant: six letters in common at the start
    ("jagiellonski"/"jagiellonian"), or Indel similarity ≥ 86 for words of four letters or more
    ("gent"/"ghent" is 89; "hohai"/"bohai" and "salento"/"salerno" stay apart)."""
    if a == b:
        return True
    if min(len(a), len(b)) >= 6 and a[:6] == b[:6]:
        return True
    return min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= 86


def _acronym_of(word: str, words: list[str]) -> bool:
    """Whether ``word`` (3+ letters) is a subsequence of the other name's initials (USFQ)."""
    if len(word) < 3 or not word.isalpha():
        return False
    initials = iter("".join(w[0] for w in words))
    return all(letter in initials for letter in word)


def _marks(words: Iterable[str]) -> set[str]:
    return {w for w in words if w.isdigit() or ROMAN.match(w) or w in CONTRAST}


def names_agree(left: str, right: str, places: Iterable[str]) -> bool:
    """The word-by-word check of a fuzzy pair (rule 3 in :mod:`hamkor.partners.directory.matching`).

    ``places`` are the record's own city names, normalised. A word without a twin on the other
    side must be a legal form, an acronym of the other name, or part of a whole city name
    ("Queen's University at Kingston"; but "Neu-Ulm" does not explain "Neu" next to "Ulm").
    """
    phrases = [set(place.split()) for place in places]
    city_words = set().union(*phrases)
    left_words, right_words = list(dict.fromkeys(left.split())), list(dict.fromkeys(right.split()))
    if _marks(set(left_words) - city_words) != _marks(set(right_words) - city_words):
        return False
    rest, left_extra = list(right_words), []
    for word in left_words:
        twin = next((w for w in rest if _same_word(word, w)), None)
        left_extra.append(word) if twin is None else rest.remove(twin)
    return _explained(left_extra, right_words, phrases) and _explained(rest, left_words, phrases)


def _explained(extra: list[str], other: list[str], phrases: list[set[str]]) -> bool:
    words = {w for w in extra if w not in LEGAL_FORMS and not _acronym_of(w, other)}
    for phrase in phrases:
        words -= phrase if phrase <= words else set()
    return not words


def clean_text(value: object) -> str:
    """Text of a cell with NBSPs turned into spaces and outer whitespace removed."""
    if value is None:
        return ""
    return str(value).replace("\xa0", " ").strip()


def website_host(url: str | None) -> str:
    """Bare lower-case host of a URL or host (``"http://www.fhv.at "`` → ``"fhv.at"``).

    Typing slips seen in the ECHE list are repaired (``"www. x.es"``, ``"http//x.fr"``,
    ``"/x.cat"``); an e-mail address or text without a dot gives ``""``.
    """
    text = clean_text(url).lower().replace("\\", "/")
    text = re.sub(r"\s*\.\s*", ".", text)
    text = re.sub(r"^(https?)//", r"\1://", text)
    text = re.split(r"[\s;,]+", text)[0].lstrip("/")
    if not text or "@" in text:
        return ""
    if "://" not in text:
        text = "//" + text
    try:
        host = (urlsplit(text).hostname or "").rstrip(".")
    except ValueError:
        return ""
    host = host.removeprefix("www.")
    return host if "." in host and not host.replace(".", "").isdigit() else ""


def read_world_list(
    path: str | Path, *, skipped: list[SkippedRow] | None = None
) -> Iterator[DirectoryRecord]:
    """Read ``world_universities_and_domains.json`` (Hipo's list).

    The country comes from ``alpha_two_code``, never from the inconsistent ``country`` name.
    The id is the first domain; a repeated domain gets ``#row`` appended (three domains are
    shared by two records).
    """
    skipped = skipped if skipped is not None else []
    with Path(path).open(encoding="utf-8") as handle:
        items = json.load(handle)
    seen: set[str] = set()
    for row, item in enumerate(items, start=1):
        name = clean_text(item.get("name"))
        code = clean_text(item.get("alpha_two_code")).upper()
        if not name:
            skipped.append(SkippedRow(WORLD, row, name, "empty name"))
            continue
        if code not in ISO_CODES:
            skipped.append(SkippedRow(WORLD, row, name, f"unknown country code {code!r}"))
            continue
        domains = [d for d in (website_host(d) for d in item.get("domains") or []) if d]
        key = f"{WORLD}:{domains[0] if domains else f'row{row}'}"
        record_id = key if key not in seen else f"{key}#{row}"
        seen.add(record_id)
        yield DirectoryRecord(
            source=WORLD,
            record_id=record_id,
            name=name,
            country=code,
            row=row,
            state_province=clean_text(item.get("state-province")),
            domains=domains,
            web_pages=[clean_text(p) for p in item.get("web_pages") or [] if clean_text(p)],
        )


def read_eche(
    path: str | Path, *, skipped: list[SkippedRow] | None = None
) -> Iterator[DirectoryRecord]:
    """Read the ECHE holders list from its ``.xlsx`` (first sheet) or ``.csv`` conversion.

    NBSPs in Erasmus codes become spaces but the fixed-width padding is kept; PIC and OID stay
    strings; the EU code ``EL`` becomes ``GR``. The id is the Erasmus code (unique in the list),
    or the PIC when the code is missing.
    """
    skipped = skipped if skipped is not None else []
    path = Path(path)
    rows = _xlsx_rows(path) if path.suffix.lower() in {".xlsx", ".xlsm"} else _csv_rows(path)
    for row, cells in rows:
        name = clean_text(cells.get("Legal Name"))
        code = country_code(cells.get("Country Cd"))
        if not name:
            skipped.append(SkippedRow(ECHE, row, name, "empty name"))
            continue
        if code is None:
            reason = f"unknown country code {clean_text(cells.get('Country Cd'))!r}"
            skipped.append(SkippedRow(ECHE, row, name, reason))
            continue
        erasmus_code = clean_text(cells.get("Erasmus Code"))
        pic = clean_text(cells.get("PIC"))
        url = clean_text(cells.get("Website Url"))
        host = website_host(url)
        yield DirectoryRecord(
            source=ECHE,
            record_id=f"{ECHE}:{erasmus_code or (f'PIC {pic}' if pic else f'row{row}')}",
            name=name,
            country=code,
            row=row,
            city=clean_text(cells.get("City")),
            domains=[host] if host else [],
            web_pages=[url] if url else [],
            erasmus_code=erasmus_code,
            pic=pic,
            oid=clean_text(cells.get("OID")),
        )


def read_qs(
    path: str | Path, *, skipped: list[SkippedRow] | None = None
) -> Iterator[DirectoryRecord]:
    """Read the cleaned QS World University Rankings 2027 CSV.

    ``2027_rank`` is parsed into a band; the literal ``None`` in ``overall_score`` is null.
    The id is the file's unnamed index column.
    """
    skipped = skipped if skipped is not None else []
    for row, cells in _csv_rows(Path(path)):
        name = clean_text(cells.get("institution_name"))
        country_name = clean_text(cells.get("country/territory"))
        code = country_code(country_name)
        rank_text = clean_text(cells.get("2027_rank"))
        rank = parse_rank(rank_text)
        if not name:
            reason = "empty name"
        elif code is None:
            reason = f"unknown country {country_name!r}"
        elif rank is None:
            reason = f"unparseable rank {rank_text!r}"
        else:
            reason = ""
        if reason or code is None or rank is None:  # the extra tests narrow the types
            skipped.append(SkippedRow(QS, row, name, reason))
            continue
        index = clean_text(cells.get("")) or str(row)
        yield DirectoryRecord(
            source=QS,
            record_id=f"{QS}:{index}",
            name=name,
            country=code,
            row=row,
            city=clean_text(cells.get("city")),
            qs_rank_text=rank_text.strip("="),
            qs_rank_low=rank[0],
            qs_rank_high=rank[1],
            qs_overall_score=_float_or_none(cells.get("overall_score")),
        )


def _float_or_none(value: object) -> float | None:
    try:
        return float(clean_text(value))
    except ValueError:  # "", and the literal "None" of banded rows
        return None


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a CSV file with one header row, numbered by their line in the file."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        for cells in reader:
            yield reader.line_num, cells


def _xlsx_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of the first sheet below its header row, numbered as in the spreadsheet.

    The Commission's file starts with a blank row, so the header is found by looking for the
    "Legal Name" cell in the first rows rather than assumed to be row 1 or 2.
    """
    from openpyxl import load_workbook  # imported lazily: only the xlsx path needs it

    with warnings.catch_warnings():
        # The sheet carries an extension openpyxl does not know ("Unknown extension is not
        # supported"); it is harmless. Rows are read eagerly so the filter covers the parsing.
        warnings.filterwarnings("ignore", category=UserWarning, module="openpyxl")
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            rows = [
                [_cell_text(v) for v in values]
                for values in workbook.worksheets[0].iter_rows(values_only=True)
            ]
        finally:
            workbook.close()
    header = next((i for i, texts in enumerate(rows[:10]) if "Legal Name" in texts), None)
    if header is None:
        raise ValueError(f"{path}: no 'Legal Name' header in the first rows")
    for number, texts in enumerate(rows[header + 1 :], start=header + 2):
        if any(texts):
            yield number, dict(zip(rows[header], texts, strict=False))


def _cell_text(value: object) -> str:
    """Text of a spreadsheet cell as the CSV conversion writes it (dates as ISO dates)."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def plain_city(city: str) -> str:
    """A city without postal noise: "PRAHA 5", "Paris Cedex 05", "LA LAGUNA (TENERIFE)"."""
    return " ".join(re.sub(r"(?i)\bcedex\b|\d+", " ", BRACKETS.sub(" ", city)).split())


def domain_labels(domains: Iterable[str]) -> set[str]:
    """Distinctive labels of domains: no top-level or generic label."""
    return {
        label
        for domain in domains
        for label in domain.split(".")[:-1]
        if len(label) > 1 and label not in GENERIC_LABELS
    }


def record_hosts(record: DirectoryRecord) -> set[str]:
    """Bare hosts of a record's domains and web pages."""
    return ({*record.domains} | {website_host(page) for page in record.web_pages}) - {""}


def record_places(record: DirectoryRecord) -> set[str]:
    """The record's city as a normalised phrase, also without postal noise ("PARIS CEDEX")."""
    return {p for p in (normalise_name(record.city), normalise_name(plain_city(record.city))) if p}
