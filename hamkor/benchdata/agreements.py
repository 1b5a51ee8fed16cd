"""Agreements with the partners: their parties and quotas, signed over ten years.

Most are signed (active, expired at the end of their term, a few terminated early); some are
still drafts, under negotiation or awaiting signature. Each has one partner party (a tenth a
second one) and one to three quotas over the years it runs. References are ``B-`` and the
kind's prefix, year and number (``B-MOU-2019-00042``): the ``B-`` tells the generated ones
from the office's own, and keeps them clear of the numbers the service gives.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from hamkor.agreements.models import Agreement, AgreementParty, MobilityQuota
from hamkor.benchdata.base import YEARS, Plan, insert, write
from hamkor.core.transitions import status_set_initial

PREFIX = "B-"
UNSIGNED = (
    Agreement.Status.DRAFT,
    Agreement.Status.NEGOTIATION,
    Agreement.Status.AWAITING_SIGNATURE,
)
LANGUAGES = ("en", "en", "ru", "tr", "de", "ko")
PARTNER_SIGNATORIES = (
    "Prof. Anna Kowalska", "Prof. Mehmet Yılmaz", "Prof. Elena Petrova", "Prof. Jonas Schmidt",
    "Prof. Lee Ji-woo", "Prof. Giulia Romano", "Prof. Wang Fang", "Prof. Saule Akhmetova",
)  # fmt: skip
SIGNATORIES = ("Rector", "Vice-Rector for International Affairs", "President", "Dean")


def generated():
    return Agreement.objects.filter(reference__startswith=PREFIX)


def load(plan: Plan) -> int:
    existing = generated().count()
    missing = plan.sizes["agreements"] - existing
    if missing > 0:
        rng = plan.rng("agreements", existing)
        partners = plan.shared["partners"]

        def children(created):
            parties, quotas = [], []
            for agreement in created:
                parties.extend(_parties(agreement))
                quotas.extend(_quotas(rng, agreement, plan.today))
            write(AgreementParty, parties)
            write(MobilityQuota, quotas)

        rows = (
            _agreement(plan, rng, n, partners) for n in range(existing + 1, existing + missing + 1)
        )
        insert(Agreement, rows, after=children)
    plan.shared["agreements_by_partner"] = _by_partner()
    return max(missing, 0)


def _agreement(plan: Plan, rng, n: int, partners) -> Agreement:
    today = plan.today
    kind = rng.choice(Agreement.Kind.values)
    chosen = rng.sample(partners, 2 if rng.random() < 0.1 and len(partners) > 1 else 1)
    signed = today - datetime.timedelta(days=rng.randint(0, 365 * YEARS))
    years = rng.choice((3, 5, 5, 10))
    agreement = Agreement(
        reference=f"{PREFIX}{Agreement.PREFIXES[kind]}-{signed.year}-{n:05d}",
        kind=kind,
        title=f"{Agreement.Kind(kind).label} with {chosen[0].name}"[:300],
        auto_renewal=rng.random() < 0.2,
        notice_period_days=rng.choice((None, 90, 180)),
        home_signatory=rng.choice(SIGNATORIES),
        public=rng.random() < 0.3,
    )
    draw = rng.random()
    if draw < 0.06:
        status_set_initial(agreement, rng.choice(UNSIGNED))
    else:
        agreement.signed_on = agreement.valid_from = signed
        agreement.valid_to = signed.replace(year=signed.year + years, day=min(signed.day, 28))
        if draw < 0.1 and agreement.valid_to > today:
            status_set_initial(agreement, Agreement.Status.TERMINATED)
            agreement.terminated_on = plan.day_in(rng, signed, today)
            agreement.termination_reason = "Ended by mutual consent"
        elif agreement.valid_to >= today:
            status_set_initial(agreement, Agreement.Status.ACTIVE)
        else:
            status_set_initial(agreement, Agreement.Status.EXPIRED)
    agreement.refresh_search_text()  # bulk_create skips save(), which fills it
    agreement.bench_partners = chosen  # its parties, written once it has its key
    return agreement


def _parties(agreement) -> list[AgreementParty]:
    return [
        AgreementParty(
            agreement=agreement,
            institution=institution,
            signatory=PARTNER_SIGNATORIES[(agreement.pk + k) % len(PARTNER_SIGNATORIES)],
            signatory_title="Rector",
        )
        for k, institution in enumerate(agreement.bench_partners)
    ]


def _quotas(rng, agreement: Agreement, today: datetime.date) -> list[MobilityQuota]:
    start = agreement.valid_from or today
    end = agreement.valid_to or start.replace(year=start.year + 5, day=min(start.day, 28))
    quotas = []
    for kind in rng.sample(MobilityQuota.MobilityKind.values, rng.randint(1, 3)):
        student = kind.startswith("student")
        quotas.append(
            MobilityQuota(
                agreement=agreement,
                direction=rng.choice(MobilityQuota.Direction.values),
                mobility_kind=kind,
                places_per_year=rng.randint(1, 6),
                months=Decimal(rng.choice((5, 5, 10))) if student else None,
                days=None if student else rng.choice((5, 7, 10)),
                eqf_level=rng.choice((6, 7)) if student else None,
                first_year=start.year,
                last_year=max(end.year - 1, start.year),
                language=rng.choice(LANGUAGES),
                cefr_level="B1" if student else "",
            )
        )
    return quotas


def _by_partner() -> dict[int, list[tuple[int, datetime.date | None, datetime.date | None]]]:
    """Each partner's signed agreements (key, valid from, valid to): what a mobility names."""
    by_partner: dict[int, list] = {}
    rows = AgreementParty.objects.filter(agreement__status__in=Agreement.SIGNED).values_list(
        "institution_id", "agreement_id", "agreement__valid_from", "agreement__valid_to"
    )
    for institution, agreement, valid_from, valid_to in rows.order_by("pk"):
        by_partner.setdefault(institution, []).append((agreement, valid_from, valid_to))
    return by_partner
