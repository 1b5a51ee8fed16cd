"""What the public may read of the opportunities, and the open calls beside them."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from hamkor.calls.selectors import eligibility_lines, open_calls
from hamkor.website.opportunities.models import Opportunity

# A public filter by audience: "students" also finds what students and staff may both apply to.
AUDIENCES = {
    Opportunity.Audience.STUDENTS: (Opportunity.Audience.STUDENTS, Opportunity.Audience.BOTH),
    Opportunity.Audience.STAFF: (Opportunity.Audience.STAFF, Opportunity.Audience.BOTH),
}


def opportunities_published() -> QuerySet[Opportunity]:
    """Every published opportunity, open or closed (a closed one stays reachable by its
    address)."""
    return Opportunity.objects.filter(status=Opportunity.Status.PUBLISHED).select_related("partner")


def opportunities_open(
    *, kind: str = "", audience: str = "", now: datetime.datetime | None = None
) -> QuerySet[Opportunity]:
    """Published opportunities whose deadline has not passed, the soonest deadline first;
    narrowed to a ``kind`` and to those an ``audience`` (students or staff) may apply to.
    An unknown kind or audience narrows nothing."""
    found = opportunities_published().filter(deadline__gt=now or timezone.now())
    if kind in Opportunity.Kind.values:
        found = found.filter(kind=kind)
    if audience in AUDIENCES:
        found = found.filter(audience__in=AUDIENCES[audience])
    return found.order_by("deadline", "pk")


def opportunity_public_get(key: str) -> Opportunity | None:
    """A published opportunity by its address or, when ``key`` is a number, its id."""
    found = opportunities_published()
    if key.isascii() and key.isdigit():
        # An id out of the column's range is no record (PostgreSQL would refuse the query).
        return found.filter(pk=int(key)).first() if len(key) < 10 else None
    return found.filter(Q(slug=key)).first()


def calls_open_public() -> list:
    """The university's own open calls for applications (the calls app's ``open_calls``),
    soonest closing first, each with its places and its conditions as ``eligibility``
    lines: what the opportunities page lists beside the opportunities."""
    found = list(open_calls())
    for call in found:
        call.eligibility = eligibility_lines(call)
    return found
