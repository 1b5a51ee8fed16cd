"""Named *generations*: a number in the cache that moves on whenever a record counted by
something cached changes, so that whatever was kept under the old number is never read again.

Written once for every cache of computed pages (the public site's, ``website/cache.py``; the
staff figures', ``reports/figures_cache.py``): ``connect(name, models)`` at start-up, then
``generation(name)`` in the keys. A save, a delete or a many-to-many change of one of
``models`` bumps ``name`` once the transaction commits (a rolled-back change bumps nothing;
a page made meanwhile was kept under the generation it started with, which nobody reads
after the bump). The number is a nanosecond clock, so a cache emptied and refilled never
hands out an old number again.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

_watched: dict[str, set[type]] = {}


def key(name: str) -> str:
    return f"{name}:generation"


def generation(name: str) -> int:
    value = cache.get(key(name))
    if value is None:
        cache.add(key(name), time.time_ns(), timeout=None)
        value = cache.get(key(name))
    return value


def bump(name: str) -> None:
    """Forget everything kept under ``name``'s current generation."""
    cache.set(key(name), time.time_ns(), timeout=None)


def _bump_later(name: str) -> None:
    transaction.on_commit(lambda: bump(name))


def connect(name: str, models: Iterable[type]) -> None:
    """Bump ``name`` after each committed save, delete or link change of ``models``."""
    watched = _watched.setdefault(name, set())
    for model in models:
        watched.add(model)
        uid = f"generation-{name}-{model._meta.label_lower}"
        post_save.connect(_on_change(name), sender=model, dispatch_uid=f"{uid}-save", weak=False)
        post_delete.connect(
            _on_change(name), sender=model, dispatch_uid=f"{uid}-delete", weak=False
        )
    m2m_changed.connect(_on_m2m_change(name), dispatch_uid=f"generation-{name}-m2m", weak=False)


def _on_change(name: str):
    def changed(sender, **kwargs) -> None:
        _bump_later(name)

    return changed


def _on_m2m_change(name: str):
    def changed(sender, instance, action, **kwargs) -> None:
        if action.startswith("post_") and type(instance) in _watched[name]:
            _bump_later(name)

    return changed
