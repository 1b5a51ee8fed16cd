"""Load the matched world directory into Institutions and QS ranking entries; fetch the lists.

:func:`directory_load` writes a :class:`~hamkor.partners.directory.matching.MatchResult`:

- An entry finds its institution by directory key, then Erasmus code, then PIC, then by its
  normalised name and country among institutions typed in by hand (no directory key) when that
  pairs exactly one entry with one institution; a name shared by several is reported as
  ambiguous rather than guessed. An institution takes one entry at most. Partners left
  unlinked are reported with the entries whose names look alike, for staff to merge.
- Plain directory rows mirror the lists. Partners (any partnership but ``none``) and the home
  university keep what staff typed: the load only fills their blank fields and adds a missing
  ranking. The partnership is never changed; the kind is set on creation only (the lists do
  not tell it).
- An Erasmus code or PIC held by another institution is not taken from it (the lists do not
  overrule a record staff may have typed); the entry goes without, and the clash is reported.
- Only rows whose values differ are written, in bulk, each with one history record (reason
  ``partners.institution.directory_loaded``): a re-run on the same lists writes nothing.

The lists come from ``hamkor load-directory --from DIR`` or are fetched by
:func:`~hamkor.partners.directory.files.directory_download` from
:func:`~hamkor.partners.directory.files.directory_sources`.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django_countries import countries
from rapidfuzz import fuzz, process
from simple_history.utils import bulk_create_with_history

from hamkor.partners.directory.bulk import bulk_update as _bulk_update
from hamkor.partners.directory.bulk import execute_update as _execute_update
from hamkor.partners.directory.matching import (
    AmbiguousMatch,
    Candidate,
    DirectoryEntry,
    MatchResult,
    SkippedRow,
    city_coordinates,
    name_variants,
    normalise_name,
    website_host,
)
from hamkor.partners.models import Institution, RankingEntry

CHANGE_REASON = "partners.institution.directory_loaded"
BATCH_SIZE = 1000
LOAD = "load"  # the source named in the loader's own skipped rows and ambiguities


# The fields the lists fill in; ``kind`` is set on creation only.
LOADED_FIELDS = (
    "name", "name_en", "country", "city", "latitude", "longitude", "website", "email_domains",
    "erasmus_code", "pic", "directory_key",
)  # fmt: skip
UNIQUE_FIELDS = ("directory_key", "erasmus_code", "pic")
FOUND_BY = ("key", "erasmus_code", "pic", "name")
RANKING_FIELDS = ("rank", "rank_low", "rank_high", "score")
_MAX_LENGTHS = {
    f.name: f.max_length
    for f in Institution._meta.fields
    if f.name in LOADED_FIELDS and f.max_length
}
_url_is_valid = URLValidator()

Progress = Callable[[str], None]


@dataclass(slots=True)
class LoadSummary:
    """What a load did. ``found_by`` counts the existing institutions an entry was linked to,
    by how they were found (``key``, ``erasmus_code``, ``pic``, ``name``); ``unlisted`` counts
    institutions of an earlier load no longer in the lists (they are kept). ``ambiguous`` counts
    the matcher's ambiguities and the loader's own (``ambiguities``: names shared with several
    institutions typed in by hand). ``skipped`` holds the readers' rows and the loader's."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rankings_created: int = 0
    rankings_updated: int = 0
    rankings_unchanged: int = 0
    ambiguous: int = 0
    ambiguities: list[AmbiguousMatch] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    found_by: dict[str, int] = field(default_factory=dict)
    unlisted: int = 0
    seconds: float = 0.0


@dataclass(slots=True)
class _Plan:
    """An entry, the institution it goes to (unsaved when new), and the values it gets."""

    entry: DirectoryEntry
    instance: Institution
    values: dict[str, object]
    protected: bool


def directory_load(
    *,
    result: MatchResult,
    year: int = 2027,
    actor=None,
    progress: Progress | None = None,
) -> LoadSummary:
    """Create or update an Institution per entry of ``result`` and its QS ``year`` ranking, by
    the rules of the module docstring, in one transaction. ``actor`` is recorded in history;
    ``progress`` receives a line per phase."""
    started = time.perf_counter()
    say = progress or (lambda message: None)
    summary = LoadSummary(skipped=list(result.skipped), found_by=dict.fromkeys(FOUND_BY, 0))
    entries = _loadable(result.entries, summary)
    with transaction.atomic():
        existing = list(Institution.objects.all())
        found = _find_existing(entries, existing, summary)
        listed, linked = {"", *(e.key for e in entries)}, {i.pk for i in found.values()}
        summary.unlisted = sum(
            1 for i in existing if i.directory_key not in listed and i.pk not in linked
        )
        _look_alikes(entries, [i for i in existing if i.pk not in linked], summary)
        say(f"{len(entries)} entries: {len(found)} found among {len(existing)} institutions")
        plans = _plan(entries, found, summary)
        _resolve_clashes(plans, existing, summary)
        _write_institutions(plans, actor=actor, summary=summary, say=say)
        _write_rankings(plans, year=year, actor=actor, summary=summary, say=say)
    summary.ambiguous = len(result.ambiguous) + len(summary.ambiguities)
    summary.seconds = time.perf_counter() - started
    return summary


def _loadable(entries: list[DirectoryEntry], summary: LoadSummary) -> list[DirectoryEntry]:
    """The entries whose country the site knows (django-countries lacks Kosovo, XK, unless
    COUNTRIES_OVERRIDE adds it; a form could not save such a row)."""
    known = {code for code, _name in countries}
    loadable = []
    for entry in entries:
        if entry.country in known:
            loadable.append(entry)
        else:
            reason = f"country {entry.country} is not in the site's country list ({entry.key})"
            summary.skipped.append(SkippedRow(LOAD, 0, entry.name, reason))
    return loadable


def _normalised_code(code: str) -> str:
    """An Erasmus code as ``Institution.clean`` stores it ("D  MUNCHEN02" → "D MUNCHEN02"), so
    that a form never changes a loaded code."""
    return " ".join(code.split()).upper()


def _find_existing(
    entries: list[DirectoryEntry], existing: list[Institution], summary: LoadSummary
) -> dict[str, Institution]:
    """Entry key → the existing institution it updates; each institution is taken once."""
    found: dict[str, Institution] = {}
    taken: set[int] = set()
    codes = {
        "key": lambda item: item.directory_key if isinstance(item, Institution) else item.key,
        "erasmus_code": lambda item: _normalised_code(item.erasmus_code),
        "pic": lambda item: item.pic.strip(),
    }
    for how, code in codes.items():
        index = {code(i): i for i in existing if i.pk not in taken and code(i)}
        for entry in entries:
            institution = index.get(code(entry)) if entry.key not in found else None
            if institution is not None and institution.pk not in taken and code(entry):
                found[entry.key] = institution
                taken.add(institution.pk)
                summary.found_by[how] += 1
    hand_typed = [i for i in existing if not i.directory_key and i.pk not in taken]
    unfound = [e for e in entries if e.key not in found]
    for entry, institution in _same_names(unfound, hand_typed, summary):
        found[entry.key] = institution
        summary.found_by["name"] += 1
    return found


def _same_names(
    entries: list[DirectoryEntry], institutions: list[Institution], summary: LoadSummary
) -> list[tuple[DirectoryEntry, Institution]]:
    """Pairs of an entry and an institution typed in by hand with the same normalised name
    (any of their names) in the same country, when neither has another such partner; an entry
    with several candidates, or sharing its one, is reported as ambiguous."""
    by_name: dict[tuple[str, str], set[int]] = {}
    by_pk = {i.pk: i for i in institutions}
    for institution in institutions:
        names = (institution.name, institution.name_en, institution.name_uz, institution.name_ru)
        for variant in {v for name in names if name for v in name_variants(name)}:
            by_name.setdefault((institution.country.code, variant), set()).add(institution.pk)
    claims: dict[str, set[int]] = {}
    for entry in entries if by_name else ():
        names = (entry.name, entry.english_name, entry.legal_name)
        variants = {v for name in names if name for v in name_variants(name)}
        if pks := {pk for v in variants for pk in by_name.get((entry.country, v), ())}:
            claims[entry.key] = pks
    claimants = Counter(pk for pks in claims.values() for pk in pks)
    pairs = []
    for entry in entries:
        pks = sorted(claims.get(entry.key, ()))
        if len(pks) == 1 and claimants[pks[0]] == 1:
            pairs.append((entry, by_pk[pks[0]]))
        elif pks:
            candidates = tuple(Candidate(f"institution:{pk}", by_pk[pk].name, 100.0) for pk in pks)
            note = "same name as institutions typed in by hand, or as other entries: merge them"
            summary.ambiguities.append(
                AmbiguousMatch(
                    entry.key, LOAD, entry.name, entry.country, "existing", candidates, note
                )
            )
    return pairs


def _look_alikes(
    entries: list[DirectoryEntry], unlinked: list[Institution], summary: LoadSummary
) -> None:
    """Report the partners and the home university typed in by hand that no entry took, with
    the entries of the country whose names contain theirs or the reverse (fuzzy, never linked:
    "South Ural State University (National Research University)"), for staff to merge."""
    lonely = [
        i for i in unlinked
        if not i.directory_key and (i.is_home or i.partnership != Institution.Partnership.NONE)
    ]  # fmt: skip
    reported = {c.key for a in summary.ambiguities for c in a.candidates}
    lonely = [i for i in lonely if f"institution:{i.pk}" not in reported]
    countries_wanted = {i.country.code for i in lonely}
    choices: dict[str, tuple[list[str], list[DirectoryEntry]]] = {}
    for entry in entries:
        if entry.country in countries_wanted:
            names, owners = choices.setdefault(entry.country, ([], []))
            for name in {normalise_name(n) for n in (entry.name, entry.english_name) if n}:
                names.append(name)
                owners.append(entry)
    for institution in lonely:
        names, owners = choices.get(institution.country.code, ([], []))
        scores: dict[str, tuple[float, DirectoryEntry]] = {}
        for own in {normalise_name(n) for n in (institution.name, institution.name_en) if n}:
            hits = process.extract(own, names, scorer=fuzz.token_set_ratio, score_cutoff=90)
            for _name, score, index in hits:
                entry = owners[index]
                if score > scores.get(entry.key, (0.0, entry))[0]:
                    scores[entry.key] = (score, entry)
        if scores:
            best = sorted(scores.values(), key=lambda pair: -pair[0])[:3]
            candidates = tuple(Candidate(e.key, e.name, round(score, 1)) for score, e in best)
            note = "typed in by hand, not found in the lists by its exact name: merge if the same"
            summary.ambiguities.append(
                AmbiguousMatch(
                    f"institution:{institution.pk}", LOAD, institution.name,
                    institution.country.code, "look-alike", candidates, note,
                )
            )  # fmt: skip


def _plan(
    entries: list[DirectoryEntry], found: dict[str, Institution], summary: LoadSummary
) -> list[_Plan]:
    places: dict[tuple[str, str], tuple[float, float] | None] = {}
    plans = []
    for entry in entries:
        place = (entry.city, entry.country)
        if place not in places:
            places[place] = city_coordinates(*place) if entry.city else None
        values = _values(entry, places[place], summary)
        institution = found.get(entry.key)
        if institution is None:
            institution = Institution(kind=Institution.Kind.UNIVERSITY, **values)
            plans.append(_Plan(entry, institution, values, protected=False))
            continue
        protected = institution.is_home or (institution.partnership != Institution.Partnership.NONE)
        if protected:
            values = _blanks_filled(institution, values)
        plans.append(_Plan(entry, institution, values, protected))
    return plans


def _values(
    entry: DirectoryEntry, point: tuple[float, float] | None, summary: LoadSummary
) -> dict[str, object]:
    website = _valid_website(entry.website)
    if entry.website and not website:
        reason = f"web site {entry.website!r} is not a valid address; left blank ({entry.key})"
        summary.skipped.append(SkippedRow(LOAD, 0, entry.name, reason))
    domains, length = [], 0
    for domain in entry.email_domains:  # whole domains only, within the column's length
        length += len(domain) + bool(domains)
        if length > _MAX_LENGTHS["email_domains"]:
            break
        domains.append(domain)
    # About half of the ECHE cities are in capitals ("MUENCHEN").
    city = entry.city.title() if entry.city.isupper() else entry.city
    values: dict[str, object] = {
        "name": entry.name,
        "name_en": entry.english_name,
        "country": entry.country,
        "city": city,
        "latitude": point[0] if point else None,
        "longitude": point[1] if point else None,
        "website": website,
        "email_domains": " ".join(domains),
        "erasmus_code": _normalised_code(entry.erasmus_code),
        "pic": entry.pic.strip(),
        "directory_key": entry.key,
    }
    for name, limit in _MAX_LENGTHS.items():
        if isinstance(values[name], str):
            values[name] = values[name][:limit]
    return values


def _valid_website(url: str) -> str:
    """The URL if a form would accept it, else its host repaired (the ECHE list has typing
    slips such as "http://www. x.es"), else ""."""
    if not url:
        return ""
    try:
        _url_is_valid(url)
    except ValidationError:
        host = website_host(url)
        url = f"http://{host}" if host else ""
        try:
            _url_is_valid(url)
        except ValidationError:
            return ""
    return url if len(url) <= _MAX_LENGTHS["website"] else ""


def _blanks_filled(institution: Institution, values: dict[str, object]) -> dict[str, object]:
    """The values of a partner or the home university: what it has, its blanks filled. The
    directory key is the load's own link, not something staff typed, so it is always set."""
    kept = {name: _current(institution, name) for name in LOADED_FIELDS}
    for name in LOADED_FIELDS:
        if name not in ("latitude", "longitude") and kept[name] in ("", None):
            kept[name] = values[name]
    if institution.latitude is None and institution.longitude is None:
        kept["latitude"], kept["longitude"] = values["latitude"], values["longitude"]
    kept["directory_key"] = values["directory_key"]
    return kept


def _current(institution: Institution, name: str) -> object:
    value = getattr(institution, name)
    return value.code if name == "country" else value


def _resolve_clashes(plans: list[_Plan], existing: list[Institution], summary: LoadSummary):
    """Keep the unique identifiers unique: a value another institution holds, and keeps, stays
    with it; the claimant keeps its own value (nothing, when new) and the clash is reported.
    Reverting a claim can clash in turn, hence the loop (each pass reverts at least one)."""
    planned = {id(p.instance): p for p in plans}
    while True:
        holders: dict[tuple[str, str], list[Institution]] = {}
        for institution in existing:
            plan = planned.get(id(institution))
            for name in UNIQUE_FIELDS:
                value = plan.values[name] if plan else getattr(institution, name)
                if value:
                    holders.setdefault((name, value), []).append(institution)
        for plan in plans:
            if plan.instance.pk is None:
                for name in UNIQUE_FIELDS:
                    if value := plan.values[name]:
                        holders.setdefault((name, value), []).append(plan.instance)
        clashes = {key: rows for key, rows in holders.items() if len(rows) > 1}
        if not clashes:
            return
        for (name, value), rows in clashes.items():
            keeper = next((r for r in rows if r.pk and getattr(r, name) == value), rows[0])
            for row in rows:
                plan = planned.get(id(row))
                if row is keeper or plan is None:
                    continue
                plan.values[name] = getattr(row, name) if row.pk else ""
                reason = (
                    f"{Institution._meta.get_field(name).verbose_name} {value} is held by "
                    f"institution #{keeper.pk or 'new'} {keeper.name!r}; not set on "
                    f"{plan.entry.key} (merge them if they are one institution)"
                )
                summary.skipped.append(SkippedRow(LOAD, 0, plan.entry.name, reason))


def _write_institutions(plans: list[_Plan], *, actor, summary: LoadSummary, say: Progress) -> None:
    now = timezone.now()
    new = [p.instance for p in plans if p.instance.pk is None]
    for plan in plans:
        if plan.instance.pk is None:
            for name, value in plan.values.items():
                setattr(plan.instance, name, value)
            plan.instance.refresh_search_text()  # bulk_create skips save()
    changes: dict[frozenset[str], list[Institution]] = {}
    releases: dict[str, list[Institution]] = {}
    for plan in plans:
        institution = plan.instance
        if institution.pk is None:
            continue
        changed = frozenset(n for n in LOADED_FIELDS if _current(institution, n) != plan.values[n])
        if not changed:
            summary.unchanged += 1
            continue
        for name in changed & set(UNIQUE_FIELDS):
            if getattr(institution, name):
                releases.setdefault(name, []).append(institution)
        for name in changed:
            setattr(institution, name, plan.values[name])
        before = institution.search_text
        institution.refresh_search_text()  # the bulk update skips save()
        if institution.search_text != before:
            changed |= {"search_text"}
        institution.version += 1
        institution.updated_at = now
        changes.setdefault(changed, []).append(institution)
    # An identifier passed from one row to another must be let go of first: the databases
    # check unique constraints row by row. The final values are written (with history) next.
    for name, rows in releases.items():
        _execute_update(Institution, [name], [(row.pk, [""]) for row in rows])
    for fields, rows in changes.items():
        _bulk_update(
            rows,
            [*sorted(fields), "updated_at", "version"],
            actor=actor,
            now=now,
            reason=CHANGE_REASON,
        )
        summary.updated += len(rows)
    say(f"institutions: {summary.updated} updated, {summary.unchanged} unchanged")
    bulk_create_with_history(
        new, Institution, batch_size=BATCH_SIZE, default_user=actor,
        default_change_reason=CHANGE_REASON, default_date=now,
    )  # fmt: skip
    summary.created = len(new)
    say(f"institutions: {summary.created} created")


def _write_rankings(
    plans: list[_Plan], *, year: int, actor, summary: LoadSummary, say: Progress
) -> None:
    now = timezone.now()
    ranked = [(p, r) for p in plans for r in p.entry.rankings if r.system == "QS"]
    stored = {
        r.institution_id: r
        for r in RankingEntry.objects.filter(ranking=RankingEntry.Ranking.QS_WORLD, year=year)
    }
    new, changed = [], []
    for plan, ranking in ranked:
        if ranking.rank_low is None:
            reason = f"QS rank {ranking.rank_text!r} has no number ({plan.entry.key})"
            summary.skipped.append(SkippedRow(LOAD, 0, plan.entry.name, reason))
            continue
        values = {
            "rank": ranking.rank_text[:20],
            "rank_low": ranking.rank_low,
            "rank_high": ranking.rank_high,
            "score": None
            if ranking.overall_score is None
            else Decimal(f"{ranking.overall_score:.1f}"),
        }
        entry = stored.get(plan.instance.pk)
        if entry is None:
            new.append(
                RankingEntry(institution=plan.instance, ranking=RankingEntry.Ranking.QS_WORLD,
                             year=year, **values)
            )  # fmt: skip
        elif plan.protected or all(getattr(entry, n) == v for n, v in values.items()):
            summary.rankings_unchanged += 1
        else:
            for name, value in values.items():
                setattr(entry, name, value)
            entry.version += 1
            entry.updated_at = now
            changed.append(entry)
    _bulk_update(
        changed,
        [*RANKING_FIELDS, "updated_at", "version"],
        actor=actor,
        now=now,
        reason=CHANGE_REASON,
    )
    bulk_create_with_history(
        new, RankingEntry, batch_size=BATCH_SIZE, default_user=actor,
        default_change_reason=CHANGE_REASON, default_date=now,
    )  # fmt: skip
    summary.rankings_created, summary.rankings_updated = len(new), len(changed)
    say(f"QS {year}: {len(new)} ranking entries created, {len(changed)} updated")
