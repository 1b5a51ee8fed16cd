"""The staff figures (the dashboard and the achievements) computed at most once per change.

What is kept: the dashboard's figures, charts and map, and the achievements' values, missing
rates and sentences, each under a key made of everything they depend on — the period (its
days, its day ``on`` and its faculty: a coordinator's period always names their faculty, so
they never read figures kept for another scope), the page's language, and for the map
whether its countries link to the partners list. Every key also carries the *generation* of
the counted records (:mod:`hamkor.core.generations`): a committed save or delete of any
record the figures count moves it on, so the next request computes afresh. An hour's timeout
bounds what changes by date alone.

``?fresh=1`` from an administrator, or ``HAMKOR_FIGURES_CACHE = False``, computes without
the cache (and keeps nothing), so that a benchmark can measure the cold page.
"""

from __future__ import annotations

from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from hamkor.core import generations

NAME = "reports-figures"
TIMEOUT = 60 * 60

# The apps whose records the figures count; of ``accounts``, only the faculties (a login,
# which writes the user's row, changes no figure).
COUNTED_APPS = ("partners", "agreements", "mobility", "events", "grants", "reports")
COUNTED_MODELS = ("accounts.OrgUnit",)


def counted_models() -> list[type]:
    models = [model for label in COUNTED_APPS for model in apps.get_app_config(label).get_models()]
    return models + [apps.get_model(label) for label in COUNTED_MODELS]


def connect() -> None:
    """Called once at start-up (``ReportsConfig.ready``)."""
    generations.connect(NAME, counted_models())


def wants_fresh(request) -> bool:
    """Whether this request computes without the cache."""
    if not getattr(settings, "HAMKOR_FIGURES_CACHE", True):
        return True
    return request.GET.get("fresh") == "1" and request.user.has_perm("accounts.change_user")


def period_key(period) -> str:
    return f"{period.start}:{period.end}:{period.on}:{period.faculty_id or '-'}"


def cached(request, kind: str, period, compute: Callable[[], object], *parts: str) -> object:
    """``compute()`` for ``period``, kept until a counted record changes or an hour passes."""
    if wants_fresh(request):
        return compute()
    key = ":".join(
        (
            NAME,
            str(generations.generation(NAME)),
            kind,
            period_key(period),
            translation.get_language() or "",
            *parts,
        )
    )
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
