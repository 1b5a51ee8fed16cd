"""Script- and apostrophe-insensitive search: one normalised text column per searchable model.

People type ``Qo'qon``, ``Qoʻqon``, ``Qo‘qon`` or ``Қўқон`` for the same city, and a
database compares characters. So each searchable model keeps ``search_text``: its names
brought to one form by :func:`search_key` (Uzbek Cyrillic transliterated to Latin,
apostrophes dropped, accents dropped, lower case), written whenever the row is saved. A
query goes through the same function and is compared with ``contains``, which behaves
alike on SQLite and PostgreSQL because both sides are already lower case.

On PostgreSQL a word of :data:`NEAR_MISS_MIN_LENGTH` letters or more also finds the rows
holding a word close to it (``Tashknet`` finds ``Tashkent``): pg_trgm's word similarity
(``word %> search_text``), at the threshold the connection sets
(``pg_trgm.word_similarity_threshold``, see settings). Both conditions are served by the
column's trigram GIN index (:mod:`hamkor.core.trigram`). :func:`search_rank` orders what
was found, best first. SQLite keeps the ``contains`` search alone (docs/search.md).
"""

from __future__ import annotations

import unicodedata
from functools import reduce
from operator import and_

from django.contrib.postgres.lookups import TrigramWordSimilar
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    TrigramWordSimilarity,
)
from django.db import connection, models
from django.db.models import Q
from django.db.models.functions import Greatest
from django.utils.translation import gettext_lazy as _

from hamkor.core.translit import APOSTROPHES, cyrillic_to_latin

# A search of more words than this is cut: each word is one more condition in the query.
MAX_SEARCH_WORDS = 8

# Shorter words find only themselves: one wrong letter in four is another word, not a typo.
NEAR_MISS_MIN_LENGTH = 5
# The word similarity a near miss needs is the connection's pg_trgm.word_similarity_threshold,
# 0.5 in settings (pg_trgm's default, 0.6, misses "Tashknet" for "Tashkent": 0.56).

# ``search_text__trigram_word_similar``: the one lookup of django.contrib.postgres the search
# needs, registered alone rather than installing the app (used on PostgreSQL only).
models.TextField.register_lookup(TrigramWordSimilar)


def search_key(*parts: str | None) -> str:
    """The comparable form of ``parts``: Latin script, no apostrophes or accents, lower case.

    ``search_key("Қўқон")``, ``search_key("Qo'qon")`` and ``search_key("QOʻQON")`` are all
    ``"qoqon"``; ``search_key("Universität")`` is ``"universitat"``. Cyrillic is read as
    Uzbek Cyrillic, which also gives the usual Latin spelling of most Russian names.
    """
    text = unicodedata.normalize("NFC", " ".join(part for part in parts if part))
    # Transliterate before dropping accents: й and ў are a letter and a breve in NFKD.
    text = unicodedata.normalize("NFKD", cyrillic_to_latin(text))
    text = "".join(
        char for char in text if char not in APOSTROPHES and not unicodedata.combining(char)
    )
    return " ".join(text.casefold().split())


def search_words(query: str) -> list[str]:
    """The normalised words of a typed query, at most :data:`MAX_SEARCH_WORDS` of them."""
    return search_key(query).split()[:MAX_SEARCH_WORDS]


def search_q(words: list[str], field: str = "search_text") -> Q:
    """Every word appears in ``field`` (a ``search_text`` column, possibly across a join)."""
    return reduce(and_, (Q(**{f"{field}__contains": word}) for word in words), Q())


def near_misses() -> bool:
    """Whether the database finds near misses (PostgreSQL with pg_trgm), not SQLite."""
    return connection.vendor == "postgresql"


def near_miss_lookups(fields, key: str) -> list[tuple[str, str]]:
    """``(path, value)`` lookups under which a ``search_text`` in ``fields`` holds a word close
    to the normalised word ``key``: none on SQLite or for a short word."""
    if not near_misses() or len(key) < NEAR_MISS_MIN_LENGTH:
        return []
    return [(f"{field}__trigram_word_similar", key) for field in fields]


def search_rank(query: str, *fields: str):
    """How well a row matches ``query`` on PostgreSQL, higher is better; None on SQLite.

    Full-text rank (``simple`` configuration: the words as typed, normalised, no stemming)
    of the ``search_text`` columns ``fields`` plus the trigram word similarity of the query,
    so that whole words outrank a word found inside another and the closer of two near
    misses comes first; the best of the fields when there are several (a mobility's person and
    institutions).
    """
    key = " ".join(search_words(query))
    if not near_misses() or not key:
        return None
    terms = SearchQuery(key, config="simple")
    ranks = [
        SearchRank(SearchVector(field, config="simple"), terms) + TrigramWordSimilarity(key, field)
        for field in fields
    ]
    return ranks[0] if len(ranks) == 1 else Greatest(*ranks)


class SearchableModel(models.Model):
    """Keeps ``search_text`` up to date from :meth:`search_parts` on every save.

    The column is derived data, like an index: it carries no rule of its own, so it is
    written in ``save()`` where no write path (services, imports, demo data) can miss it.
    Bulk writers that skip ``save()`` must call :meth:`refresh_search_text` themselves.
    """

    search_text = models.TextField(_("search text"), blank=True, default="", editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}
        super().save(*args, **kwargs)

    def search_parts(self) -> list[str]:
        """The texts a person may search this row by (names in every script, codes)."""
        return [str(self)]

    def refresh_search_text(self) -> None:
        self.search_text = search_key(*self.search_parts())


def fill_search_text(model, fields: list[str], batch_size: int = 2000) -> None:
    """Write ``search_text`` of every row of ``model`` from ``fields``.

    For data migrations, which see historical models without :meth:`search_parts`; the
    fields given must be the ones ``search_parts`` reads.
    """
    batch = []
    for row in model._base_manager.only("pk", *fields).iterator(chunk_size=batch_size):
        row.search_text = search_key(*(getattr(row, name) for name in fields))
        batch.append(row)
        if len(batch) >= batch_size:
            model._base_manager.bulk_update(batch, ["search_text"])
            batch = []
    model._base_manager.bulk_update(batch, ["search_text"])
