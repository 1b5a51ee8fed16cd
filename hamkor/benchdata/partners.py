"""Partner institutions: universities of the world directory made partners, else generated.

With the directory loaded (``hamkor load-directory --from DIR``) the partners are real
universities drawn from it; without it they are "Bench University N" in the countries the
office works with, a QS rank for most. The partnership is active for most, dormant, a
prospect or ended for the rest. Every later step reads the partners from ``plan.shared``.
"""

from __future__ import annotations

from hamkor.benchdata.base import Plan, insert, write
from hamkor.partners.models import Institution, RankingEntry

# Countries of the generated partners, the office's usual ones first (weights).
COUNTRIES = {
    "TR": 8, "KR": 7, "RU": 7, "KZ": 6, "DE": 6, "CN": 5, "PL": 4, "IT": 4, "FR": 3, "GB": 3,
    "JP": 3, "IN": 3, "LV": 2, "LT": 2, "CZ": 2, "ES": 2, "HU": 2, "KG": 2, "TJ": 2, "MY": 2,
    "US": 2, "BY": 1, "AZ": 1, "NL": 1, "BE": 1, "AT": 1, "FI": 1, "RO": 1,
}  # fmt: skip
CITIES = {"TR": "Ankara", "KR": "Seoul", "RU": "Kazan", "KZ": "Almaty", "DE": "Leipzig"}
PARTNERSHIP = (
    (Institution.Partnership.ACTIVE, 0.8),
    (Institution.Partnership.DORMANT, 0.1),
    (Institution.Partnership.PROSPECT, 0.05),
    (Institution.Partnership.ENDED, 0.05),
)
QS_EDITION = 2027


def partnership(rng) -> str:
    draw, total = rng.random(), 0.0
    for value, share in PARTNERSHIP:
        total += share
        if draw < total:
            return value
    return Institution.Partnership.ACTIVE


def load(plan: Plan) -> int:
    target = plan.sizes["partners"]
    existing = Institution.objects.partners().count()
    missing = target - existing
    rng = plan.rng("partners", existing)
    added = 0
    if missing > 0:
        pool = list(
            Institution.objects.filter(
                is_home=False,
                partnership=Institution.Partnership.NONE,
                kind=Institution.Kind.UNIVERSITY,
            )
            .exclude(directory_key="")
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        chosen = sorted(rng.sample(pool, min(missing, len(pool))))
        by_status: dict[str, list[int]] = {}
        for pk in chosen:
            by_status.setdefault(partnership(rng), []).append(pk)
        for status, pks in by_status.items():
            for start in range(0, len(pks), 1000):
                Institution.objects.filter(pk__in=pks[start : start + 1000]).update(
                    partnership=status
                )
        added += len(chosen)
        missing -= len(chosen)
    if missing > 0:
        added += _generated(plan, rng, missing)
    home = Institution.objects.get(is_home=True)
    plan.shared["home"] = home
    plan.shared["partners"] = list(
        Institution.objects.partners().order_by("pk").only("pk", "name", "country", "city")
    )
    return added


def _generated(plan: Plan, rng, count: int) -> int:
    start = Institution.objects.filter(name__startswith="Bench University ").count()
    countries = list(COUNTRIES)
    weights = list(COUNTRIES.values())

    def rows():
        for n in range(start + 1, start + count + 1):
            country = rng.choices(countries, weights)[0]
            institution = Institution(
                name=f"Bench University {n}",
                name_en=f"Bench University {n}",
                acronym=f"BU{n}",
                country=country,
                city=CITIES.get(country, ""),
                website=f"https://university{n}.{country.lower()}.bench.example",
                partnership=partnership(rng),
            )
            institution.refresh_search_text()  # bulk_create skips save(), which fills it
            yield institution

    def rankings(created):
        write(
            RankingEntry,
            (
                RankingEntry(
                    institution=institution,
                    ranking=RankingEntry.Ranking.QS_WORLD,
                    year=QS_EDITION,
                    rank=str(rank),
                    rank_low=rank,
                )
                for institution in created
                if (rank := rng.randint(1, 2500)) <= 1500
            ),
        )

    return insert(Institution, rows(), after=rankings)
