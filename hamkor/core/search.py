"""Script- and apostrophe-insensitive search: one normalised text column per searchable model.

People type ``Qo'qon``, ``Qoʻqon``, ``Qo‘qon`` or ``Қўқон`` for the same city, and a
database compares characters. So each searchable model keeps ``search_text``: its names
brought to one form by :func:`search_key` (Uzbek Cyrillic transliterated to Latin,
apostrophes dropped, accents dropped, lower case), written whenever the row is saved. A
query goes through the same function and is compared with ``contains``, which behaves
alike on SQLite and PostgreSQL because both sides are already lower case.
"""

from __future__ import annotations

import unicodedata
from functools import reduce
from operator import and_

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hamkor.core.translit import APOSTROPHES, cyrillic_to_latin

# A search of more words than this is cut: each word is one more condition in the query.
MAX_SEARCH_WORDS = 8


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
