"""Reads about agreements: utilisation of quotas, expiring agreements, figures."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from hamkor.agreements.models import Agreement, MobilityQuota


@dataclass(frozen=True)
class UtilisationRow:
    year: int  # the academic year starting in this calendar year
    quota: MobilityQuota
    places: int
    realised: int

    @property
    def percent(self) -> int:
        return round(100 * self.realised / self.places) if self.places else 0


def realised_mobilities(agreement: Agreement) -> dict[tuple[int, str, str], int]:
    """Mobilities carried out under ``agreement``, by (academic year, direction, kind).

    Until the mobility register exists no mobility can be counted; the mobility app will
    answer here, and the utilisation column already reads this function.
    """
    from django.apps import apps

    if not apps.is_installed("hamkor.mobility"):
        return {}
    from hamkor.mobility.selectors import mobility_counts_for_agreement

    return mobility_counts_for_agreement(agreement)


def realised_mobilities_bulk(agreement_ids: list[int]) -> dict[int, dict]:
    """``realised_mobilities`` of many agreements in one query, for the list's column.

    It counts as ``hamkor.mobility.selectors.mobility_counts_for_agreement`` does (a test
    holds the two alike): mobilities in progress or completed, by academic year,
    direction and quota kind, a research visit counting as staff training.
    """
    from django.apps import apps

    if not agreement_ids or not apps.is_installed("hamkor.mobility"):
        return {}
    from hamkor.mobility.models import Mobility

    kinds = {Mobility.Kind.RESEARCH: Mobility.Kind.STAFF_TRAINING}
    counts: dict[int, Counter] = defaultdict(Counter)
    for mobility in Mobility.objects.filter(agreement__in=agreement_ids).counted():
        key = (mobility.academic_year, mobility.direction, kinds.get(mobility.kind, mobility.kind))
        counts[mobility.agreement_id][key] += 1
    return {pk: dict(counter) for pk, counter in counts.items()}


def agreement_utilisation(
    agreement: Agreement, *, realised: dict | None = None
) -> list[UtilisationRow]:
    """For each quota and academic year, places offered against mobilities realised.

    ``realised`` (from :func:`realised_mobilities_bulk`) spares the query of a list's row.
    """
    if realised is None:
        realised = realised_mobilities(agreement)
    rows = []
    for quota in agreement.quotas.all():
        for year in quota.academic_years:
            rows.append(
                UtilisationRow(
                    year=year,
                    quota=quota,
                    places=quota.places_per_year,
                    realised=realised.get((year, quota.direction, quota.mobility_kind), 0),
                )
            )
    return sorted(rows, key=lambda row: (row.year, row.quota.direction))


def agreement_utilisation_total(
    agreement: Agreement, *, realised: dict | None = None
) -> tuple[int, int]:
    """(realised, places) over every year and quota of ``agreement``."""
    rows = agreement_utilisation(agreement, realised=realised)
    return sum(r.realised for r in rows), sum(r.places for r in rows)


TRANSITION_NAMES = ("negotiate", "send_for_signature", "reopen", "activate", "expire", "terminate")


@dataclass(frozen=True)
class StatusChange:
    status: str
    label: str
    at: datetime.datetime
    by: object  # the user, or None for the daily task and data loads
    note: str


def agreement_status_changes(agreement: Agreement) -> list[StatusChange]:
    """The agreement's statuses in order, each with who set it, when and why, from history.

    The reason a user gave is kept after the change code (``agreements.agreement.reopen:
    text``); a termination's reason is a field of the record.
    """
    changes: list[StatusChange] = []
    previous = None
    records = agreement.history.select_related("history_user").order_by("history_date", "pk")
    for record in records:
        code = record.history_change_reason or ""
        # A step may keep the status (reopening while under negotiation): it is still a step.
        step = code.partition(":")[0].rsplit(".", 1)[-1]
        if record.status == previous and step not in TRANSITION_NAMES:
            continue
        previous = record.status
        if record.status == Agreement.Status.TERMINATED:
            note = record.termination_reason
        elif code.endswith(".imported"):
            note = gettext("Imported")
        else:
            note = code.partition(": ")[2]
        changes.append(
            StatusChange(
                status=record.status,
                label=str(Agreement.Status(record.status).label),
                at=record.history_date,
                by=record.history_user,
                note=note,
            )
        )
    return changes


def agreements_expiring(
    *, within_days: int = 180, today: datetime.date | None = None, queryset: QuerySet | None = None
) -> QuerySet:
    """Active agreements that end within ``within_days``, soonest first."""
    today = today or timezone.localdate()
    queryset = Agreement.objects.all() if queryset is None else queryset
    return queryset.filter(
        status=Agreement.Status.ACTIVE,
        valid_to__gte=today,
        valid_to__lte=today + datetime.timedelta(days=within_days),
    ).order_by("valid_to")


def agreements_signed_by_country(*, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """Agreements signed between ``start`` and ``end``, counted by partner country."""
    counts: dict[str, int] = defaultdict(int)
    signed = Agreement.objects.filter(signed_on__range=(start, end)).prefetch_related(
        "institutions"
    )
    for agreement in signed:
        for country in {i.country.code for i in agreement.institutions.all()}:
            counts[country] += 1
    return dict(counts)
