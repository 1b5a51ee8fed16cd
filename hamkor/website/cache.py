"""What the public site keeps in the cache, and when it forgets it.

Every cached piece of the public site (a whole anonymous page, the achievements block) is
stored under the site's current *generation* (:mod:`hamkor.core.generations`). A change to
any record the site shows moves the generation on, once the change is committed, so the next
visitor gets fresh figures; the timeout makes sure nothing is older than an hour (records can
also change by date alone: an agreement expires, a mobility ends).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.apps import apps
from django.core.cache import cache

from hamkor.core import generations

TIMEOUT = 60 * 60
NAME = "website"
# Read with a kept page in one round trip by the fast path (hamkor/website/fastpath.py).
GENERATION_KEY = generations.key(NAME)

# The apps whose records the public site shows, directly or through the achievements.
SHOWN_APPS = (
    "partners",
    "agreements",
    "mobility",
    "events",
    "grants",
    "reports",
    "website",
    "calls",
)


def generation() -> int:
    return generations.generation(NAME)


def bump() -> None:
    """Forget everything cached for the public site."""
    generations.bump(NAME)


def cached(key: str, compute: Callable[[], object]) -> object:
    """``compute()``, kept under ``key`` until the site's records change or an hour passes."""
    return cache.get_or_set(f"website:{generation()}:{key}", compute, TIMEOUT)


def page_key(host: str, path: str) -> str:
    """The key of a whole public page under the current generation. Taken before the page is
    made: a change committed meanwhile leaves that page under a generation nobody reads. The
    host is part of it: a page's absolute links (canonical, other languages) name it."""
    address = f"{host}{path}"
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"website:{generation()}:page:{digest}"


def connect() -> None:
    """Called once at start-up: any save or delete in a shown app forgets the cached site."""
    generations.connect(
        NAME, [model for label in SHOWN_APPS for model in apps.get_app_config(label).get_models()]
    )
