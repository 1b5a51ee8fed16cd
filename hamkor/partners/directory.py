"""Match the public institution lists into one world directory (pure Python, no database).

The lists (Hipo's world list, the EU's ECHE holders, QS 2027) are read by
:mod:`hamkor.partners.directory_readers`; :func:`match` merges them:

1. Every world-list record seeds an entry. Two world records with the same name and country
   merge only when their domains share a distinctive label (``bath.ac.uk``/``bath.edu``):
   same-named US community colleges in different states are different institutions.
2. ECHE records, then QS records, are linked to entries tier by tier, always within one
   country: same web host, then a parent host (``cud.uvigo.es`` → ``uvigo.es``; QS has no
   websites), then the same normalised name, then a fuzzy name.
3. A fuzzy pair must be retrieved by rapidfuzz (``token_set_ratio`` ≥ ``threshold``) *and*
   agree word by word: every word pairs with an equal or near-equal word (typo, inflection),
   except the city, a legal form (GmbH, SA) or an acronym of the other name; numbers and
   contrasting words (North/South, State, Medical, ...) must be the same on both sides.
4. Candidates less than ``margin`` points apart (``token_sort_ratio``) are reported as
   ambiguous, never guessed. An entry takes one ECHE and one QS record at most; the stronger
   claim wins and a claim too close to the winner's voids both. Unlinked records become
   entries of their own.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from hamkor.partners.directory_readers import (
    APOSTROPHES,
    BRACKETS,
    ECHE,
    NON_WORD,
    QS,
    SOURCES,
    WORLD,
    DirectoryRecord,
    SkippedRow,
    city_coordinates,
    country_code,
    parse_rank,
    read_all,
    read_eche,
    read_qs,
    read_world_list,
    strip_accents,
    website_host,
)

__all__ = [
    "AmbiguousMatch", "Candidate", "DirectoryEntry", "DirectoryRecord", "MatchCounts",
    "MatchResult", "Ranking", "SkippedRow", "city_coordinates", "country_code", "match",
    "match_files", "name_variants", "normalise_name", "parse_rank", "read_eche", "read_qs",
    "read_world_list", "website_host",
]  # fmt: skip

FUZZY_THRESHOLD = 90.0
AMBIGUITY_MARGIN = 3.0
TIERS = ("domain", "subdomain", "name", "fuzzy")
PAIRS = ((WORLD, ECHE), (WORLD, QS), (ECHE, QS))

# Spellings of "university" (and its direct translations in ECHE countries) → "university".
_UNIVERSITY = {
    "univ", "universit", "universitat", "universitaet", "universite", "universidad",
    "universita", "universiteit", "universidade", "universitet", "universitatea", "universitate",
    "uniwersytet", "univerzita", "univerza", "univerzitet", "universiti", "universitas",
    "universitetas", "universitesi", "universiteti", "unibertsitatea", "egyetem", "yliopisto",
    "panepistimio", "sveuciliste", "ulikool",
}  # fmt: skip
# Most German FHs renamed themselves "Hochschule"; abbreviations of place names.
_SYNONYMS = {"fachhochschule": "hochschule", "st": "saint", "ste": "sainte", "mt": "mount"}
_STOP_WORDS = {
    "the", "of", "and", "for", "in", "at", "on", "a", "an", "de", "del", "della", "delle",
    "degli", "dei", "di", "da", "do", "dos", "das", "der", "des", "die", "du", "la", "le", "les",
    "el", "los", "las", "y", "e", "et", "und", "zu", "d", "l", "dell", "dall", "nell", "all",
    "sull", "studi", "w", "we", "din", "al",
}  # fmt: skip
# Words that tell two otherwise similar names apart; a fuzzy pair must agree on them.
_CONTRAST = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "nord", "sud", "est", "ouest", "upper", "lower", "new", "medical", "medicine", "technical",
    "technology", "pedagogical", "agricultural", "agrarian", "economics", "economic", "arts",
    "art", "music", "law", "polytechnic", "state", "national", "open", "catholic",
    "international", "american",
}  # fmt: skip
# Legal forms and similar words that a fuzzy pair may have on one side only.
_LEGAL = {
    "gmbh", "ggmbh", "ag", "sa", "sl", "slu", "sia", "srl", "spa", "ltd", "limited", "plc", "inc",
    "ev", "bv", "nv", "as", "oy", "ab", "kft", "doo", "sro", "uab", "sas", "sarl", "asbl", "vzw",
    "vakif", "fh",
}  # fmt: skip
_ROMAN = re.compile(r"^(?=[ivxl]+$)x{0,3}(?:ix|iv|v?i{0,3})$")
_ELISION = re.compile(r"\b(d|l|dell|dall|nell|all|sull|qu)'")
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d",
                          "þ": "th", "\u0131": "i", "ß": "ss", "&": " "})  # fmt: skip
_DASHED_ACRONYM = re.compile(
    r"^\s*[A-Z]{2,6}\s+[-\u2013\u2014]\s+|\s+[-\u2013\u2014]\s+[A-Z]{2,6}\s*$"
)
_GENERIC_LABELS = {"www", "edu", "ac", "co", "com", "org", "net", "gov", "info", "uni", "univ"}


@dataclass(slots=True, frozen=True)
class Ranking:
    """One ranking of an entry, as published (``rank_high`` is None for ``1401+``)."""

    system: str
    year: int
    rank_text: str
    rank_low: int | None
    rank_high: int | None
    overall_score: float | None = None


@dataclass(slots=True)
class DirectoryEntry:
    """One institution merged from one or more records.

    ``name``: the world list's name, else the ECHE legal name, else QS's. ``english_name``:
    QS's (English) name, else the world list's (mostly English). ``website``: the world list's
    first web page, else the ECHE website. ``matched_by`` tells how each record joined:
    ``seed``, ``duplicate``, ``domain``, ``subdomain``, ``name`` or ``fuzzy <score>``.
    """

    key: str
    name: str
    english_name: str
    legal_name: str
    country: str
    city: str
    state_province: str
    website: str
    email_domains: list[str]
    erasmus_code: str
    pic: str
    rankings: list[Ranking]
    sources: list[str]
    record_ids: list[str]
    matched_by: dict[str, str]


@dataclass(slots=True, frozen=True)
class Candidate:
    """An entry a record could belong to: its key, its first name and the name score."""

    key: str
    name: str
    score: float


@dataclass(slots=True, frozen=True)
class AmbiguousMatch:
    """A record left unlinked. ``method`` is the tier whose candidates were too close to call
    (domain, subdomain, name, fuzzy), or ``conflict`` when another record of the same source
    claimed the entry as strongly (``note`` names it)."""

    record_id: str
    source: str
    name: str
    country: str
    method: str
    candidates: tuple[Candidate, ...]
    note: str = ""


@dataclass(slots=True)
class MatchCounts:
    """Figures of a run. ``matched`` counts entries holding both sources of a pair
    (``"world-eche"``, ``"world-qs"``, ``"eche-qs"``); ``unmatched`` counts single-source ones."""

    loaded: dict[str, int]
    matched: dict[str, int]
    by_method: dict[str, int]
    unmatched: dict[str, int]
    entries: int
    ambiguous: int
    skipped: int


@dataclass(slots=True)
class MatchResult:
    entries: list[DirectoryEntry]
    ambiguous: list[AmbiguousMatch]
    skipped: list[SkippedRow]
    counts: MatchCounts


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
    words = ["university" if w in _UNIVERSITY else _SYNONYMS.get(w, w) for w in words]
    return " ".join([w for w in words if w not in _STOP_WORDS] or words)


def name_variants(name: str) -> tuple[str, ...]:
    """Normalised forms of a name: as written, and without a one-word bracketed part or a
    dashed acronym ("... (MIT)", "EPFL – École ...", "... – IMSIU"). Longer brackets such as
    "(Paris IV)" stay: they tell institutions apart."""
    bare = BRACKETS.sub(lambda m: " " if _is_tag(m.group()[1:-1]) else m.group(), name)
    forms = (name, _DASHED_ACRONYM.sub(" ", bare))
    return tuple(dict.fromkeys(v for v in map(normalise_name, forms) if v))


def _is_tag(text: str) -> bool:
    words = text.split()
    return len(words) == 1 and not _ROMAN.match(words[0].casefold()) and not text.isdigit()


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
    return {w for w in words if w.isdigit() or _ROMAN.match(w) or w in _CONTRAST}


def _agree(left: str, right: str, places: Iterable[str]) -> bool:
    """The word-by-word check of a fuzzy pair (rule 3 of the module docstring). ``places``
    are the record's own normalised city names; each is cut out of both names as a whole."""
    for place in sorted(places, key=len, reverse=True):
        left, right = (f" {text} ".replace(f" {place} ", " ").strip() for text in (left, right))
    left_words, right_words = list(dict.fromkeys(left.split())), list(dict.fromkeys(right.split()))
    if _marks(left_words) != _marks(right_words):
        return False
    rest = list(right_words)
    extra = []
    for word in left_words:
        twin = next((w for w in rest if _same_word(word, w)), None)
        extra.append((word, right_words)) if twin is None else rest.remove(twin)
    extra += [(word, left_words) for word in rest]
    return all(w in _LEGAL or _acronym_of(w, other) for w, other in extra)


def _labels(domains: Iterable[str]) -> set[str]:
    """Distinctive labels of domains: no top-level or generic label."""
    return {
        label
        for domain in domains
        for label in domain.split(".")[:-1]
        if len(label) > 1 and label not in _GENERIC_LABELS
    }


def _hosts(record: DirectoryRecord) -> set[str]:
    return ({*record.domains} | {website_host(page) for page in record.web_pages}) - {""}


def _places(record: DirectoryRecord) -> set[str]:
    """The record's city as a normalised phrase, also without postal noise ("PARIS CEDEX")."""
    city = re.sub(r"\bcedex\b|\d+", " ", BRACKETS.sub(" ", record.city), flags=re.IGNORECASE)
    return {p for p in (normalise_name(record.city), normalise_name(city)) if p}


@dataclass(slots=True)
class _Group:
    """An entry under construction."""

    key: str
    country: str
    records: list[DirectoryRecord] = field(default_factory=list)
    how: dict[str, str] = field(default_factory=dict)

    def has(self, source: str) -> bool:
        return any(r.source == source for r in self.records)


Proposal = tuple[int, str, float]  # (group, tier, score)


class _Matcher:
    """Indexes of the entries under construction, blocked by country, and the linking passes."""

    def __init__(self, *, threshold: float, margin: float) -> None:
        self.threshold, self.margin = threshold, margin
        self.groups: list[_Group] = []
        self.by_host: dict[str, set[int]] = {}
        self.by_name: dict[tuple[str, str], set[int]] = {}
        self.choices: dict[str, list[str]] = {}  # country → names, for rapidfuzz
        self.owners: dict[str, list[int]] = {}  # country → group of each name (same order)
        self.ambiguous: list[AmbiguousMatch] = []

    def add(self, record: DirectoryRecord, group: int | None = None, how: str = "seed") -> int:
        if group is None:
            self.groups.append(_Group(key=record.record_id, country=record.country))
            group = len(self.groups) - 1
        target = self.groups[group]
        target.records.append(record)
        target.how[record.record_id] = how
        for host in _hosts(record):
            self.by_host.setdefault(host, set()).add(group)
        for variant in name_variants(record.name):
            holders = self.by_name.setdefault((record.country, variant), set())
            if group not in holders:
                holders.add(group)
                self.choices.setdefault(record.country, []).append(variant)
                self.owners.setdefault(record.country, []).append(group)
        return group

    def seed(self, records: Iterable[DirectoryRecord]) -> None:
        """World records become entries; same-name twins sharing a domain label merge."""
        for record in records:
            twins = self.by_name.get((record.country, normalise_name(record.name)), set())
            labels = _labels(record.domains)
            twin = next((g for g in sorted(twins) if labels & self._labels(g)), None)
            self.add(record, twin, "seed" if twin is None else "duplicate")

    def link(self, records: list[DirectoryRecord], *, use_hosts: bool) -> None:
        """Link one source's records to entries; the rest become entries of their own."""
        claims: list[tuple[int, float, int, int]] = []  # (tier, -score, record, group)
        for number, record in enumerate(records):
            found = self._propose(record, use_hosts=use_hosts)
            if isinstance(found, AmbiguousMatch):
                self.ambiguous.append(found)
            elif found:
                claims.append((TIERS.index(found[1]), -found[2], number, found[0]))
        winners: dict[int, tuple[int, float, int]] = {}  # group → (tier, score, record)
        linked: dict[int, int] = {}  # record → group
        for tier, minus_score, number, group in sorted(claims):
            if group not in winners:
                winners[group] = (tier, -minus_score, number)
                linked[number] = group
                continue
            first_tier, first_score, first = winners[group]
            if first_tier == tier and first_score - (-minus_score) < self.margin:
                if linked.pop(first, None) is not None:  # too close: the winner loses too
                    self._conflict(records[first], group, first_score, records[number])
            self._conflict(records[number], group, -minus_score, records[first])
        tier_of = {n: TIERS[t] for t, _s, n, _g in claims}
        score_of = {n: -s for _t, s, n, _g in claims}
        for number, record in enumerate(records):
            group = linked.get(number)
            how = "seed" if group is None else tier_of[number]
            self.add(record, group, f"fuzzy {score_of[number]:.0f}" if how == "fuzzy" else how)

    def _propose(
        self, record: DirectoryRecord, *, use_hosts: bool
    ) -> Proposal | AmbiguousMatch | None:
        variants = name_variants(record.name)
        if use_hosts:
            exact, parents = self._host_groups(record)
            for tier, groups in (("domain", exact), ("subdomain", parents)):
                if free := self._free(groups, record):
                    return self._pick(record, tier, self._scores(variants, free))
        for variant in variants:
            if free := self._free(self.by_name.get((record.country, variant), ()), record):
                return self._pick(record, "name", dict.fromkeys(free, 100.0))
        return self._fuzzy(record, variants)

    def _fuzzy(
        self, record: DirectoryRecord, variants: tuple[str, ...]
    ) -> Proposal | AmbiguousMatch | None:
        choices = self.choices.get(record.country, [])
        owners = self.owners.get(record.country, [])
        scores: dict[int, float] = {}
        for variant in variants:
            # token_set_ratio retrieves names that contain the query's words (or the reverse);
            # _agree then rejects the pairs whose remaining words differ.
            hits = process.extract(
                variant, choices, scorer=fuzz.token_set_ratio, limit=25, score_cutoff=self.threshold
            )
            for choice, _score, index in hits:
                group = self.groups[owners[index]]
                if group.has(record.source):
                    continue
                if _agree(variant, choice, _places(record)):
                    score = fuzz.token_sort_ratio(variant, choice)
                    scores[owners[index]] = max(score, scores.get(owners[index], 0.0))
        return self._pick(record, "fuzzy", scores) if scores else None

    def _pick(
        self, record: DirectoryRecord, tier: str, scores: dict[int, float]
    ) -> Proposal | AmbiguousMatch:
        """The best-scoring group, unless the runner-up is within the margin."""
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - self.margin:
            candidates = tuple(self._candidate(g, s) for g, s in ranked[:3])
            return AmbiguousMatch(
                record.record_id, record.source, record.name, record.country, tier, candidates
            )
        return ranked[0][0], tier, ranked[0][1]

    def _scores(self, variants: tuple[str, ...], groups: list[int]) -> dict[int, float]:
        """Best token_sort_ratio of each group's names against the record's names."""
        return {
            g: max(
                fuzz.token_sort_ratio(v, normalise_name(r.name))
                for v in variants
                for r in self.groups[g].records
            )
            for g in groups
        }

    def _host_groups(self, record: DirectoryRecord) -> tuple[set[int], set[int]]:
        """Entries with one of the record's hosts, and entries with its nearest parent host
        ("en.uni-x.de" → "uni-x.de"); both in the record's country."""
        hosts = _hosts(record)
        exact = {g for host in hosts for g in self.by_host.get(host, ())}
        parents: set[int] = set()
        for host in hosts:
            labels = host.split(".")
            for start in range(1, len(labels) - 1):
                if found := self.by_host.get(".".join(labels[start:])):
                    parents |= found
                    break
        same = {g for g in exact | parents if self.groups[g].country == record.country}
        return exact & same, (parents - exact) & same

    def _free(self, groups: Iterable[int], record: DirectoryRecord) -> list[int]:
        """The groups that can still take a record of this source (one per source)."""
        return sorted(g for g in groups if not self.groups[g].has(record.source))

    def _labels(self, group: int) -> set[str]:
        return _labels(d for r in self.groups[group].records for d in r.domains)

    def _candidate(self, group: int, score: float) -> Candidate:
        return Candidate(
            self.groups[group].key, self.groups[group].records[0].name, round(score, 1)
        )

    def _conflict(
        self, record: DirectoryRecord, group: int, score: float, rival: DirectoryRecord
    ) -> None:
        self.ambiguous.append(
            AmbiguousMatch(
                record.record_id,
                record.source,
                record.name,
                record.country,
                "conflict",
                (self._candidate(group, score),),
                note=f"also claimed by {rival.record_id}",
            )  # fmt: skip
        )


def match(
    world: Iterable[DirectoryRecord],
    eche: Iterable[DirectoryRecord],
    qs: Iterable[DirectoryRecord],
    *,
    skipped: Iterable[SkippedRow] = (),
    threshold: float = FUZZY_THRESHOLD,
    margin: float = AMBIGUITY_MARGIN,
) -> MatchResult:
    """Merge the three lists into directory entries by the rules of the module docstring.

    ``threshold`` (0-100) is the token_set_ratio a fuzzy candidate needs to be considered;
    candidates less than ``margin`` points apart are ambiguous. ``skipped`` rows from the
    readers are passed through to the result.
    """
    lists = {WORLD: list(world), ECHE: list(eche), QS: list(qs)}
    matcher = _Matcher(threshold=threshold, margin=margin)
    matcher.seed(lists[WORLD])
    matcher.link(lists[ECHE], use_hosts=True)
    matcher.link(lists[QS], use_hosts=False)
    entries = [_entry(group) for group in matcher.groups]
    methods = Counter(h.split()[0] for e in entries for h in e.matched_by.values() if h != "seed")
    skipped = list(skipped)
    counts = MatchCounts(
        loaded={source: len(records) for source, records in lists.items()},
        matched={
            f"{a}-{b}": sum(a in e.sources and b in e.sources for e in entries) for a, b in PAIRS
        },
        by_method={tier: methods[tier] for tier in ("duplicate", *TIERS)},
        unmatched={s: sum(e.sources == [s] for e in entries) for s in SOURCES},
        entries=len(entries),
        ambiguous=len(matcher.ambiguous),
        skipped=len(skipped),
    )
    return MatchResult(entries, matcher.ambiguous, skipped, counts)


def match_files(
    world_path: str | Path,
    eche_path: str | Path,
    qs_path: str | Path,
    *,
    threshold: float = FUZZY_THRESHOLD,
    margin: float = AMBIGUITY_MARGIN,
) -> MatchResult:
    """Read the three files (ECHE as .xlsx or .csv) and :func:`match` them."""
    world, eche, qs, skipped = read_all(world_path, eche_path, qs_path)
    return match(world, eche, qs, skipped=skipped, threshold=threshold, margin=margin)


def _entry(group: _Group) -> DirectoryEntry:
    """The public entry of a group, taking each field from the best-suited source."""
    world = [r for r in group.records if r.source == WORLD]
    eche = next((r for r in group.records if r.source == ECHE), None)
    qs = next((r for r in group.records if r.source == QS), None)
    first = world[0] if world else None
    pages = [page for r in world for page in r.web_pages]
    site = eche.web_pages[0] if eche and eche.web_pages and eche.domains else ""
    rankings = [
        Ranking("QS", 2027, qs.qs_rank_text, qs.qs_rank_low, qs.qs_rank_high, qs.qs_overall_score)
    ] if qs else []  # fmt: skip
    return DirectoryEntry(
        key=group.key,
        name=(first or eche or group.records[0]).name,
        english_name=qs.name if qs else first.name if first else "",
        legal_name=eche.name if eche else "",
        country=group.country,
        city=(eche.city if eche else "") or (qs.city if qs else ""),
        state_province=first.state_province if first else "",
        # The ECHE list often omits the scheme of its websites.
        website=pages[0] if pages else site if "://" in site else f"http://{site}" if site else "",
        email_domains=list(dict.fromkeys(d for r in world for d in r.domains)),
        erasmus_code=eche.erasmus_code if eche else "",
        pic=eche.pic if eche else "",
        rankings=rankings,
        sources=[s for s in SOURCES if group.has(s)],
        record_ids=[r.record_id for r in group.records],
        matched_by=dict(group.how),
    )
