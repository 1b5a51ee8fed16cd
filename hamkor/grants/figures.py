"""The department page's grant figure, computed from the records for any period.

"In 2022-2024, participation in more than 10 grant projects brought in $200,000": the money
is the sum of the receipts (money that actually arrived, not budgets or our share) dated in
the period, both days included, each converted to US dollars at the Central Bank rates of the
day it arrived (:func:`hamkor.grants.money.selectors.receipts_converted`). The number of
projects counts the funded projects (approved, running, final report submitted, closed)
active in the period: their dates overlap it (a project without an end date runs on; one
without a start date counts when it received money in the period).

A receipt whose day lacks a rate is not guessed: it stays out of the sum and
``grant_money_missing_rates`` names the rates to enter, so the figure is known to be short.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Q, QuerySet

from hamkor.accounts.faculties import in_faculty
from hamkor.grants.models import Project, Receipt
from hamkor.grants.money.selectors import receipts_converted

# Names of the figures for the demo summary, in English like the rest of its output.
LABELS = {
    "grant_money_usd": "US dollars received from grant projects",
    "grant_projects": "grant projects active",
}


def receipts_in(
    *, start: datetime.date, end: datetime.date, faculty: int | None = None
) -> QuerySet[Receipt]:
    """Receipts of funded projects dated from ``start`` to ``end``, both days included; with
    ``faculty`` (an OrgUnit's id), of that faculty's projects."""
    if end < start:
        raise ValueError("The period ends before it starts.")
    receipts = Receipt.objects.filter(
        received_on__gte=start, received_on__lte=end, project__status__in=Project.FUNDED
    )
    return receipts if faculty is None else receipts.filter(in_faculty("project__faculty", faculty))


def projects_active(
    *, start: datetime.date, end: datetime.date, faculty: int | None = None
) -> QuerySet[Project]:
    """Funded projects whose dates overlap the period (see the module's rules)."""
    receipts = receipts_in(start=start, end=end, faculty=faculty)
    active = Project.objects.filter(status__in=Project.FUNDED).filter(
        Q(starts_on__lte=end, starts_on__isnull=False)
        & (Q(ends_on__isnull=True) | Q(ends_on__gte=start))
        | Q(starts_on__isnull=True, receipts__in=receipts)
    )
    if faculty is not None:
        active = active.filter(in_faculty("faculty", faculty))
    return active.distinct()


def grant_figures(
    *, start: datetime.date, end: datetime.date, faculty: int | None = None
) -> dict[str, object]:
    """``grant_money_usd`` (a Decimal, to the cent), ``grant_projects`` (an int) and
    ``grant_money_missing_rates`` (the (currency, day) pairs the sum lacks) for the period
    ``start`` – ``end``: three queries (receipts, their days' rates, the projects), whatever
    the number of receipts."""
    money = receipts_converted(receipts_in(start=start, end=end, faculty=faculty), "USD")
    return {
        "grant_money_usd": money.total.quantize(Decimal("0.01")),
        "grant_projects": projects_active(start=start, end=end, faculty=faculty).count(),
        "grant_money_missing_rates": [
            (m.currency, m.date) for m in sorted(money.missing, key=lambda m: (m.date, m.currency))
        ],
    }
