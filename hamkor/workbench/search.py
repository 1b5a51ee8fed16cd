"""The global search of the top bar: institutions, agreements, people and mobilities at once.

Each kind is searched by its own list's FilterSet with ``q`` (and nothing else), on the
rows ``restrict(user, "view")`` lets the user see. So "see all N" opens the list showing
exactly those N rows, the script- and apostrophe-insensitive matching is the list's own
(``search_text``, see :mod:`hamkor.core.search`), and a passport number finds a person only
for a user who may read personal data, as on the people list.

On PostgreSQL the list's search also finds near misses (a typo), and the rows shown are the
best matches first (:func:`hamkor.core.search.search_rank`: full-text rank and trigram word
similarity); institutions keep partners before the directory. On SQLite the rows keep
each list's own order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Case, F, IntegerField, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from hamkor.agreements.filters import AgreementFilterSet
from hamkor.agreements.models import Agreement
from hamkor.core.search import search_rank, search_words
from hamkor.mobility.filters import MobilityFilterSet, PersonFilterSet
from hamkor.mobility.models import Mobility, Person
from hamkor.partners.filters import InstitutionFilterSet
from hamkor.partners.models import Institution

GROUP_SIZE = 5


@dataclass
class SearchGroup:
    """One kind of record found: the first few rows, how many in all, the list showing all."""

    key: str
    label: str
    rows: list = field(default_factory=list)
    total: int = 0
    list_url: str = ""


def _institutions(queryset, best_first):
    # Partners first: the office looks for the institutions it works with; then the directory.
    not_partner = Case(
        When(partnership=Institution.Partnership.NONE, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    return queryset.order_by(not_partner, *best_first, "name")


def _in_list_order(queryset, best_first):
    return queryset.order_by(*best_first, *queryset.model._meta.ordering)


def _mobilities(queryset, best_first):
    return _in_list_order(queryset, best_first).select_related(
        "person", "sending_institution", "receiving_institution"
    )


# key, label, model, FilterSet, fixed list parameters, the search_text columns a row is
# ranked by, how to order (after the rank, if any) and load the shown rows
KINDS = (
    (
        "institutions",
        _("Institutions"),
        Institution,
        InstitutionFilterSet,
        {"show": InstitutionFilterSet.DIRECTORY},
        ("search_text",),
        _institutions,
    ),
    (
        "agreements",
        _("Agreements"),
        Agreement,
        AgreementFilterSet,
        {},
        ("search_text",),
        _in_list_order,
    ),
    ("people", _("People"), Person, PersonFilterSet, {}, ("search_text",), _in_list_order),
    (
        "mobilities",
        _("Mobilities"),
        Mobility,
        MobilityFilterSet,
        {},
        (
            "person__search_text",
            "receiving_institution__search_text",
            "sending_institution__search_text",
        ),
        _mobilities,
    ),
)


def global_search(*, request, query: str, limit: int = GROUP_SIZE) -> list[SearchGroup]:
    """The kinds the user may read that have rows matching ``query``, ``limit`` rows each.

    ``request`` is needed because the FilterSets read the user from it (the passport rule).
    An empty query, or one with nothing to search by (only apostrophes), finds nothing.
    """
    user = request.user
    if not search_words(query):
        return []
    groups = []
    for key, label, model, filterset_class, fixed, rank_fields, load in KINDS:
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.view_{opts.model_name}"):
            continue
        params = {**fixed, "q": query}
        filterset = filterset_class(
            params, queryset=model.objects.restrict(user, "view"), request=request
        )
        if not filterset.is_valid():
            continue
        found = filterset.qs
        total = found.count()
        if not total:
            continue
        groups.append(
            SearchGroup(
                key=key,
                label=label,
                rows=list(_load(found, query, rank_fields, load)[:limit]),
                total=total,
                list_url=f"{reverse(f'{opts.app_label}:{opts.model_name}_list')}?"
                f"{urlencode(params)}",
            )
        )
    return groups


def _load(found, query: str, rank_fields, load):
    """The rows found, best matches first where the database ranks them (PostgreSQL)."""
    rank = search_rank(query, *rank_fields)
    if rank is None:
        return load(found, ())
    return load(found.alias(search_rank=rank), (F("search_rank").desc(),))
