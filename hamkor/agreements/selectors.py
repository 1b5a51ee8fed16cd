"""Reads about agreements: utilisation of quotas, expiring agreements, figures."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from hamkor.agreements.models import Agreement, AgreementParty, MobilityQuota
from hamkor.core.transitions import steps

# Quotas are counted against the mobilities carried out: the mobility app answers.
from hamkor.mobility.selectors import mobility_counts_by_agreement
from hamkor.partners.models import Institution


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
    """Mobilities carried out under ``agreement``, by (academic year, direction, quota kind)."""
    return mobility_counts_by_agreement([agreement.pk]).get(agreement.pk, {})


def realised_mobilities_bulk(agreement_ids: list[int]) -> dict[int, dict]:
    """``realised_mobilities`` of many agreements in one query, for the list's column."""
    return mobility_counts_by_agreement(agreement_ids)


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


@dataclass(frozen=True)
class StatusChange:
    status: str
    label: str
    at: datetime.datetime
    by: object  # the user, or None for the daily task and data loads
    note: str


def agreement_status_changes(agreement: Agreement) -> list[StatusChange]:
    """The agreement's statuses in order, each with who set it, when and why, from history.

    The reason a user gave is the record's ``status_reason``, whole (records written before
    it existed kept a shortened one after the change code: ``agreements.agreement.reopen:
    text``); a termination's reason is a field of the record.
    """
    names = set(steps(Agreement))
    changes: list[StatusChange] = []
    previous = None
    records = agreement.history.select_related("history_user").order_by("history_date", "pk")
    for record in records:
        code = record.history_change_reason or ""
        # A step may keep the status (reopening while under negotiation): it is still a step.
        step = code.partition(":")[0].rsplit(".", 1)[-1]
        if record.status == previous and step not in names:
            continue
        previous = record.status
        if record.status == Agreement.Status.TERMINATED:
            note = record.termination_reason
        elif code.endswith(".imported"):
            note = gettext("Imported")
        else:
            note = record.status_reason or code.partition(": ")[2]
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


@dataclass(frozen=True)
class PublicPartner:
    """A partner institution the website may name, with the kinds of its public agreements
    (in the order of ``Agreement.Kind``)."""

    institution: Institution
    kinds: tuple[str, ...]


def public_partners(*, on: datetime.date | None = None) -> list[PublicPartner]:
    """Partner institutions of the agreements in force on ``on`` (today) that the office
    shows on the website (``Agreement.public``): one query, whatever their number.

    Only the public agreements count, for the institution and for its kinds: a partner of a
    confidential agreement alone is not named, and a confidential agreement's kind is not
    told beside a public one.
    """
    on = on or timezone.localdate()
    parties = (
        AgreementParty.objects.filter(
            agreement__in=Agreement.objects.in_force_on(on).filter(public=True),
            institution__is_home=False,
        )
        .select_related("institution")
        .annotate(kind=F("agreement__kind"))
        .order_by("institution_id", "id")
    )
    kinds: dict[int, set[str]] = {}
    institutions: dict[int, Institution] = {}
    for party in parties:
        institutions[party.institution_id] = party.institution
        kinds.setdefault(party.institution_id, set()).add(party.kind)
    order = list(Agreement.Kind.values)
    return [
        PublicPartner(institution, tuple(sorted(kinds[pk], key=order.index)))
        for pk, institution in institutions.items()
    ]
