"""The Erasmus+ grant of a recorded mobility, and of a project's mobilities.

A mobility funded by a project whose programme has an Erasmus+ action is priced with the
tables of the project's call year (not the academic year of the trip). The distance is the
official calculator's kilometres when staff entered them, else the great-circle distance
between the sending and receiving institutions' coordinates. Reads only: nothing is saved.
"""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from hamkor.grants.erasmus import (
    GrantInputError,
    GrantRequest,
    GrantResult,
    RateMissing,
    distance_km,
    erasmus_grant,
)
from hamkor.grants.models import Participant

# Students staying this many days or more are long-term (the guide's two months).
LONG_TERM_DAYS = 60
STAFF_KINDS = ("staff_teaching", "staff_training", "research")


@dataclass
class MobilityGrant:
    """The computed grant (``result``), or why it cannot be computed (``error``)."""

    request: GrantRequest | None = None
    result: GrantResult | None = None
    error: str = ""
    km_from_coordinates: bool = False

    @property
    def participant_label(self) -> str:
        return str(Participant(self.request.participant).label) if self.request else ""


def _add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` moved by whole months, kept within the target month (31 Jan + 1 = 28/29 Feb)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return day.replace(
        year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1])
    )


def months_and_days(start: datetime.date, end: datetime.date) -> tuple[int, int]:
    """Whole calendar months from ``start`` and the days left (both ends counted); the
    guide's month is 30 days, so 30 days left make one more month."""
    after = end + datetime.timedelta(days=1)
    months = 0
    while _add_months(start, months + 1) <= after:
        months += 1
    days = (after - _add_months(start, months)).days
    if days >= 30:
        return months + 1, days - 30
    return months, days


def participant_of(kind: str, days: int) -> str:
    if kind in STAFF_KINDS:
        return Participant.STAFF
    return Participant.STUDENT_LONG if days >= LONG_TERM_DAYS else Participant.STUDENT_SHORT


def mobility_grant(mobility) -> MobilityGrant | None:
    """The grant of ``mobility``; None when its project's programme is not Erasmus+
    mobility (or it has no project)."""
    project = mobility.funding_project
    if project is None or not project.programme.erasmus_action:
        return None
    grant = MobilityGrant()
    start = mobility.actual_start or mobility.planned_start
    end = mobility.actual_end or mobility.planned_end
    days = (end - start).days + 1
    participant = participant_of(mobility.kind, days)
    if mobility.official_km is not None:
        km = Decimal(mobility.official_km)
    else:
        origin, venue = mobility.sending_institution, mobility.receiving_institution
        points = [(i.latitude, i.longitude) for i in (origin, venue)]
        if any(lat is None or lon is None for lat, lon in points):
            grant.error = _(
                "The distance is unknown: the institutions have no coordinates. Enter the "
                "official calculator's kilometres on the mobility."
            )
            return grant
        km = distance_km(*points)
        grant.km_from_coordinates = True
    months = extra = None
    if participant == Participant.STUDENT_LONG:
        months, extra = months_and_days(start, end)
    grant.request = GrantRequest(
        call_year=project.call_year,
        action=project.programme.erasmus_action,
        participant=participant,
        km=km,
        days=None if months is not None else days,
        months=months,
        extra_days=extra or 0,
        country=mobility.receiving_institution.country.code or "",
        green=mobility.green_travel,
        fewer_opportunities=mobility.fewer_opportunities,
        traineeship=mobility.kind == "student_traineeship",
    )
    try:
        grant.result = erasmus_grant(grant.request)
    except (GrantInputError, RateMissing) as exc:
        grant.error = str(exc)
    return grant


@dataclass
class ProjectGrants:
    """A project's mobilities with their grants, and the sum of those computed."""

    rows: list[tuple[object, MobilityGrant | None]]
    total: Decimal
    missing: int
    unverified: bool


def project_mobility_grants(project) -> ProjectGrants:
    """Each mobility the project funds (cancelled ones left out) with its grant."""
    mobilities = (
        project.mobilities.exclude(status="cancelled")
        .select_related(
            "person",
            "sending_institution",
            "receiving_institution",
            "funding_project__programme",
        )
        .order_by("planned_start", "id")
    )
    rows, total, missing, unverified = [], Decimal(0), 0, False
    for mobility in mobilities:
        grant = mobility_grant(mobility)
        rows.append((mobility, grant))
        if grant is None or grant.result is None:
            missing += 1
            continue
        total += grant.result.total
        unverified = unverified or grant.result.unverified
    return ProjectGrants(rows=rows, total=total, missing=missing, unverified=unverified)
